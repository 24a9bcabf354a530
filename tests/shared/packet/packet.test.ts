import { describe, expect, it } from 'vitest';
import { CELL_MAX, clip, formatDate } from '../../../shared/packet/layout';
import { buildPacketDocument } from '../../../shared/packet/packet';
import type { PdfText } from '../../../shared/packet/pdf-types';
import type { Evaluation } from '../../../shared/rules/evaluation';
import { fixtureEvaluation, fixtureTown, meta } from './fixtures';
import { documentText, strings, tables } from './walk';

const build = (data = fixtureTown(), ev: Evaluation = fixtureEvaluation()) =>
  buildPacketDocument(data, ev, meta);
const text = (data = fixtureTown(), ev: Evaluation = fixtureEvaluation()) => documentText(build(data, ev));

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('buildPacketDocument()', () => {
  it('prints the cover: town, action number and name from the settings, year, as-of, preparer, generated on', () => {
    const t = text();
    expect(t).toContain('Maple Hollow');
    expect(t).toContain('7.3 Train Municipal Representatives');
    expect(t).toContain('2026');
    expect(t).toContain('March 1, 2026');
    expect(t).toContain('Dana Whitfield, Town Clerk');
    expect(t).toContain('March 1, 2026 by Equity Training Ledger 0.1.0');
  });

  it('takes the action number and name from the settings, never a constant', () => {
    const data = fixtureTown();
    data.settings.actionNumber = '1.2';
    data.settings.actionName = 'Participate in Equity Training';
    const t = text(data);
    expect(t).toContain('1.2 Participate in Equity Training');
    expect(t).not.toContain('7.3');
  });

  it('summarises each part: status in words, points, credit, completion date, and the total out of 15', () => {
    const t = text();
    expect(t).toContain('Met');
    expect(t).toContain('Review — confirm with Sustainable CT');
    expect(t).toContain('10 of 10');
    expect(t).toContain('5 of 5');
    expect(t).toContain('15 of 15');
    expect(t).toContain('New credit');
    expect(t).toContain('Rolling credit');
    expect(t).toContain('May 14, 2024');
    expect(t).toContain('April 21, 2020');
  });

  it('prints readiness gaps as gaps with their rule ids, and "No gaps." when there are none', () => {
    const t = text();
    expect(t).toContain('Title missing for Kim Cho');
    expect(t).toContain('(P1.9)');
    const ev = fixtureEvaluation();
    ev.gaps = [];
    ev.part1.gaps = [];
    expect(text(fixtureTown(), ev)).toContain('No gaps.');
    expect(text(fixtureTown(), ev)).not.toContain('Title missing for Kim Cho');
  });

  it('lists the Part 1 cohort: names, titles when attending, roles filled, session dates and reasons with rule ids', () => {
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
    expect(t).toContain('E — Elected official of an executive body');
    expect(t).toContain('Elected official — Board of Selectmen');
    expect(t).toContain('S — Director- or management-level staff');
    expect(t).toContain('R — Resident sustainability team member');
    expect(t).toContain('Other attendee');
    expect(t).toContain('Title missing');
    expect(t).toContain('2024 Equity Series');
    expect(t).toContain('March 12, 2024');
    expect(t).toContain('Conversations About Race');
    expect(t).toContain('P1.4');
    expect(t).toContain('Avery Stone (E), Bea Quill (S) and Kim Cho (R) each completed every topic.');
    expect(t).toContain('Not provided by Sustainable CT (P1.1).');
  });

  it('lists the Part 2 training: name, date, entity, delivery, description, attendee count, departments, attendees', () => {
    const t = text();
    expect(t).toContain('Bridging Differences');
    expect(t).toContain('Connecticut Conference of Municipalities');
    expect(t).toContain('In person');
    expect(t).toContain('Facilitated workshop on listening across difference.');
    expect(t).toContain('Agenda: welcome; case studies; practice.');
    expect(t).toContain(
      '14 municipal attendees (2 listed by name; 14 in all by the sign-in sheet, including those listed)',
    );
    expect(t).toContain('Public Works; Library');
    expect(t).toContain('Lee Marsh');
    expect(t).toContain('Librarian');
    expect(t).toContain('Bridging Differences is also Part 1 evidence.');
  });

  it('says when a part has no evidence instead of leaving it blank', () => {
    const ev = fixtureEvaluation();
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
    expect(t).toContain('No series qualifies for Part 1.');
    expect(t).toContain('No session qualifies for Part 2.');
    expect(t).toContain('No credit (not met)');
  });

  it('explains the timeframe per part with T rules and prints the rolling narrative, or a gap when it is empty', () => {
    const t = text();
    expect(t).toContain('on or after January 1, 2023 earns new credit (T.1)');
    expect(t).toContain('Part 2 — Rolling credit');
    expect(t).toContain('The library still runs the monthly equity circle.');
    const data = fixtureTown();
    data.town.rollingNarrative.part2 = '  ';
    expect(text(data)).toContain('Narrative missing');
  });

  it('mentions the recertification rule when the current certification expires in the certification year', () => {
    const ev = fixtureEvaluation();
    ev.recertification = { yearAwarded: 2023, level: 'Bronze', expires: 2026 };
    expect(text(fixtureTown(), ev)).toContain(
      "The town's Bronze certification (awarded 2023) expires in 2026: evidence that already earned credit applies for rolling credit (T.3).",
    );
  });

  it('prints partners with the municipality role, or "None." when there are none', () => {
    const t = text();
    expect(t).toContain('Town of Cedar Falls');
    expect(t).toContain('Hosted the training and shared the fee.');
    expect(text(fixtureTown({ partners: [] }))).toMatch(/Partners\nNone\./);
  });

  it('prints the coaching hours and the Optimize for Equity level', () => {
    const t = text();
    expect(t).toContain('2.5 hours used of 4 hours of free equity coaching.');
    expect(t).toContain('Level reached: Bronze. Silver needs 2 more.');
    expect(t).toContain('4.1 Plan for Climate Resilience');
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
    expect(withHeader.length).toBeGreaterThanOrEqual(5);
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
