/**
 * The submission as ready-to-paste text, one block per field of the Sustainable
 * CT portal: the same content as the packet, in plain text. Pure; the Submit
 * screen shows each block with a Copy button.
 */
import type { TownData } from '../domain/schema';
import { formatDate } from '../domain/dates';
import { timeframeStatement } from '../packet/packet';
import type { Evaluation } from '../rules/evaluation';

export interface PortalBlock {
  /** Stable id, also the checklist item it belongs to. */
  id: string;
  part: 'part1' | 'part2' | 'partners';
  label: string;
  text: string;
}

/** The blocks to paste, in the portal's order; a part with nothing to submit has no blocks. */
export function portalBlocks(data: TownData, ev: Evaluation): PortalBlock[] {
  const out: PortalBlock[] = [];
  const p1 = ev.part1.evidence;
  if (p1) {
    out.push({
      id: 'part1-people',
      part: 'part1',
      label: 'Part 1 — names and titles of the people who attended',
      text: p1.cohort.map((m) => `${m.name}, ${m.title ?? '(title missing)'}`).join('\n'),
    });
    out.push({
      id: 'part1-dates',
      part: 'part1',
      label: 'Part 1 — dates the trainings were held',
      text: [
        `${p1.seriesName}:`,
        ...p1.sessions.map(
          (s) => `${formatDate(s.date)}: ${s.trainingName}${s.location ? `, ${s.location}` : ''}`,
        ),
      ].join('\n'),
    });
  }
  const p2 = ev.part2.evidence;
  if (p2) {
    const fields: [string, string, string][] = [
      ['part2-name', 'Part 2 — name of the training', p2.trainingName],
      ['part2-date', 'Part 2 — date of the training', formatDate(p2.date)],
      ['part2-entity', 'Part 2 — training entity', p2.provider],
      ['part2-description', 'Part 2 — description of what was covered', p2.description.trim()],
      ['part2-attendees', 'Part 2 — number of attendees', String(p2.attendeeCount)],
      ['part2-departments', 'Part 2 — municipal departments represented', p2.departments.join('\n')],
    ];
    for (const [id, label, text] of fields) out.push({ id, part: 'part2', label, text });
  }
  for (const part of [ev.part1, ev.part2]) {
    const statement = timeframeStatement(part, ev);
    if (statement === null) continue;
    const narrative = data.town.rollingNarrative[part.id].trim();
    const text =
      part.credit !== 'rolling'
        ? statement
        : `${statement}\n\n${narrative || '(Narrative of ongoing impact missing: write it on the Town screen.)'}`;
    out.push({
      id: `${part.id}-timeframe`,
      part: part.id,
      label: `${part.id === 'part1' ? 'Part 1' : 'Part 2'} — timeframe for credit`,
      text,
    });
  }
  out.push({
    id: 'partners',
    part: 'partners',
    label: 'Partners',
    text:
      data.partners.length === 0
        ? 'None'
        : data.partners.map((p) => `${p.name}: ${p.role.trim() || '(role missing)'}`).join('\n'),
  });
  return out;
}

/** The Submit checklist, per cycle: the packet, each part, the partners, and the last click. */
export const CHECKLIST = [
  { id: 'packet', label: 'Packet uploaded' },
  { id: 'part1', label: 'Part 1 pasted' },
  { id: 'part2', label: 'Part 2 pasted' },
  { id: 'timeframe', label: 'Timeframe and narratives pasted' },
  { id: 'partners', label: 'Partners pasted' },
  { id: 'sent', label: 'Submitted on the portal' },
] as const;
