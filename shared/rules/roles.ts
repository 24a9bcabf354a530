/**
 * P1.2: which of the three Part 1 roles a series attendee can fill, with the
 * position that fills it, and — for the reasons of P1.6 — why each of their
 * other positions does not.
 */
import {
  electedBodyName,
  executiveBodies,
  positionDepartment,
  positionKindLabels,
  staffLevelLabels,
} from '../domain/labels';
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

/** The role letter with its meaning, for "cannot fill E (elected official of an executive body)". */
const roleShort: Record<CohortRole, string> = {
  E: 'E, the elected-official role',
  S: 'S, the staff role',
  R: 'R, the resident team-member role',
};

/** "First Selectman (Board of Selectmen)", or just the body when no title is recorded. */
function positionWords(p: Position): string {
  const title = p.title.trim();
  const where = positionDepartment(p);
  if (title && where && !title.toLowerCase().includes(where.toLowerCase())) return `${title} (${where})`;
  return title || where || positionKindLabels[p.kind].toLowerCase();
}

/** "Teacher, High School": the non-empty parts, once each. */
function commaWords(...parts: string[]): string {
  const out: string[] = [];
  for (const part of parts.map((x) => x.trim()))
    if (part && !out.some((o) => o.toLowerCase().includes(part.toLowerCase()))) out.push(part);
  return out.join(', ') || 'no title recorded';
}

/**
 * The role a position could fill if it held on an attended date, or the role a refused
 * position comes closest to (`near`), so a miss is not reported for a role the person
 * fills through another position (P1.2). Its sentence is written by `neverText`, only
 * when a reason prints it.
 */
function roleOfPosition(person: Person, p: Position): { role: CohortRole } | { near: CohortRole | null } {
  switch (p.kind) {
    case 'elected':
      return executiveBodies.has(p.body) ? { role: 'E' } : { near: 'E' };
    case 'staff':
      return p.level === 'other' ? { near: 'S' } : { role: 'S' };
    case 'boeEmployee':
      return { near: 'S' };
    case 'teamMember':
      return person.isResident ? { role: 'R' } : { near: 'R' };
    case 'appointed':
      return { near: null };
  }
}

/** Why a position can never fill a role, as a sentence with the person as its subject. */
function neverText(person: Person, p: Position): string {
  const who = person.name;
  switch (p.kind) {
    case 'elected':
      return `${who} sits on the ${electedBodyName(p)}, which is not an executive body, so they cannot fill ${roleShort.E}`;
    case 'staff':
      return `${who} is staff at the ${staffLevelLabels.other.toLowerCase()} (${commaWords(p.title, p.department)}), not director or management, so they cannot fill ${roleShort.S}`;
    case 'boeEmployee':
      return `${who} is a Board of Education employee (${commaWords(p.title, p.school)}); Board of Education employees never fill ${roleShort.S}`;
    case 'teamMember':
      return `${who} is a sustainability team member but not a town resident, so they cannot fill ${roleShort.R}`;
    case 'appointed':
      return `${who} holds an appointed or volunteer position (${commaWords(p.title, p.body)}), which fills none of the three roles`;
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

/**
 * Why a position that could fill `role` did not hold on any attended date, in the order
 * a clerk checks a term: it began after, ended before, or fell between the sessions.
 */
function termMiss(person: Person, p: Position, role: CohortRole, dates: readonly IsoDate[]): string {
  const who = person.name;
  const what = positionWords(p);
  const first = dates[0] ?? '';
  const last = dates[dates.length - 1] ?? '';
  const cannot = `so they cannot fill ${roleShort[role]}`;
  if (p.start !== null && p.start > last)
    return `${who} became ${what} on ${day(p.start)}, after the sessions they attended, ${cannot}`;
  if (p.end !== null && p.end < first)
    return `${who} stopped being ${what} on ${day(p.end)}, before the sessions they attended, ${cannot}`;
  return `${who} was ${what} from ${day(p.start ?? '')} to ${day(p.end ?? '')}, which covers none of the days they attended, ${cannot}`;
}

export interface RoleAnalysis {
  fills: Map<CohortRole, RoleFill>;
  /**
   * The positions that did not count (for the reasons of P1.6, see `missSentences`). Kept as
   * positions, not sentences: most attendees' misses are never printed, and a region of towns
   * would otherwise build hundreds of thousands of sentences for nothing.
   */
  misses: Position[];
}

/**
 * A role counts when its position holds on at least one date on which the person attended
 * a session of the series (P1.2). `dates` are those dates, ascending.
 */
export function analyseRoles(person: Person, dates: readonly IsoDate[]): RoleAnalysis {
  const fills = new Map<CohortRole, RoleFill>();
  const found: { near: CohortRole | null; position: Position }[] = [];
  for (const p of person.positions) {
    const r = roleOfPosition(person, p);
    if (!('role' in r)) {
      found.push({ near: r.near, position: p });
      continue;
    }
    const heldOn = dates.find((d) => holdsOn(p, d));
    if (heldOn === undefined) {
      found.push({ near: r.role, position: p });
      continue;
    }
    if (!fills.has(r.role))
      fills.set(r.role, { role: r.role, position: p, heldOn, label: roleLabel(r.role, p) });
  }
  // A miss about a role the person fills anyway (Finance and Selectmen, say) would only confuse.
  const misses = found
    .filter((m) => (m.near === null ? fills.size === 0 : !fills.has(m.near)))
    .map((m) => m.position);
  return { fills, misses };
}

/**
 * Why each missed position did not count, one sentence each with the person as subject (no
 * rule id, no full stop); a person with no position at all gets one sentence saying so.
 */
export function missSentences(
  person: Person,
  misses: readonly Position[],
  dates: readonly IsoDate[],
): string[] {
  if (person.positions.length === 0)
    return [`${person.name} has no position recorded on the roster, so they fill none of the three roles`];
  return misses.map((p) => {
    const r = roleOfPosition(person, p);
    return 'role' in r ? termMiss(person, p, r.role, dates) : neverText(person, p);
  });
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
