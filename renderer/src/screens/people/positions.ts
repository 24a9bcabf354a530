/** Helpers for the People screen's positions: blank positions per kind, "held on a day", search text. */
import { describePosition, positionKindLabels } from '../../../../shared/domain/labels';
import type { Person, Position, PositionKind } from '../../../../shared/domain/schema';
import type { PersonInput } from '../../../db/repositories';

export type PositionInput = NonNullable<PersonInput['positions']>[number];

/** A new position of `kind`, keeping the id, title and term of `from` when switching kinds. */
export function blankPosition(kind: PositionKind, id: string, from?: PositionInput): PositionInput {
  const common = { id, title: from?.title ?? '', start: from?.start ?? null, end: from?.end ?? null };
  switch (kind) {
    case 'elected':
      return { ...common, kind, body: 'selectmen', bodyName: '' };
    case 'staff':
      // The level is left unchosen on purpose: director/management decides role S (P1.2), so the clerk must pick.
      return { ...common, kind, department: '', level: '' as unknown as 'other' };
    case 'boeEmployee':
      return { ...common, kind, school: '' };
    case 'teamMember':
      return { ...common, kind };
    case 'appointed':
      return { ...common, kind, body: '' };
  }
}

/** Whether a term holds on `day` (open bounds hold). */
export function heldOn(position: Pick<Position, 'start' | 'end'>, day: string): boolean {
  return (position.start === null || position.start <= day) && (position.end === null || day <= position.end);
}

/** The Title box's example for each kind of position: a teacher or a commissioner is no Director of Public Works. */
export const titleHints: Record<PositionKind, string> = {
  elected: 'e.g. First Selectman, Council Member',
  staff: 'e.g. Director of Public Works',
  boeEmployee: 'e.g. Teacher, School Principal',
  teamMember: 'e.g. Chair; leave empty for a member',
  appointed: 'e.g. Commissioner, Volunteer',
};

export const kindOptions = (Object.keys(positionKindLabels) as PositionKind[]).map((k) => ({
  value: k,
  label: positionKindLabels[k],
}));

/** Lower-case text a search box matches against: name, email and every position's description. */
export function searchText(person: Person): string {
  return [person.name, person.email, ...person.positions.map(describePosition)].join(' ').toLowerCase();
}
