/**
 * The evidence packet for "Participate in Equity Training": a pure function from
 * the town's data and the rules engine's evaluation to a pdfmake document
 * definition. It decides nothing (every status, reason and gap comes from
 * `shared/rules/`); it only lays the evaluation out the way the program asks
 * for it to be submitted (P1.9, P2.7, T.1–T.3) and prints every readiness gap
 * as a gap, never hiding one.
 */
import {
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
  CELL_MAX,
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
import type { PdfContent, PdfDocument, PdfText } from './pdf-types';

/** What the packet prints about its own making. */
export interface PacketMeta {
  /** The day the packet was generated, ISO `YYYY-MM-DD`. */
  generatedOn: string;
  appVersion: string;
}

/** Status in words, so it reads without colour (and in black-and-white print). */
const statusWords: Record<PartStatus, string> = {
  met: statusLabels.met,
  review: `${statusLabels.review} — confirm with Sustainable CT`,
  notMet: statusLabels.notMet,
  planned: `${statusLabels.planned} — not yet claimable`,
};

/** How each reason is marked, in words rather than colour or symbols (Roboto has no check marks). */
const reasonWords: Record<Reason['kind'], string> = {
  ok: 'Counts',
  problem: 'Does not count',
  review: 'Review',
  warning: 'Check',
  info: 'Note',
};

const partTitles = {
  part1: 'Part 1 — A cohort of municipal representatives',
  part2: 'Part 2 — A live equity training for municipal people',
} as const;

const partShort = { part1: 'Part 1', part2: 'Part 2' } as const;

const missing = (text: string): PdfText => ({ text, style: 'gap', italics: true });

const pointsText = (points: number, max: number) => `${points} of ${max}`;

/** A part's one-line summary: status, points, credit, completion date. */
function statusLine(part: Part1Evaluation | Part2Evaluation): PdfText {
  const bits: PdfContent[] = [
    { text: 'Status: ', color: MUTED },
    { text: statusWords[part.status], bold: true },
    { text: `  ·  ${pointsText(part.points, part.maxPoints)} points` },
  ];
  if (part.credit) bits.push({ text: `  ·  ${creditLabels[part.credit]}` });
  if (part.completionDate)
    bits.push({ text: `  ·  completed ${formatDate(part.completionDate)}`, noWrap: true });
  return { text: bits, style: 'statusLine' };
}

/** Reasons as a list: rule id and kind in words, then the engine's sentence. */
function reasonList(reasons: Reason[], empty = 'No reasons recorded.'): PdfContent {
  if (reasons.length === 0) return { text: empty, color: MUTED };
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

/** Readiness gaps, each printed as a gap with its rule id; "No gaps" when there are none. */
function gapList(gaps: ReadinessGap[], empty = 'No gaps.'): PdfContent {
  if (gaps.length === 0) return { text: empty };
  return {
    stack: gaps.map((g): PdfText => ({
      margin: [0, 0, 0, 3],
      text: [
        { text: 'Gap  ', bold: true, style: 'gap' },
        { text: clip(g.text, LINE_MAX) },
        { text: `  (${g.rule})`, color: MUTED },
      ],
    })),
  };
}

function cover(data: TownData, ev: Evaluation, meta: PacketMeta): PdfContent[] {
  const { settings, town } = data;
  const preparedBy = clip(town.preparedBy);
  const preparedTitle = clip(town.preparedByTitle);
  return [
    { text: 'SUSTAINABLE CT  ·  EVIDENCE PACKET', style: 'kicker', margin: [0, 0, 0, 8] },
    { text: clip(settings.actionName, 200), style: 'title' },
    {
      text: `Action ${clip(settings.actionNumber, 20)}  ·  ${townLabel(municipalityHeading(town))}`,
      style: 'subtitle',
      margin: [0, 4, 0, 0],
    },
    accentRule([0, 10, 0, 12]),
    detailsTable([
      ['Municipality', townLabel(municipalityHeading(town))],
      ['Action', `${clip(settings.actionNumber, 20)} ${clip(settings.actionName, 200)}`],
      ['Certification year', String(ev.certificationYear)],
      ['As of', formatDate(ev.asOfDate)],
      [
        'Prepared by',
        preparedBy
          ? `${preparedBy}${preparedTitle ? `, ${preparedTitle}` : ''}`
          : missing('Preparer missing (add it on the Town screen)'),
      ],
      [
        'Generated on',
        `${formatDate(meta.generatedOn)} by Equity Training Ledger ${clip(meta.appVersion, 40)}`,
      ],
    ]),
  ];
}

function summary(ev: Evaluation): PdfContent[] {
  const row = (title: string, p: Part1Evaluation | Part2Evaluation): PdfContent[] => [
    { text: title, bold: true },
    statusWords[p.status],
    pointsText(p.points, p.maxPoints),
    p.credit ? creditLabels[p.credit] : '—',
    p.completionDate ? formatDate(p.completionDate) : '—',
  ];
  const out: PdfContent[] = [
    h2('Summary'),
    dataTable(
      ['Part', 'Status', 'Points', 'Credit', 'Completed'],
      [
        row('Part 1 — cohort', ev.part1),
        row('Part 2 — live training', ev.part2),
        [
          { text: 'Total', bold: true },
          '',
          { text: pointsText(ev.totalPoints, ev.maxPoints), bold: true },
          '',
          '',
        ],
      ],
      [120, '*', 48, 72, 88],
    ),
    h2('Readiness gaps'),
    {
      text: 'Fields still missing for the submission. The packet prints them so nothing is hidden; fix them in the app and generate the packet again.',
      style: 'small',
      margin: [0, 0, 0, 5],
    },
    gapList(ev.gaps),
  ];
  if (ev.warnings.length > 0) out.push(h2('Warnings'), reasonList(ev.warnings));
  return out;
}

/** "E — Elected official — Board of Selectmen", or "Other attendee" for cohort members without a role (P1.3). */
function roleCell(m: CohortMember): PdfContent {
  if (m.role === null) {
    return {
      stack: [
        { text: 'Other attendee', bold: true },
        { text: clip(m.roleLabel), style: 'small' },
      ],
    };
  }
  return {
    stack: [
      { text: `${m.role} — ${cohortRoleLabels[m.role]}`, bold: true },
      ...(m.roleLabel ? [{ text: clip(m.roleLabel), style: 'small' }] : []),
    ],
  };
}

function part1Section(ev: Part1Evaluation): PdfContent[] {
  const out: PdfContent[] = [h1(partTitles.part1, 'before'), statusLine(ev)];
  const e = ev.evidence;
  if (e === null) {
    out.push({ text: 'No series qualifies for Part 1.', margin: [0, 6, 0, 0] });
  } else {
    out.push(
      detailsTable([
        ['Series', clip(e.seriesName)],
        ['Topics', e.topics.length > 0 ? e.topics.map((t) => clip(t.name)).join('; ') : '—'],
      ]),
      h2(`Cohort members (${e.cohort.length})`),
      {
        text: 'E: elected official of an executive body. S: director- or management-level staff. R: resident sustainability team member. Titles are those held when attending (P1.9).',
        style: 'small',
        margin: [0, 0, 0, 4],
      },
      dataTable(
        ['Name', 'Title when attending', 'Role filled', 'Sessions attended', 'All topics'],
        e.cohort.map((m) => [
          { text: clip(m.name), bold: true },
          m.title ? clip(m.title) : missing('Title missing'),
          roleCell(m),
          m.sessions.length > 0
            ? { stack: m.sessions.map((s) => formatDate(s.date)) }
            : { text: '—', color: MUTED },
          m.completedAllTopics ? 'Yes' : 'No',
        ]),
        [100, 100, '*', 82, 40],
      ),
      h2('Sessions attended by the cohort'),
      e.sessions.length > 0
        ? dataTable(
            ['Date', 'Training', 'Place or link'],
            e.sessions.map((s) => [formatDate(s.date), clip(s.trainingName), clip(s.location) || '—']),
            [95, '*', 170],
          )
        : { text: 'None.', color: MUTED },
    );
  }
  out.push(h2('Why'), reasonList(ev.reasons));
  if (ev.notCounted.length > 0) {
    out.push(
      h2('Not counted for Part 1'),
      dataTable(
        ['Training or series', 'Why not (P1.1)'],
        ev.notCounted.map((n) => [clip(n.name), clip(n.reason, CELL_MAX)]),
        [170, '*'],
      ),
    );
  }
  out.push(h2('Gaps for Part 1'), gapList(ev.gaps));
  return out;
}

function attendeeCountText(e: NonNullable<Part2Evaluation['evidence']>): string {
  const listed = `${e.listedCount} listed by name`;
  // The reported count is the session's total, roster or not (P2.3): "including those listed" says so.
  const reported =
    e.reportedCount === null
      ? ''
      : `; ${e.reportedCount} in all by the sign-in sheet, including those listed`;
  return `${e.attendeeCount} municipal attendee${e.attendeeCount === 1 ? '' : 's'} (${listed}${reported})`;
}

function part2Section(ev: Part2Evaluation): PdfContent[] {
  const out: PdfContent[] = [h1(partTitles.part2, 'before'), statusLine(ev)];
  const e = ev.evidence;
  if (e === null) {
    out.push({ text: 'No session qualifies for Part 2.', margin: [0, 6, 0, 0] });
  } else {
    out.push(
      detailsTable([
        ['Training', { text: clip(e.trainingName), bold: true }],
        ['Date', formatDate(e.date)],
        ['Training entity', clip(e.provider) || missing('Training entity missing')],
        ['Delivery', deliveryLabels[e.delivery]],
        ['Place or link', clip(e.location) || '—'],
        ['Number of attendees', attendeeCountText(e)],
        [
          'Departments represented',
          e.departments.length > 0
            ? e.departments.map((d) => clip(d)).join('; ')
            : missing('Departments missing'),
        ],
      ]),
      h2('Description or agenda'),
      // Printed in full as paragraphs (it may be a long agenda); pdfmake wraps and paginates prose.
      e.description.trim()
        ? {
            stack: e.description
              .trim()
              .split(/\n{2,}/)
              .map((p) => ({ text: p, margin: [0, 0, 0, 4] })),
          }
        : missing('Description missing'),
      h2(`Municipal attendees listed (${e.attendees.length})`),
      e.attendees.length > 0
        ? dataTable(
            ['Name', 'Title', 'Department, school or board'],
            e.attendees.map((a) => [
              { text: clip(a.name), bold: true },
              // Titles are not a Part 2 submission field (P2.7), so a missing one is a dash, not a gap.
              a.title ? clip(a.title) : { text: '—', color: MUTED },
              a.department ? clip(a.department) : '—',
            ]),
            ['*', '*', '*'],
          )
        : { text: 'None listed by name.', color: MUTED },
    );
  }
  out.push(h2('Why'), reasonList(ev.reasons), h2('Gaps for Part 2'), gapList(ev.gaps));
  return out;
}

const isTimeframeRule = (r: Reason) =>
  r.rule === 'T.1' || r.rule === 'T.2' || r.rule === 'T.3' || r.rule === 'T.4';

function timeframeSection(data: TownData, ev: Evaluation): PdfContent[] {
  const out: PdfContent[] = [
    h1('Timeframe for credit', 'before'),
    {
      text: `For certification year ${ev.certificationYear}, evidence completed on or after ${formatDate(ev.newCreditFrom)} earns new credit (T.1); earlier evidence applies for rolling credit with a narrative of ongoing impact (T.2).`,
      margin: [0, 0, 0, 4],
    },
  ];
  if (ev.recertification) {
    const r = ev.recertification;
    out.push({
      text: `The town's ${clip(r.level, 100)} certification (awarded ${r.yearAwarded}) expires in ${r.expires}: evidence that already earned credit applies for rolling credit (T.3).`,
      margin: [0, 0, 0, 4],
    });
  }
  for (const part of [ev.part1, ev.part2]) {
    const title = partShort[part.id];
    const credit = part.credit
      ? creditLabels[part.credit]
      : `No credit (${statusLabels[part.status].toLowerCase()})`;
    out.push(h2(`${title} — ${credit}`));
    const tReasons = part.reasons.filter(isTimeframeRule);
    if (part.credit === null) {
      out.push({
        text:
          part.status === 'planned'
            ? 'The evidence is dated after the as-of date: shown, not yet claimable (T.4).'
            : 'Nothing is claimable for this part, so no timeframe applies.',
        color: MUTED,
      });
    } else if (part.completionDate && tReasons.length === 0) {
      out.push({ text: `Completed ${formatDate(part.completionDate)}.`, margin: [0, 0, 0, 3] });
    }
    if (tReasons.length > 0) out.push(reasonList(tReasons));
    if (part.credit === 'rolling') {
      const narrative = data.town.rollingNarrative[part.id].trim();
      out.push({ text: 'Rolling-credit narrative', bold: true, margin: [0, 6, 0, 3] });
      out.push(
        narrative
          ? { stack: narrative.split(/\n{2,}/).map((p) => ({ text: p, margin: [0, 0, 0, 4] })) }
          : {
              text: [
                { text: 'Gap  ', bold: true, style: 'gap' },
                'Narrative missing: describe the ongoing, currently relevant, meaningful impact (T.2).',
              ],
            },
      );
    }
  }
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
      ['Partner', 'Kind', "The municipality's role"],
      data.partners.map((p) => [
        { text: clip(p.name), bold: true },
        p.kind === 'municipality' ? 'Municipality' : 'Organization',
        // A role is "a sentence"; clipped like any cell so a pasted essay cannot outgrow a page.
        p.role.trim() ? clip(p.role, CELL_MAX) : missing('Role missing'),
      ]),
      [150, 70, '*'],
    ),
  );
  return out;
}

function aroundSection(data: TownData, ev: Evaluation): PdfContent[] {
  const c = ev.coaching;
  const o = ev.optimizeForEquity;
  const hours = (n: number) => `${n} hour${n === 1 ? '' : 's'}`;
  const coaching = `${hours(c.hoursUsed)} used of ${hours(c.freeHours)} of free equity coaching${
    c.overFreeHours ? ' — past the free hours' : ''
  }.`;
  const level = o.levelReached ? `Level reached: ${clip(o.levelReached, 100)}.` : 'No level reached yet.';
  const next = o.next ? ` ${clip(o.next.level, 100)} needs ${o.next.actionsMore} more.` : '';
  const actions = data.optimizeForEquity.map((a) =>
    clip(`${a.actionNumber ? `${a.actionNumber} ` : ''}${a.actionName}`),
  );
  return [
    h1('Around the action'),
    detailsTable([
      ['Equity coaching', coaching],
      [
        'Optimize for Equity',
        {
          stack: [
            `Applied to ${o.actionsCount} action${o.actionsCount === 1 ? '' : 's'}. ${level}${next}`,
            ...(actions.length > 0
              ? [{ ul: actions, margin: [0, 3, 0, 0] as [number, number, number, number] }]
              : []),
          ],
        },
      ],
    ]),
  ];
}

/**
 * Builds the evidence packet for one town and one evaluation (LETTER, running
 * footer "town · action · Page X of Y" on every page).
 *
 * Pure: the same inputs give the same definition. The action's number and name
 * come from `data.settings`, never constants. Text typed by users is printed as
 * plain text and clipped in table cells (see `CELL_MAX`).
 */
export function buildPacketDocument(data: TownData, evaluation: Evaluation, meta: PacketMeta): PdfDocument {
  const town = townLabel(municipalityHeading(data.town));
  const action = `Action ${data.settings.actionNumber} ${data.settings.actionName}`;
  return {
    info: {
      title: `${clip(action, 200)} — evidence packet — ${town}`,
      author: clip(data.town.preparedBy) || town,
      subject: `Sustainable CT certification year ${evaluation.certificationYear}`,
      creator: `Equity Training Ledger ${clip(meta.appVersion, 40)}`,
    },
    pageSize: 'LETTER',
    pageMargins: PAGE_MARGINS,
    footer: runningFooter(town, action),
    pageBreakBefore: keepHeadingsWithContent,
    styles,
    defaultStyle,
    content: [
      ...cover(data, evaluation, meta),
      ...summary(evaluation),
      ...part1Section(evaluation.part1),
      ...part2Section(evaluation.part2),
      ...timeframeSection(data, evaluation),
      { text: '', margin: [0, 10, 0, 0] },
      ...partnersSection(data),
      { text: '', margin: [0, 10, 0, 0] },
      ...aroundSection(data, evaluation),
    ],
  };
}
