/**
 * Plain-English names for the domain's codes, used alike by the rules engine's
 * reasons, the screens and the packet, so a body or a status reads the same everywhere.
 */
import type { Credit, CohortRole, PartStatus } from '../rules/evaluation';
import type { Delivery, ElectedBody, Position, PositionKind, StaffLevel, Town } from './schema';

export type MunicipalityKind = Town['municipalityKind'];

export const municipalityKindLabels: Record<MunicipalityKind, string> = {
  town: 'Town',
  city: 'City',
  borough: 'Borough',
};

/** A name that already says what it is: "Town of Willowbrook", "City of Norwalk", "Borough of Naugatuck". */
const namesItsKind =
  /^(the\s+)?(town|city|borough|village|township|consolidated\s+town\s+and\s+city)\s+(and\s+\w+\s+)?of\s/i;

/**
 * The town for a heading: "City of Norwalk" when the clerk typed "Norwalk" and chose city; the name
 * exactly as typed when it already says what it is ("Town of Willowbrook" is never "Town of Town of
 * Willowbrook"). An empty name gives ''.
 */
export function municipalityHeading(
  town: Pick<Town, 'name'> & { municipalityKind?: MunicipalityKind },
): string {
  const name = town.name.trim().replace(/\s+/g, ' ');
  if (name === '' || namesItsKind.test(name)) return name;
  return `${municipalityKindLabels[town.municipalityKind ?? 'town']} of ${name}`;
}

export const electedBodyLabels: Record<ElectedBody, string> = {
  selectmen: 'Board of Selectmen',
  aldermen: 'Board of Aldermen',
  commonCouncil: 'Common Council',
  townCouncil: 'Town Council',
  otherExecutive: 'Other executive body',
  education: 'Board of Education',
  finance: 'Board of Finance',
  otherElected: 'Other elected body',
};

/** Bodies that represent the municipal executive branch and so can fill role E (P1.2). */
export const executiveBodies: ReadonlySet<ElectedBody> = new Set<ElectedBody>([
  'selectmen',
  'aldermen',
  'commonCouncil',
  'townCouncil',
  'otherExecutive',
]);

export const staffLevelLabels: Record<StaffLevel, string> = {
  director: 'Director level',
  management: 'Management level',
  other: 'Other level',
};

export const positionKindLabels: Record<PositionKind, string> = {
  elected: 'Elected official',
  staff: 'Municipal staff',
  boeEmployee: 'Board of Education employee',
  teamMember: 'Sustainability team member',
  appointed: 'Appointed commissioner or volunteer',
};

/** The same kinds as a group of people ("Show: Municipal staff"), spelled out: an added "s" gives "Municipal staffs". */
export const positionKindPluralLabels: Record<PositionKind, string> = {
  elected: 'Elected officials',
  staff: 'Municipal staff',
  boeEmployee: 'Board of Education employees',
  teamMember: 'Sustainability team members',
  appointed: 'Appointed commissioners and volunteers',
};

export const deliveryLabels: Record<Delivery, string> = {
  inPerson: 'In person',
  liveVirtual: 'Live virtual',
  recorded: 'Recorded / on demand',
};

export const statusLabels: Record<PartStatus, string> = {
  met: 'Met',
  review: 'Review',
  notMet: 'Not met',
  planned: 'Planned',
};

export const creditLabels: Record<Credit, string> = {
  new: 'New credit',
  rolling: 'Rolling credit',
};

export const cohortRoleLabels: Record<CohortRole, string> = {
  E: 'Elected official of an executive body',
  S: 'Director- or management-level staff',
  R: 'Resident sustainability team member',
};

/** The name of the body an elected position sits on, using the user's own name for "other" bodies. */
export function electedBodyName(position: { body: ElectedBody; bodyName: string }): string {
  const own = position.bodyName.trim();
  if ((position.body === 'otherExecutive' || position.body === 'otherElected') && own !== '') return own;
  return electedBodyLabels[position.body];
}

/** Lower case with runs of spaces made one, so "Board of  finance" and "Board of Finance" compare equal. */
const folded = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The department, school or board a position belongs to (P2.7 "departments represented"),
 * or null for positions that have none.
 */
export function positionDepartment(position: Position): string | null {
  switch (position.kind) {
    case 'elected':
      return electedBodyName(position);
    case 'staff':
      return position.department.trim() || null;
    case 'boeEmployee': {
      // A school typed as "Board of Education" (or "… Board of Education Office") already names the board.
      const school = position.school.trim();
      if (school === '') return 'Board of Education';
      return folded(school).includes(folded('Board of Education'))
        ? school
        : `Board of Education — ${school}`;
    }
    case 'teamMember':
      return 'Sustainability Team';
    case 'appointed':
      return position.body.trim() || null;
  }
}

/**
 * One line describing a position, e.g. "First Selectman, Board of Selectmen". A title that
 * already names its body or department ("Member, Board of Finance") is not followed by it again.
 */
export function describePosition(position: Position): string {
  const title = position.title.trim();
  const where = positionDepartment(position);
  const kind = positionKindLabels[position.kind];
  if (title && where) return folded(title).includes(folded(where)) ? title : `${title}, ${where}`;
  return title || where || kind;
}

/** Sustainable CT's two review rounds a year, as the packet and the screens name them. */
export const certificationRoundLabels: Record<'spring' | 'fall', string> = {
  spring: 'Spring round',
  fall: 'Fall round',
};
