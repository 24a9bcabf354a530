import { describe, expect, it } from 'vitest';
import { CELL_MAX, clip, formatDate } from '../../../shared/packet/layout';
import { PART_ASKS, buildPacketDocument, draftMark } from '../../../shared/packet/packet';
import type { PdfText } from '../../../shared/packet/pdf-types';
import type { Evaluation } from '../../../shared/rules/evaluation';
import { fixtureEvaluation, fixtureTown, meta } from './fixtures';
import { documentText, strings, tables } from './walk';

const build = (data = fixtureTown(), ev: Evaluation = fixtureEvaluation()) =>
  buildPacketDocument(data, ev, meta);
const text = (data = fixtureTown(), ev: Evaluation = fixtureEvaluation()) => documentText(build(data, ev));

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const appendixText = (data = fixtureTown(), ev: Evaluation = fixtureEvaluation()) =>
  documentText(buildPacketDocument(data, ev, meta, { appendix: true }));
/** The evaluation with every gap closed, so the packet is the one to submit. */
const noGaps = (): Evaluation => {
  const ev = fixtureEvaluation();
  ev.gaps = [];
  ev.part1.gaps = [];
  ev.part2.gaps = [];
  return ev;
};
const ruleId = /\b(P1|P2)\.\d|\bT\.[1-4]\b/;

describe('buildPacketDocument()', () => {
  it('prints the cover: town, action number and name, year and round, preparer, title, email, phone, date', () => {
    const data = fixtureTown();
    data.town.preparedByEmail = 'dana@maple.example.org';
    data.town.preparedByPhone = '(860) 555-0101';
    data.town.certificationRound = 'fall';
    const t = text(data);
    expect(t).toContain('Maple Hollow');
    expect(t).toContain('7.3 Train Municipal Representatives');
    expect(t).toContain('2026, fall round');
    expect(t).toContain('Dana Whitfield');
    expect(t).toContain('Town Clerk');
    expect(t).toContain('dana@maple.example.org');
    expect(t).toContain('(860) 555-0101');
    expect(t).toContain('March 1, 2026');
  });

  it('takes the action number and name from the settings, never a constant', () => {
    const data = fixtureTown();
    data.settings.actionNumber = '1.2';
    data.settings.actionName = 'Participate in Equity Training';
    const t = text(data);
    expect(t).toContain('1.2 Participate in Equity Training');
    expect(t).not.toContain('7.3');
  });

  it("heads each part with what the action asks it to submit, in the action's order", () => {
    const t = text();
    const p1 = t.indexOf(PART_ASKS.part1);
    const p2 = t.indexOf(PART_ASKS.part2);
    expect(p1).toBeGreaterThan(0);
    expect(p2).toBeGreaterThan(p1);
    expect(t.indexOf('Partners')).toBeGreaterThan(p2);
  });

  it('prints no rule id, "Why" list, empty-gap line or zero filler in the submission', () => {
    const t = text(fixtureTown(), noGaps());
    expect(t).not.toMatch(ruleId);
    expect(t).not.toMatch(/\nWhy\n/);
    expect(t).not.toContain('No gaps');
    expect(t).not.toContain('Readiness gaps');
    expect(t).not.toContain('0 hours');
    expect(t).not.toContain('No level reached');
    expect(t).not.toContain('Optimize for Equity');
  });

  it('marks every page DRAFT and lists the gaps on a first "Before you submit" page exactly when gaps are open', () => {
    const doc = build();
    const gaps = fixtureEvaluation().gaps;
    expect(gaps.length).toBeGreaterThan(0);
    expect(strings(doc.header!(3, 5)).join(' ')).toBe(draftMark(gaps.length));
    const t = text();
    expect(t.indexOf('BEFORE YOU SUBMIT')).toBe(0);
    for (const g of gaps) expect(t).toContain(g.text);
    const clean = build(fixtureTown(), noGaps());
    expect(clean.header).toBeUndefined();
    expect(documentText(clean)).not.toContain('BEFORE YOU SUBMIT');
    expect(documentText(clean)).not.toContain('DRAFT');
    expect(draftMark(1)).toBe('DRAFT — 1 item missing');
  });

  it('lists the Part 1 series, cohort members with title and role in plain words, and the session dates and places', () => {
    const t = text();
    for (const s of [
      'Avery Stone',
      'Bea Quill',
      'Kim Cho',
      'Olu Ade',
      'First Selectman',
      'Director of Public Works',
    ]) {
      expect(t).toContain(s);
    }
    expect(t).toContain('Elected official, Board of Selectmen');
    expect(t).toContain('Title missing');
    expect(t).toContain('2024 Equity Series');
    expect(t).toContain('March 12, 2024');
    expect(t).toContain('Conversations About Race');
    expect(t).toContain('Town Hall, Room 2');
  });

  it('prints each Part 2 field labelled: name, date, entity, description in full, attendee number, departments', () => {
    const t = text();
    for (const label of [
      'Name of the training',
      'Date',
      'Training entity',
      'Description of what was covered',
      'Number of attendees',
      'Municipal departments represented',
    ]) {
      expect(t).toContain(label);
    }
    expect(t).toContain('Bridging Differences');
    expect(t).toContain('Connecticut Conference of Municipalities');
    expect(t).toContain('Facilitated workshop on listening across difference.');
    expect(t).toContain('Agenda: welcome; case studies; practice.');
    expect(t).toContain('14 municipal attendees');
    expect(t).toContain('Public Works\nLibrary');
  });

  it('says when a part has nothing to submit instead of leaving it blank', () => {
    const ev = noGaps();
    ev.part1 = {
      ...ev.part1,
      status: 'notMet',
      points: 0,
      credit: null,
      completionDate: null,
      evidence: null,
    };
    ev.part2 = {
      ...ev.part2,
      status: 'notMet',
      points: 0,
      credit: null,
      completionDate: null,
      evidence: null,
    };
    const t = text(fixtureTown(), ev);
    expect(t).toContain('No training series to submit for Part 1 yet.');
    expect(t).toContain('No training to submit for Part 2 yet.');
    expect(t).not.toContain('Timeframe for credit');
  });

  it('states the timeframe per part: new credit, or rolling credit with the narrative (missing when empty)', () => {
    const t = text();
    expect(t).toContain('New credit: completed May 14, 2024, on or after January 1, 2023');
    expect(t).toContain('Rolling credit: completed April 21, 2020');
    expect(t).toContain('The library still runs the monthly equity circle.');
    const data = fixtureTown();
    data.town.rollingNarrative.part2 = '  ';
    expect(text(data)).toContain('Narrative missing');
  });

  it('says a rolling part was credited in the expiring certification when the engine cites T.3', () => {
    const ev = fixtureEvaluation();
    ev.recertification = { yearAwarded: 2023, level: 'Bronze', expires: 2026 };
    ev.part2.reasons = [...ev.part2.reasons, { rule: 'T.3', kind: 'info', text: 'credited before' }];
    expect(text(fixtureTown(), ev)).toContain(
      "credited in the town's 2023 certification, which expires in 2026",
    );
  });

  it('prints partners with the municipality role, or "None." when there are none', () => {
    const t = text();
    expect(t).toContain('Town of Cedar Falls');
    expect(t).toContain('Hosted the training and shared the fee.');
    expect(text(fixtureTown({ partners: [] }))).toMatch(/Partners\nNone\./);
  });

  it('ends with a signature block: prepared by, title, date and a line to sign', () => {
    const t = text();
    const block = t.slice(t.indexOf('Prepared and submitted by'));
    expect(block).toContain('Dana Whitfield');
    expect(block).toContain('Town Clerk');
    expect(block).toContain('March 1, 2026');
    expect(block).toContain('Signature');
  });

  it('adds "How the town checked eligibility" only when asked: reasons with rule ids, not counted, attendees, coaching', () => {
    expect(text()).not.toContain('How the town checked eligibility');
    const t = appendixText();
    const at = t.indexOf('Appendix — How the town checked eligibility');
    expect(at).toBeGreaterThan(0);
    const appendix = t.slice(at);
    expect(appendix).toContain('Review — confirm with Sustainable CT');
    expect(appendix).toContain('15 of 15');
    expect(appendix).toContain('P1.4');
    expect(appendix).toContain('Avery Stone (E), Bea Quill (S) and Kim Cho (R) each completed every topic.');
    expect(appendix).toContain('Not provided by Sustainable CT (P1.1).');
    expect(appendix).toContain('Lee Marsh');
    expect(appendix).toContain('Title missing for Kim Cho');
    expect(appendix).toContain('2.5 of 4 free hours used');
    expect(appendix).toContain('level reached: Bronze; Silver needs 2 more');
    expect(appendix).toContain('4.1 Plan for Climate Resilience');
  });

  it('is an archival PDF/A-2b document in US English with title, author and subject', () => {
    const doc = build();
    expect(doc.subset).toBe('PDF/A-2b');
    expect(doc.version).toBe('1.7');
    expect(doc.language).toBe('en-US');
    expect(doc.info?.title).toContain('Maple Hollow');
    expect(doc.info?.author).toBe('Dana Whitfield');
    expect(doc.info?.subject).toContain('2026');
  });

  it('puts town, action and "Page X of Y" in the footer of every page', () => {
    const doc = build();
    const footer = strings(doc.footer!(2, 7)).join(' ');
    expect(footer).toContain('Maple Hollow');
    expect(footer).toContain('Action 7.3 Train Municipal Representatives');
    expect(footer).toContain('Page 2 of 7');
    expect(doc.pageSize).toBe('LETTER');
  });

  it('repeats the header row of every data table across pages and never splits a row', () => {
    const all = tables(build().content);
    const withHeader = all.filter((t) => (t.table.body[0]?.[0] as PdfText | undefined)?.style === 'th');
    expect(withHeader.length).toBeGreaterThanOrEqual(3);
    for (const t of withHeader) expect(t.table.headerRows).toBe(1);
    for (const t of all) expect(t.table.dontBreakRows).toBe(true);
  });

  it('is pure: the same inputs give the same definition, and the inputs are not changed', () => {
    const data = fixtureTown();
    const ev = fixtureEvaluation();
    const before = JSON.stringify([data, ev]);
    expect(JSON.stringify(buildPacketDocument(data, ev, meta))).toBe(
      JSON.stringify(buildPacketDocument(data, ev, meta)),
    );
    expect(JSON.stringify([data, ev])).toBe(before);
  });

  it('prints hostile text as inert plain text: markup verbatim, absurd names clipped, emoji never cut in half', () => {
    const ev = fixtureEvaluation();
    const huge = 'Ω'.repeat(10_000);
    const emojiName = `${'👩🏽‍💻'.repeat(200)} Ada`;
    const members = ev.part1.evidence!.cohort;
    members[0] = { ...members[0]!, name: '<script>alert("x")</script>' };
    members[1] = { ...members[1]!, name: huge };
    members[2] = { ...members[2]!, name: emojiName, title: 'שלום עולם مرحبا' };
    const all = strings(build(fixtureTown(), ev).content);
    expect(all).toContain('<script>alert("x")</script>');
    const clipped = all.find((s) => s.startsWith('ΩΩΩ'))!;
    expect(Array.from(clipped)).toHaveLength(CELL_MAX);
    expect(clipped.endsWith('…')).toBe(true);
    expect(all).toContain('שלום עולם مرحبا');
    for (const s of all) expect(s).not.toMatch(loneSurrogate);
    expect(all.some((s) => s.includes('👩🏽'))).toBe(true);
  });
});

describe('clip()', () => {
  it('keeps short text, collapses whitespace, and ends long text with an ellipsis at the limit', () => {
    expect(clip('  Pat\n Lee\t ')).toBe('Pat Lee');
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('formatDate()', () => {
  it('prints an ISO day as "April 21, 2020" without shifting it by a time zone', () => {
    expect(formatDate('2020-04-21')).toBe('April 21, 2020');
    expect(formatDate('2023-01-01')).toBe('January 1, 2023');
  });
});
