/**
 * P1.2: which of the three Part 1 roles a series attendee can fill, with the
 * position that fills it, and — for the reasons of P1.6 — why each of their
 * other positions does not.
 */
import { electedBodyName, executiveBodies, staffLevelLabels } from '../domain/labels';
import type { IsoDate, Person, Position } from '../domain/schema';
import type { CohortRole } from './evaluation';
import { day, holdsOn } from './context';

export const ROLES: readonly CohortRole[] = ['E', 'S', 'R'];

/** The role letters in words, for reasons. */
export const roleWords: Record<CohortRole, string> = {
  E: 'E (elected official of an executive body)',
  S: 'S (director- or management-level staff)',
  R: 'R (resident sustainability team member)',
};

export interface RoleFill {
  role: CohortRole;
  position: Position;
  /** The first session date on which the position held. */
  heldOn: IsoDate;
  /** e.g. "Elected official — Board of Selectmen". */
  label: string;
}

/**
 * The role a position could fill if it held on an attended date, or why it never can (P1.2);
 * `near` is the role a refused position comes closest to, so a miss is not reported for a
 * role the person fills through another position.
 */
function roleOfPosition(
  person: Person,
  p: Position,
): { role: CohortRole } | { never: string; near: CohortRole | null } {
  switch (p.kind) {
    case 'elected':
      return executiveBodies.has(p.body)
        ? { role: 'E' }
        : { never: `${electedBodyName(p)} is not an executive body`, near: 'E' };
    case 'staff':
      return p.level === 'other'
        ? {
            never: `${p.title.trim() || 'their staff position'} is ${staffLevelLabels.other.toLowerCase()} staff, not director or management`,
            near: 'S',
          }
        : { role: 'S' };
    case 'boeEmployee':
      return { never: 'Board of Education employees do not fill the staff role', near: 'S' };
    case 'teamMember':
      return person.isResident
        ? { role: 'R' }
        : { never: 'sustainability team member, not a town resident', near: 'R' };
    case 'appointed':
      return { never: 'appointed commissioners and volunteers do not fill a role', near: null };
  }
}

function roleLabel(role: CohortRole, p: Position): string {
  if (role === 'E' && p.kind === 'elected') return `Elected official — ${electedBodyName(p)}`;
  if (role === 'S' && p.kind === 'staff') {
    const level = p.level === 'director' ? 'Director-level staff' : 'Management-level staff';
    const where = p.department.trim() || p.title.trim();
    return where ? `${level} — ${where}` : level;
  }
  return 'Resident sustainability team member';
}

function describeTerm(p: Position): string {
  if (p.start !== null && p.end !== null) return `${day(p.start)} to ${day(p.end)}`;
  if (p.start !== null) return `from ${day(p.start)}`;
  return `until ${day(p.end ?? '')}`;
}

export interface RoleAnalysis {
  fills: Map<CohortRole, RoleFill>;
  /** Why a position did not count, one sentence each (without the person's name). */
  misses: string[];
}

/**
 * A role counts when its position holds on at least one date on which the person attended
 * a session of the series (P1.2). `dates` are those dates, ascending.
 */
export function analyseRoles(person: Person, dates: readonly IsoDate[]): RoleAnalysis {
  const fills = new Map<CohortRole, RoleFill>();
  const found: { near: CohortRole | null; text: string }[] = [];
  for (const p of person.positions) {
    const r = roleOfPosition(person, p);
    if ('never' in r) {
      found.push({ near: r.near, text: r.never });
      continue;
    }
    const heldOn = dates.find((d) => holdsOn(p, d));
    if (heldOn === undefined) {
      const what = p.title.trim() || roleLabel(r.role, p);
      found.push({
        near: r.role,
        text: `${what} (${describeTerm(p)}) did not hold on any date they attended`,
      });
      continue;
    }
    if (!fills.has(r.role))
      fills.set(r.role, { role: r.role, position: p, heldOn, label: roleLabel(r.role, p) });
  }
  // A miss about a role the person fills anyway (Finance and Selectmen, say) would only confuse.
  const misses = found
    .filter((m) => (m.near === null ? fills.size === 0 : !fills.has(m.near)))
    .map((m) => m.text);
  if (person.positions.length === 0) misses.push('no position is recorded on the roster');
  return { fills, misses };
}

/**
 * The title held when attending (P1.9). A role-holder's title is the role's own position's:
 * borrowing another position's title would print a Selectman as "Chair, Sustainability Team"
 * and hide the missing title. Other attendees: any titled position that held on a date they
 * attended, latest first. Null when none is recorded (a readiness gap).
 */
export function titleWhenAttending(
  person: Person,
  dates: readonly IsoDate[],
  rolePosition?: Position,
): string | null {
  if (rolePosition) return rolePosition.title.trim() || null;
  for (let i = dates.length - 1; i >= 0; i--) {
    const d = dates[i]!;
    const p = person.positions.find((x) => x.title.trim() !== '' && holdsOn(x, d));
    if (p) return p.title.trim();
  }
  return null;
}
