/**
 * The submission packet for "Participate in Equity Training": a pure function
 * from the town's data and the rules engine's evaluation to a pdfmake document
 * definition. It decides nothing (every status, reason and gap comes from
 * `shared/rules/`).
 *
 * Why it reads as a submission, not an audit trail: the reviewer at Sustainable
 * CT looks for what the action asks each part to submit (P1.9, P2.7), the
 * timeframe for credit (T.1–T.3) and the partners. So the body prints exactly
 * those, headed by the action's own words, and nothing of the app's own
 * reasoning (no rule ids, no "why" lists, no zero lines). The town's check —
 * reasons with rule ids, what was not counted — is an optional appendix for the
 * town's file copy. Open readiness gaps are never hidden: a "Before you submit"
 * first page lists them and every page carries a DRAFT mark.
 */
import {
  certificationRoundLabels,
  cohortRoleLabels,
  creditLabels,
  deliveryLabels,
  municipalityHeading,
  statusLabels,
} from '../domain/labels';
import type { TownData } from '../domain/schema';
import type {
  CohortMember,
  Evaluation,
  Part1Evaluation,
  Part2Evaluation,
  PartStatus,
  ReadinessGap,
  Reason,
} from '../rules/evaluation';
import {
  ACCENT,
  CELL_MAX,
  CONTENT_WIDTH,
  INK,
  LINE_MAX,
  MUTED,
  PAGE_MARGINS,
  accentRule,
  clip,
  dataTable,
  defaultStyle,
  detailsTable,
  formatDate,
  h1,
  h2,
  keepHeadingsWithContent,
  runningFooter,
  styles,
  townLabel,
} from './layout';
import type { PdfContent, PdfDocument, PdfPageContent, PdfText } from './pdf-types';

/** What the packet prints about its own making. */
export interface PacketMeta {
  /** The day the packet was generated, ISO `YYYY-MM-DD`; printed as the packet's date. */
  generatedOn: string;
  appVersion: string;
}

export interface PacketOptions {
  /**
   * Adds "How the town checked eligibility" (the rules engine's reasons with rule
   * ids, what was not counted, the attendee list): for the town's file copy, not
   * for the copy to submit. Off by default.
   */
  appendix?: boolean;
}

/** What each part asks the town to submit, in the action's own words (P1.9, P2.7). */
export const PART_ASKS = {
  part1:
    'The name and title of each person who attended the trainings and the dates the trainings were held.',
  part2:
    'The name and date of the training, the training entity, a description of what was covered, the number of attendees and the municipal departments represented.',
} as const;

const partTitles = {
  part1: 'Part 1 — Equity training for a cohort of municipal representatives',
  part2: 'Part 2 — A live equity training for municipal staff and officials',
} as const;

/** The DRAFT mark printed on every page while readiness gaps are open. */
export function draftMark(gapCount: number): string {
  return `DRAFT — ${gapCount} item${gapCount === 1 ? '' : 's'} missing`;
}

const missing = (text: string): PdfText => ({ text, style: 'gap', italics: true });

/** Free text (a description, an agenda, a narrative) as paragraphs; pdfmake wraps and paginates prose. */
function paragraphs(text: string): PdfContent {
  return {
    stack: text
      .trim()
      .split(/\n{2,}/)
      .map((p) => ({ text: p.trim(), margin: [0, 0, 0, 4] as [number, number, number, number] })),
  };
}

/** The action's request, quoted under each part's heading. */
function asks(part: 'part1' | 'part2'): PdfContent {
  return {
    text: [
      { text: 'Submit: ', bold: true, color: ACCENT },
      { text: PART_ASKS[part], italics: true },
    ],
    margin: [0, 0, 0, 8],
  };
}

/** "Before you submit": every open gap in plain words, on its own first page. */
function beforeYouSubmit(gaps: ReadinessGap[]): PdfContent[] {
  return [
    { text: 'BEFORE YOU SUBMIT', style: 'kicker', margin: [0, 0, 0, 8] },
    { text: draftMark(gaps.length), style: 'title', color: '#7a2e0e' },
    accentRule([0, 10, 0, 12]),
    {
      text: 'This packet is a draft: the items below are still missing from the submission. Fill them in with Equity Training Ledger and create the packet again. This page and the DRAFT mark disappear once nothing is missing.',
      margin: [0, 0, 0, 10],
    },
    {
      ol: gaps.map((g) => ({
        text: clip(g.text, LINE_MAX),
        margin: [0, 0, 0, 4] as [number, number, number, number],
      })),
    },
    { text: '', pageBreak: 'after' },
  ];
}

function cover(data: TownData, ev: Evaluation, meta: PacketMeta): PdfContent[] {
  const { settings, town } = data;
  const rows: [string, PdfContent][] = [
    ['Municipality', { text: townLabel(municipalityHeading(town)), bold: true }],
    ['Action', `${clip(settings.actionNumber, 20)} ${clip(settings.actionName, 200)}`],
    [
      'Certification',
      `${ev.certificationYear}, ${certificationRoundLabels[town.certificationRound].toLowerCase()}`,
    ],
    ['Prepared by', clip(town.preparedBy) || missing('Preparer missing')],
  ];
  if (town.preparedByTitle.trim()) rows.push(['Title', clip(town.preparedByTitle)]);
  if (town.preparedByEmail.trim()) rows.push(['Email', clip(town.preparedByEmail)]);
  if (town.preparedByPhone.trim()) rows.push(['Phone', clip(town.preparedByPhone)]);
  rows.push(['Date', formatDate(meta.generatedOn)]);
  return [
    { text: 'SUSTAINABLE CT  ·  CERTIFICATION SUBMISSION', style: 'kicker', margin: [0, 0, 0, 8] },
    { text: clip(settings.actionName, 200), style: 'title' },
    {
      text: `Action ${clip(settings.actionNumber, 20)}  ·  ${townLabel(municipalityHeading(town))}`,
      style: 'subtitle',
      margin: [0, 4, 0, 0],
    },
    accentRule([0, 10, 0, 12]),
    detailsTable(rows),
  ];
}

/** "Elected official of the Board of Selectmen", "Director-level staff, Public Works", ... */
function roleWords(m: CohortMember): PdfContent {
  // The engine's label reads "Elected official — Board of Selectmen"; a comma reads better in a table.
  const label = clip(m.roleLabel.replace(/\s+—\s+/g, ', '));
  if (m.role === null) return label ? `Town attendee (${label})` : 'Town attendee';
  return label || cohortRoleLabels[m.role];
}

/**
 * The timeframe statement for one part: new credit, or rolling credit with the
 * town's narrative (T.1–T.3). Nothing for a part with no claimable evidence.
 */
export function timeframeStatement(part: Part1Evaluation | Part2Evaluation, ev: Evaluation): string | null {
  if (part.credit === null || part.completionDate === null) return null;
  const done = formatDate(part.completionDate);
  if (part.credit === 'new') {
    return `New credit: completed ${done}, on or after ${formatDate(ev.newCreditFrom)}, within the three years before certification year ${ev.certificationYear}.`;
  }
  // The engine cites T.3 when the evidence is rolling because it was credited before.
  if (ev.recertification && part.reasons.some((r) => r.rule === 'T.3')) {
    return `Rolling credit: completed ${done} and credited in the town's ${ev.recertification.yearAwarded} certification, which expires in ${ev.recertification.expires}.`;
  }
  return `Rolling credit: completed ${done}, before ${formatDate(ev.newCreditFrom)}.`;
}

function timeframe(data: TownData, ev: Evaluation, part: Part1Evaluation | Part2Evaluation): PdfContent[] {
  const statement = timeframeStatement(part, ev);
  if (statement === null) return [];
  const out: PdfContent[] = [h2('Timeframe for credit'), { text: statement, margin: [0, 0, 0, 4] }];
  if (part.credit === 'rolling') {
    const narrative = data.town.rollingNarrative[part.id].trim();
    out.push({ text: 'Narrative of ongoing impact', bold: true, margin: [0, 4, 0, 3] });
    out.push(narrative ? paragraphs(narrative) : missing('Narrative missing'));
  }
  return out;
}

function part1Section(data: TownData, ev: Evaluation): PdfContent[] {
  const p = ev.part1;
  const out: PdfContent[] = [h1(partTitles.part1), asks('part1')];
  const e = p.evidence;
  if (e === null) {
    out.push({ text: 'No training series to submit for Part 1 yet.', margin: [0, 0, 0, 4] });
    return out;
  }
  out.push(
    detailsTable([
      ['Training series', { text: clip(e.seriesName), bold: true }],
      ['Topics', e.topics.length > 0 ? { stack: e.topics.map((t) => clip(t.name)) } : '—'],
    ]),
    h2('Who attended'),
    dataTable(
      ['Name', 'Title when attending', 'Role'],
      e.cohort.map((m) => [
        { text: clip(m.name), bold: true },
        m.title ? clip(m.title) : missing('Title missing'),
        roleWords(m),
      ]),
      [130, 140, '*'],
    ),
    h2('Dates the trainings were held'),
    e.sessions.length > 0
      ? dataTable(
          ['Date', 'Training', 'Where'],
          e.sessions.map((s) => [
            { text: formatDate(s.date), noWrap: true },
            clip(s.trainingName),
            clip(s.location) || '—',
          ]),
          [95, '*', 170],
        )
      : missing('Session dates missing'),
    ...timeframe(data, ev, p),
  );
  return out;
}

function attendeeNumber(e: NonNullable<Part2Evaluation['evidence']>): string {
  return `${e.attendeeCount} municipal attendee${e.attendeeCount === 1 ? '' : 's'}`;
}

function part2Section(data: TownData, ev: Evaluation): PdfContent[] {
  const p = ev.part2;
  const out: PdfContent[] = [{ text: '', margin: [0, 14, 0, 0] }, h1(partTitles.part2), asks('part2')];
  const e = p.evidence;
  if (e === null) {
    out.push({ text: 'No training to submit for Part 2 yet.', margin: [0, 0, 0, 4] });
    return out;
  }
  const where = [deliveryLabels[e.delivery], clip(e.location)].filter(Boolean).join(', ');
  out.push(
    detailsTable([
      ['Name of the training', { text: clip(e.trainingName), bold: true }],
      ['Date', formatDate(e.date)],
      ['Training entity', clip(e.provider) || missing('Training entity missing')],
      ['How and where held', where],
      ['Number of attendees', attendeeNumber(e)],
      [
        'Municipal departments represented',
        e.departments.length > 0
          ? { stack: e.departments.map((d) => clip(d)) }
          : missing('Departments missing'),
      ],
    ]),
    h2('Description of what was covered'),
    e.description.trim() ? paragraphs(e.description) : missing('Description missing'),
    ...timeframe(data, ev, p),
  );
  return out;
}

function partnersSection(data: TownData): PdfContent[] {
  const out: PdfContent[] = [h1('Partners')];
  if (data.partners.length === 0) {
    out.push({ text: 'None.', margin: [0, 0, 0, 4] });
    return out;
  }
  out.push(
    dataTable(
      ['Partner', "The municipality's role"],
      data.partners.map((p) => [
        {
          stack: [
            { text: clip(p.name), bold: true },
            { text: p.kind === 'municipality' ? 'Municipality' : 'Organization', style: 'small' },
          ],
        },
        p.role.trim() ? clip(p.role, CELL_MAX) : missing('Role missing'),
      ]),
      [170, '*'],
    ),
  );
  return out;
}

/** Prepared by, title, date and a line to sign on; kept on one page. */
function signatureBlock(data: TownData, meta: PacketMeta): PdfContent {
  const line = (width: number): PdfContent => ({
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.75, lineColor: INK }],
    margin: [0, 26, 0, 2],
  });
  const title = clip(data.town.preparedByTitle);
  return {
    unbreakable: true,
    margin: [0, 18, 0, 0],
    stack: [
      { text: 'Prepared and submitted by', style: 'h2', margin: [0, 0, 0, 6] },
      detailsTable([
        ['Name', clip(data.town.preparedBy) || missing('Preparer missing')],
        ['Title', title || '—'],
        ['Municipality', townLabel(municipalityHeading(data.town))],
        ['Date', formatDate(meta.generatedOn)],
      ]),
      {
        columns: [
          {
            width: CONTENT_WIDTH * 0.6,
            stack: [line(CONTENT_WIDTH * 0.55), { text: 'Signature', style: 'small' }],
          },
          { width: '*', stack: [line(CONTENT_WIDTH * 0.35), { text: 'Date', style: 'small' }] },
        ],
      },
    ],
  };
}

/* ---------- Appendix: the town's own check ---------- */

const statusWords: Record<PartStatus, string> = {
  met: statusLabels.met,
  review: `${statusLabels.review} — confirm with Sustainable CT`,
  notMet: statusLabels.notMet,
  planned: `${statusLabels.planned} — not yet claimable`,
};

const reasonWords: Record<Reason['kind'], string> = {
  ok: 'Counts',
  problem: 'Does not count',
  review: 'Review',
  warning: 'Check',
  info: 'Note',
};

/** Reasons as the engine wrote them, each with its rule id; the wording is the engine's, printed as is. */
function reasonList(reasons: Reason[]): PdfContent {
  if (reasons.length === 0) return { text: 'No reasons recorded.', color: MUTED };
  return {
    stack: reasons.map((r): PdfText => ({
      margin: [0, 0, 0, 3],
      text: [
        { text: `${r.rule}  `, bold: true, color: MUTED },
        { text: `${reasonWords[r.kind]}: `, bold: true },
        { text: clip(r.text, LINE_MAX) },
      ],
    })),
  };
}

function gapLines(gaps: ReadinessGap[]): PdfContent {
  return {
    stack: gaps.map((g): PdfText => ({
      margin: [0, 0, 0, 3],
      text: [
        { text: `${g.rule}  `, bold: true, color: MUTED },
        { text: 'Missing: ', bold: true, style: 'gap' },
        { text: clip(g.text, LINE_MAX) },
      ],
    })),
  };
}

function appendix(data: TownData, ev: Evaluation): PdfContent[] {
  const row = (title: string, p: Part1Evaluation | Part2Evaluation): PdfContent[] => [
    { text: title, bold: true },
    statusWords[p.status],
    `${p.points} of ${p.maxPoints}`,
    p.credit ? creditLabels[p.credit] : '—',
    p.completionDate ? formatDate(p.completionDate) : '—',
  ];
  const out: PdfContent[] = [
    h1('Appendix — How the town checked eligibility', 'before'),
    {
      text: `The town's own check with Equity Training Ledger, for its file copy: not part of the submission. Certification year ${ev.certificationYear}, as of ${formatDate(ev.asOfDate)}; evidence completed on or after ${formatDate(ev.newCreditFrom)} earns new credit. Rule ids refer to the app's rule book.`,
      style: 'small',
      margin: [0, 0, 0, 6],
    },
    dataTable(
      ['Part', 'Status', 'Points', 'Credit', 'Completed'],
      [
        row('Part 1', ev.part1),
        row('Part 2', ev.part2),
        [
          { text: 'Total', bold: true },
          '',
          { text: `${ev.totalPoints} of ${ev.maxPoints}`, bold: true },
          '',
          '',
        ],
      ],
      [60, '*', 48, 80, 95],
    ),
  ];
  if (ev.gaps.length > 0) out.push(h2('Still missing'), gapLines(ev.gaps));
  out.push(h2('Part 1 — reasons'), reasonList(ev.part1.reasons));
  const p1 = ev.part1.evidence;
  if (p1 !== null) {
    out.push(
      h2('Part 1 — sessions attended by each cohort member'),
      dataTable(
        ['Name', 'Role', 'Sessions attended', 'All topics'],
        p1.cohort.map((m) => [
          { text: clip(m.name), bold: true },
          m.role === null ? 'Other attendee' : `${m.role} — ${cohortRoleLabels[m.role]}`,
          m.sessions.length > 0 ? { stack: m.sessions.map((s) => formatDate(s.date)) } : '—',
          m.completedAllTopics ? 'Yes' : 'No',
        ]),
        [120, '*', 100, 50],
      ),
    );
  }
  if (ev.part1.notCounted.length > 0) {
    out.push(
      h2('Not counted for Part 1'),
      dataTable(
        ['Training or series', 'Why not'],
        ev.part1.notCounted.map((n) => [clip(n.name), clip(n.reason, CELL_MAX)]),
        [170, '*'],
      ),
    );
  }
  out.push(h2('Part 2 — reasons'), reasonList(ev.part2.reasons));
  const p2 = ev.part2.evidence;
  if (p2 !== null && p2.attendees.length > 0) {
    // The reported count is the session's total, roster or not (P2.3): "including those listed" says so.
    const reported =
      p2.reportedCount === null
        ? ''
        : `; ${p2.reportedCount} in all by the sign-in sheet, including those listed`;
    out.push(
      h2(`Part 2 — municipal attendees listed by name (${p2.listedCount}${reported})`),
      dataTable(
        ['Name', 'Title', 'Department, school or board'],
        p2.attendees.map((a) => [
          { text: clip(a.name), bold: true },
          a.title ? clip(a.title) : '—',
          a.department ? clip(a.department) : '—',
        ]),
        ['*', '*', '*'],
      ),
    );
  }
  if (ev.warnings.length > 0) out.push(h2('Warnings'), reasonList(ev.warnings));
  const c = ev.coaching;
  const o = ev.optimizeForEquity;
  const actions = data.optimizeForEquity.map((a) =>
    clip(`${a.actionNumber ? `${a.actionNumber} ` : ''}${a.actionName}`),
  );
  out.push(
    h2('Around the action'),
    detailsTable([
      [
        'Equity coaching',
        `${c.hoursUsed} of ${c.freeHours} free hours used${c.overFreeHours ? ' — past the free hours' : ''}`,
      ],
      [
        'Optimize for Equity',
        {
          stack: [
            `Applied to ${o.actionsCount} action${o.actionsCount === 1 ? '' : 's'}${o.levelReached ? `; level reached: ${clip(o.levelReached, 100)}` : ''}${o.next ? `; ${clip(o.next.level, 100)} needs ${o.next.actionsMore} more` : ''}.`,
            ...(actions.length > 0
              ? [{ ul: actions, margin: [0, 3, 0, 0] as [number, number, number, number] }]
              : []),
          ],
        },
      ],
    ]),
  );
  return out;
}

/** The DRAFT mark at the top right of every page, or nothing when no gap is open. */
function draftHeader(gaps: number): PdfPageContent | undefined {
  if (gaps === 0) return undefined;
  return () => ({
    text: draftMark(gaps),
    alignment: 'right',
    bold: true,
    fontSize: 10,
    color: '#7a2e0e',
    margin: [PAGE_MARGINS[0], 26, PAGE_MARGINS[2], 0],
  });
}

/**
 * Builds the submission packet for one town and one evaluation (LETTER, PDF/A-2b,
 * running footer "town · action · Page X of Y" on every page).
 *
 * Pure: the same inputs give the same definition. The action's number and name
 * come from `data.settings`, never constants. Text typed by users is printed as
 * plain text and clipped in table cells (see `CELL_MAX`).
 */
export function buildPacketDocument(
  data: TownData,
  evaluation: Evaluation,
  meta: PacketMeta,
  options: PacketOptions = {},
): PdfDocument {
  const town = townLabel(municipalityHeading(data.town));
  const action = `Action ${data.settings.actionNumber} ${data.settings.actionName}`;
  const gaps = evaluation.gaps;
  const header = draftHeader(gaps.length);
  return {
    info: {
      title: `${clip(action, 200)} — ${town} — certification ${evaluation.certificationYear}`,
      author: clip(data.town.preparedBy) || town,
      subject: `Sustainable CT certification submission, ${evaluation.certificationYear} ${data.town.certificationRound} round`,
      creator: `Equity Training Ledger ${clip(meta.appVersion, 40)}`,
      producer: `Equity Training Ledger ${clip(meta.appVersion, 40)}`,
    },
    // Archival: the town keeps this file for years and may have to show it at recertification.
    version: '1.7',
    subset: 'PDF/A-2b',
    language: 'en-US',
    displayTitle: true,
    pageSize: 'LETTER',
    pageMargins: PAGE_MARGINS,
    ...(header ? { header } : {}),
    footer: runningFooter(town, action),
    pageBreakBefore: keepHeadingsWithContent,
    styles,
    defaultStyle,
    content: [
      ...(gaps.length > 0 ? beforeYouSubmit(gaps) : []),
      ...cover(data, evaluation, meta),
      { text: '', margin: [0, 14, 0, 0] },
      ...part1Section(data, evaluation),
      ...part2Section(data, evaluation),
      { text: '', margin: [0, 10, 0, 0] },
      ...partnersSection(data),
      signatureBlock(data, meta),
      ...(options.appendix ? appendix(data, evaluation) : []),
    ],
  };
}
