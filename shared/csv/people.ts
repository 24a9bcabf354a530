/**
 * People from a spreadsheet: the pure half of the CSV importer.
 *
 * The CSV text itself is read by papaparse in `renderer/src/csv/` (shared/ stays
 * free of libraries that touch files); this module takes the cells it produced and
 * does everything that needs no library: guessing which column is which, turning
 * one row into a person with at most one position, checking it with the same zod
 * `personSchema` the app saves with, and deciding who is new and who is already on
 * the roster. Every problem becomes a sentence naming the spreadsheet row and the
 * column, so a clerk can fix the file or the mapping.
 *
 * Rules (also in the README's "CSV import and export" section):
 * - Several rows with the same name and email are one person: each row adds a position,
 *   two identical rows two identical positions (the export writes one row per position).
 * - A row matches someone already on the roster when the name and the email are the
 *   same, ignoring upper/lower case and extra spaces (an empty email matches an empty email).
 * - A match is either skipped or updated (resident flag from the file when it says one,
 *   positions the person does not have yet added, counted with repeats); nothing else changes.
 * - A row whose name (ignoring case, accents and spaces) is someone's on the roster but
 *   whose email is not theirs is a "same name" row: the clerk merges it into that person
 *   (the default when the row has no email) or adds it as a new person.
 */
import { issuesToErrors, plainEnglish } from '../backup/parse';
import { electedBodyLabels, electedBodyName, positionKindLabels, staffLevelLabels } from '../domain/labels';
import { nameKey } from '../domain/names';
import { isoDateSchema, personSchema } from '../domain/schema';
import type { ElectedBody, Person, Position, PositionKind, StaffLevel } from '../domain/schema';
import { unneutralise } from './text';

/** The fields a column can be mapped to. `name` wins over `firstName` + `lastName` when both are mapped. */
export const csvFields = [
  'name',
  'firstName',
  'lastName',
  'email',
  'isResident',
  'kind',
  'where',
  'title',
  'level',
  'start',
  'end',
] as const;
export type CsvField = (typeof csvFields)[number];

export const csvFieldLabels: Record<CsvField, string> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  isResident: 'Lives in town',
  kind: 'Kind of position',
  where: 'Body, department or school',
  title: 'Title',
  level: 'Staff level',
  start: 'Start date',
  end: 'End date',
};

/** For each field, the index of the column that holds it, or null when the file has none. */
export type ColumnMapping = Record<CsvField, number | null>;

/** One data row as a spreadsheet shows it: `rowNumber` counts the header row as 1. */
export interface CsvRow {
  rowNumber: number;
  cells: string[];
}

/** A CSV file read into cells: the column names and the non-blank rows below them. */
export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
}

/** A position as read from a file, before it gets an id. */
export type PositionDraft = Position extends infer P ? (P extends Position ? Omit<P, 'id'> : never) : never;

/** Case, accents-composition and spacing do not matter when matching words and people. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The key two records share when they are the same person: name and email, case- and space-insensitive. */
export function matchKey(name: string, email: string): string {
  return JSON.stringify([normaliseText(name), normaliseText(email)]);
}

/** Header and value words: lower case, letters and digits only ("E-mail Address" → "emailaddress"). */
const squash = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

const synonyms: Record<CsvField, readonly string[]> = {
  name: [
    'name',
    'fullname',
    'personname',
    'attendee',
    'attendeename',
    'participant',
    'participantname',
    'person',
  ],
  firstName: ['firstname', 'first', 'givenname', 'forename'],
  lastName: ['lastname', 'last', 'surname', 'familyname'],
  email: ['email', 'emailaddress', 'mail', 'workemail'],
  isResident: ['livesintown', 'resident', 'townresident', 'isresident', 'residency', 'residentoftown'],
  kind: ['kindofposition', 'positionkind', 'kind', 'positiontype', 'type', 'category', 'roletype'],
  where: [
    'bodydepartmentorschool',
    'bodydepartmentschool',
    'body',
    'department',
    'dept',
    'school',
    'board',
    'commission',
    'committee',
    'organization',
    'organisation',
  ],
  title: ['title', 'jobtitle', 'positiontitle', 'position', 'role', 'jobrole'],
  level: ['stafflevel', 'level'],
  start: ['startdate', 'start', 'termstart', 'from', 'since', 'began'],
  end: ['enddate', 'end', 'termend', 'to', 'until', 'ended'],
};

/** No column chosen for any field. */
export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(csvFields.map((f) => [f, null])) as ColumnMapping;
}

/**
 * Guesses which column holds which field from the column names: first exact names
 * ("Email", "E-mail"), then names that contain one ("Work email address"). Each
 * column is used at most once; anything unsure is left for the user to choose.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const squashed = headers.map(squash);
  const used = new Set<number>();
  const claim = (test: (header: string, synonym: string) => boolean) => {
    for (const field of csvFields) {
      if (mapping[field] !== null) continue;
      for (const synonym of synonyms[field]) {
        const i = squashed.findIndex((h, j) => !used.has(j) && h !== '' && test(h, synonym));
        if (i >= 0) {
          mapping[field] = i;
          used.add(i);
          break;
        }
      }
    }
  };
  claim((h, s) => h === s);
  // Short words ("to", "end", "first") inside longer names would guess wrong too often.
  claim((h, s) => s.length >= 5 && h.includes(s));
  return mapping;
}

/**
 * The same file read as if it had no row of column names: its first row is a person,
 * and the columns are called "Column 1", "Column 2", ... For lists typed straight
 * into a spreadsheet. `firstRow` is the row `table.headers` came from.
 */
export function treatFirstRowAsData(table: CsvTable, firstRow: CsvRow): CsvTable {
  const width = Math.max(firstRow.cells.length, ...table.rows.map((r) => r.cells.length));
  return {
    headers: Array.from({ length: width }, (_, i) => `Column ${i + 1}`),
    rows: [firstRow, ...table.rows],
  };
}

/**
 * A mapping for a file without column names, guessed from the cells: the first
 * column that is not mostly email addresses holds the name, one that is holds the email.
 */
export function guessMappingFromCells(table: CsvTable): ColumnMapping {
  const mapping = emptyMapping();
  const sample = table.rows.slice(0, 50);
  const width = table.headers.length;
  const emailish = (i: number) => {
    const filled = sample.map((r) => (r.cells[i] ?? '').trim()).filter((c) => c !== '');
    return filled.length > 0 && filled.filter((c) => c.includes('@')).length * 2 > filled.length;
  };
  for (let i = 0; i < width; i++) {
    if (emailish(i)) {
      if (mapping.email === null) mapping.email = i;
    } else if (mapping.name === null) {
      mapping.name = i;
    }
  }
  return mapping;
}

/** Problems with the mapping itself (shown above the preview; nothing can be imported until they are fixed). */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  if (mapping.name === null && mapping.firstName === null && mapping.lastName === null) {
    problems.push(
      'Choose the column that holds each person’s name (or the first-name and last-name columns).',
    );
  }
  const byColumn = new Map<number, CsvField[]>();
  for (const field of csvFields) {
    const i = mapping[field];
    if (i === null) continue;
    if (i < 0 || i >= headers.length) {
      problems.push(`${csvFieldLabels[field]} points at a column the file does not have.`);
      continue;
    }
    byColumn.set(i, [...(byColumn.get(i) ?? []), field]);
  }
  for (const [i, fields] of byColumn) {
    if (fields.length > 1) {
      problems.push(
        `The column ${quoteValue(headers[i] ?? '', 60)} is chosen for ${fields.map((f) => csvFieldLabels[f]).join(' and ')}; choose it for one field only.`,
      );
    }
  }
  return problems;
}

/** A value quoted for a message, cut short so a pasted essay does not flood the screen. */
export function quoteValue(value: string, max = 40): string {
  const chars = [...value];
  return `“${chars.length > max ? `${chars.slice(0, max).join('')}…` : value}”`;
}

const yesWords = new Set(['yes', 'y', 'true', '1', 'x', 'resident', '✓', '✔']);
const noWords = new Set(['no', 'n', 'false', '0', 'nonresident', '']);

const kindWords = new Map<string, PositionKind>();
const addWords = <T>(map: Map<string, T>, value: T, words: readonly string[]) => {
  for (const w of words) map.set(squash(w), value);
};
for (const kind of Object.keys(positionKindLabels) as PositionKind[]) {
  addWords(kindWords, kind, [kind, positionKindLabels[kind]]);
}
addWords(kindWords, 'elected', ['elected official', 'official', 'elected officer']);
addWords(kindWords, 'staff', ['staff', 'employee', 'town staff', 'town employee', 'municipal employee']);
addWords(kindWords, 'boeEmployee', [
  'BOE',
  'BOE employee',
  'Board of Education',
  'school staff',
  'school employee',
  'education',
]);
addWords(kindWords, 'teamMember', ['team', 'sustainability team', 'green team', 'team member']);
addWords(kindWords, 'appointed', ['commissioner', 'volunteer', 'appointed official', 'appointee']);

/**
 * Kind words that also say which "other" body an elected official sits on; the body
 * cell is then the body's own name, taken as written. The export writes these for
 * other bodies, so "Other executive body: Board of Burgesses" comes back as executive.
 */
export const otherBodyKindLabels: Record<'otherExecutive' | 'otherElected', string> = {
  otherExecutive: `${positionKindLabels.elected}, other executive body`,
  otherElected: `${positionKindLabels.elected}, other elected body`,
};
const otherBodyKindWords = new Map<string, 'otherExecutive' | 'otherElected'>();
addWords(otherBodyKindWords, 'otherExecutive', [otherBodyKindLabels.otherExecutive, 'other executive body']);
addWords(otherBodyKindWords, 'otherElected', [otherBodyKindLabels.otherElected, 'other elected body']);

const levelWords = new Map<string, StaffLevel>();
for (const level of Object.keys(staffLevelLabels) as StaffLevel[]) {
  addWords(levelWords, level, [level, staffLevelLabels[level]]);
}
addWords(levelWords, 'director', ['department head', 'head']);
addWords(levelWords, 'management', ['manager', 'management level', 'supervisor']);

const bodyWords = new Map<string, ElectedBody>();
for (const body of Object.keys(electedBodyLabels) as ElectedBody[]) {
  addWords(bodyWords, body, [body, electedBodyLabels[body]]);
}
addWords(bodyWords, 'selectmen', ['selectmen', 'select board', 'board of selectpersons', 'selectboard']);
addWords(bodyWords, 'aldermen', ['board of alders', 'alders']);
addWords(bodyWords, 'education', ['BOE', 'school board']);
addWords(bodyWords, 'finance', ['BOF']);

/** `YYYY-MM-DD` as is; `M/D/YYYY` (how US spreadsheets write dates) turned into it. Null when empty. */
function readDate(raw: string): { ok: true; value: string | null } | { ok: false } {
  if (raw === '') return { ok: true, value: null };
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  const iso = us ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` : raw;
  return isoDateSchema.safeParse(iso).success ? { ok: true, value: iso } : { ok: false };
}

/** What one row holds once read, before rows of the same person are put together. */
export interface RowPerson {
  name: string;
  email: string;
  /** null when the row leaves "Lives in town" empty (an update then keeps what is stored). */
  isResident: boolean | null;
  position: PositionDraft | null;
}

/** How one data row fared: `ok` rows are imported; `error` rows are listed and left out. */
export interface RowOutcome {
  rowNumber: number;
  /** The row's name cell(s), for the preview ('' when empty). */
  name: string;
  status: 'ok' | 'error';
  /** The person's match key (ok rows only). */
  key: string | null;
  errors: string[];
  /** Things the importer decided for the user that they may want to check. */
  warnings: string[];
}

/** One person to import: the rows that make them up, merged. */
export interface PersonCandidate {
  key: string;
  rowNumbers: number[];
  name: string;
  email: string;
  isResident: boolean | null;
  positions: PositionDraft[];
}

export interface MapRowsOptions {
  /** Kind of position for rows whose kind cell is empty (or when no column is the kind); null: none. */
  defaultKind?: PositionKind | null;
}

export interface MappedRows {
  rows: RowOutcome[];
  candidates: PersonCandidate[];
}

const fieldOfPath = (path: readonly PropertyKey[]): CsvField | null => {
  if (path[0] === 'name') return 'name';
  if (path[0] === 'email') return 'email';
  if (path[0] !== 'positions') return null;
  switch (path[2]) {
    case 'title':
      return 'title';
    case 'level':
      return 'level';
    case 'start':
      return 'start';
    case 'end':
      return 'end';
    case 'kind':
      return 'kind';
    default:
      return 'where';
  }
};

const formatCount = (n: number) => n.toLocaleString('en-US');

/** Reads one row into a person, or explains every problem in it. Exported for tests. */
export function readRow(
  row: CsvRow,
  headers: readonly string[],
  mapping: ColumnMapping,
  options: MapRowsOptions = {},
): { ok: true; person: RowPerson; warnings: string[] } | { ok: false; name: string; errors: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const raw = (field: CsvField): string => {
    const i = mapping[field];
    return i === null ? '' : unneutralise((row.cells[i] ?? '').trim());
  };
  const where = (field: CsvField): string => {
    const i = mapping[field];
    return i === null ? csvFieldLabels[field] : `Column ${quoteValue(headers[i] ?? `Column ${i + 1}`, 60)}`;
  };

  const extra = row.cells.slice(headers.length).filter((c) => c.trim() !== '');
  if (extra.length > 0) {
    errors.push(
      `The row has ${row.cells.length} cells but the file has only ${headers.length} column names, so ${quoteValue(extra[0]!)} has no column. Check for a comma inside a cell without quotes around it.`,
    );
  }

  const name =
    mapping.name !== null
      ? raw('name')
      : [raw('firstName'), raw('lastName')].filter((s) => s !== '').join(' ');
  const email = raw('email');

  let isResident: boolean | null = null;
  const residentCell = raw('isResident');
  const residentWord = squash(residentCell);
  if (residentCell === '') isResident = null;
  else if (yesWords.has(residentWord)) isResident = true;
  else if (noWords.has(residentWord)) isResident = false;
  else
    errors.push(`${where('isResident')}: Lives in town must be yes or no, not ${quoteValue(residentCell)}.`);

  const kindCell = raw('kind');
  const positionCells = (['where', 'title', 'level', 'start', 'end'] as const).filter((f) => raw(f) !== '');
  let kind: PositionKind | null = null;
  const otherBody = otherBodyKindWords.get(squash(kindCell)) ?? null;
  if (otherBody !== null) {
    kind = 'elected';
  } else if (kindCell !== '') {
    kind = kindWords.get(squash(kindCell)) ?? null;
    if (kind === null) {
      errors.push(
        `${where('kind')}: ${quoteValue(kindCell)} is not a kind of position the app knows. Write elected, staff, board of education, team member or appointed.`,
      );
    }
  } else if (positionCells.length > 0) {
    kind = options.defaultKind ?? null;
    if (kind === null) {
      errors.push(
        `The row has a ${positionCells.map((f) => csvFieldLabels[f].toLowerCase()).join(', ')} but no kind of position. Choose a kind for rows that do not say one, or add a “Kind of position” column.`,
      );
    }
  }

  let position: PositionDraft | null = null;
  if (kind !== null) {
    const dates: Record<'start' | 'end', string | null> = { start: null, end: null };
    for (const f of ['start', 'end'] as const) {
      const d = readDate(raw(f));
      if (d.ok) dates[f] = d.value;
      else
        errors.push(
          `${where(f)}: ${quoteValue(raw(f))} is not a calendar date. Write it as YYYY-MM-DD (or M/D/YYYY).`,
        );
    }
    const title = raw('title');
    const place = raw('where');
    const term = { title, ...dates };
    switch (kind) {
      case 'elected': {
        if (otherBody !== null) {
          position = { kind, body: otherBody, bodyName: place, ...term };
          break;
        }
        if (place === '') {
          errors.push(
            `${where('where')}: an elected official needs the body they sit on, e.g. “Board of Selectmen”.`,
          );
          break;
        }
        const body = bodyWords.get(squash(place));
        if (body === undefined) {
          warnings.push(
            `${quoteValue(place)} is not a body the app knows, so it is saved as “Other elected body”. If it is an executive body (like a board of selectmen), write “${otherBodyKindLabels.otherExecutive}” as its kind, or edit the person and choose “Other executive body”.`,
          );
        }
        position = {
          kind,
          body: body ?? 'otherElected',
          bodyName: body === undefined ? place : '',
          ...term,
        };
        break;
      }
      case 'staff': {
        const levelCell = raw('level');
        const level = levelWords.get(squash(levelCell));
        if (level === undefined) {
          errors.push(
            levelCell === ''
              ? `${where('level')}: municipal staff need a level: director, management or other.`
              : `${where('level')}: ${quoteValue(levelCell)} is not a staff level. Write director, management or other.`,
          );
          break;
        }
        position = { kind, department: place, level, ...term };
        break;
      }
      case 'boeEmployee':
        position = { kind, school: place, ...term };
        break;
      case 'teamMember':
        position = { kind, ...term };
        break;
      case 'appointed':
        position = { kind, body: place, ...term };
        break;
    }
  }

  // The app's own rules (lengths, email shape, term order) come from the schema it saves with.
  const checked = personSchema.safeParse(
    {
      id: 'csv-row',
      name,
      email,
      isResident: isResident ?? false,
      positions: position ? [{ ...position, id: 'csv-position' }] : [],
    },
    { error: plainEnglish, reportInput: true },
  );
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = fieldOfPath(issue.path);
      const label = field ? csvFieldLabels[field] : 'Person';
      const value = field ? raw(field) : '';
      // Generic messages ("must be an email address") need the field's name in front; the
      // schema's own sentences ("Name is required", "the term ends ...") stand alone.
      let message = /^(?:must|is|cannot)\b/.test(issue.message)
        ? `${label} ${issue.message}`
        : issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
      if (issue.code === 'too_big' && field) message += ` (this one has ${formatCount([...value].length)})`;
      else if (field === 'email') message += `, not ${quoteValue(value)}`;
      const at = field === 'name' && mapping.name === null ? csvFieldLabels.name : field ? where(field) : '';
      errors.push(`${at ? `${at}: ` : ''}${message}.`);
    }
  }

  if (errors.length > 0) return { ok: false, name, errors };
  return { ok: true, person: { name, email, isResident, position }, warnings };
}

/** The text a position is recognised by, so the same position from a file is never added twice. */
export function positionSignature(p: PositionDraft | Position): string {
  let place = '';
  let level = '';
  switch (p.kind) {
    case 'elected':
      place = electedBodyName(p);
      break;
    case 'staff':
      place = p.department;
      level = p.level;
      break;
    case 'boeEmployee':
      place = p.school;
      break;
    case 'appointed':
      place = p.body;
      break;
    case 'teamMember':
      break;
  }
  return JSON.stringify([p.kind, normaliseText(place), normaliseText(p.title), level, p.start, p.end]);
}

/** The most positions one person may hold (the schema's cap). */
const MAX_POSITIONS = 100;

/**
 * Reads every row and puts rows of the same person together. Never throws: a row
 * that cannot be imported comes back as `status: 'error'` with its messages.
 */
export function mapRows(table: CsvTable, mapping: ColumnMapping, options: MapRowsOptions = {}): MappedRows {
  const rows: RowOutcome[] = [];
  const byKey = new Map<string, PersonCandidate>();
  for (const row of table.rows) {
    const read = readRow(row, table.headers, mapping, options);
    if (!read.ok) {
      rows.push({
        rowNumber: row.rowNumber,
        name: read.name,
        status: 'error',
        key: null,
        errors: read.errors,
        warnings: [],
      });
      continue;
    }
    const { person, warnings } = read;
    const key = matchKey(person.name, person.email);
    const known = byKey.get(key);
    if (known === undefined) {
      byKey.set(key, {
        key,
        rowNumbers: [row.rowNumber],
        name: person.name,
        email: person.email,
        isResident: person.isResident,
        positions: person.position ? [person.position] : [],
      });
      rows.push({ rowNumber: row.rowNumber, name: person.name, status: 'ok', key, errors: [], warnings });
      continue;
    }
    // A later row of the same person: it may add a position, but must not contradict the first.
    const errors: string[] = [];
    if (person.isResident !== null && known.isResident !== null && person.isResident !== known.isResident) {
      errors.push(
        `Lives in town says ${person.isResident ? 'yes' : 'no'}, but row ${known.rowNumbers[0]} for the same person says ${known.isResident ? 'yes' : 'no'}.`,
      );
    }
    // Every row is a position, repeats included: the export writes one row per position,
    // and a person may really hold two identical ones (two seats, two terms).
    const adds = person.position !== null;
    if (adds && known.positions.length >= MAX_POSITIONS) {
      errors.push(
        `${person.name} already has ${MAX_POSITIONS} positions in this file; a person can hold at most ${MAX_POSITIONS}.`,
      );
    }
    if (errors.length > 0) {
      rows.push({
        rowNumber: row.rowNumber,
        name: person.name,
        status: 'error',
        key: null,
        errors,
        warnings: [],
      });
      continue;
    }
    const twin = adds
      ? known.positions.findIndex((p) => positionSignature(p) === positionSignature(person.position!))
      : -1;
    if (twin >= 0) {
      warnings.push(
        `This row repeats a position ${known.name} already has in this file, so they get it twice. Delete one of the rows if that is a mistake.`,
      );
    }
    known.rowNumbers.push(row.rowNumber);
    if (known.isResident === null) known.isResident = person.isResident;
    if (adds) known.positions.push(person.position!);
    rows.push({ rowNumber: row.rowNumber, name: person.name, status: 'ok', key, errors: [], warnings });
  }
  return { rows, candidates: [...byKey.values()] };
}

/** What to do with a person from the file who is already on the roster. */
export type OnMatch = 'skip' | 'update';

/** The clerk's answer for a "same name" row: merge it into that stored person, or add a new one. */
export type SameNameDecision = { action: 'merge'; personId: string } | { action: 'add' };

/** What happens to one candidate. `merge`: a same-name row merged into the stored person. */
export type CandidateOutcome = 'add' | 'update' | 'unchanged' | 'skip' | 'merge';

/** What an import would do, decided before anything is written. */
export interface ImportPlan {
  /** New people, with fresh ids. */
  add: Person[];
  /** People already on the roster, as they will be after the update. */
  update: Person[];
  /** Matches that are already up to date (update) or left alone (skip). */
  unchanged: Person[];
  /** What happens to each candidate, by match key. */
  outcome: Map<string, CandidateOutcome>;
  /**
   * Candidates whose name is someone's on the roster but whose email is not: the
   * stored people of that name (sorted by id), by match key. The preview asks about each.
   */
  sameName: Map<string, Person[]>;
}

/** Merge when the file row has no email (nothing says it is someone else); otherwise add as new. */
export function defaultSameNameDecision(
  candidate: PersonCandidate,
  matches: readonly Person[],
): SameNameDecision {
  const first = matches[0];
  return candidate.email.trim() === '' && first !== undefined
    ? { action: 'merge', personId: first.id }
    : { action: 'add' };
}

/** Positions in `incoming` that `have` does not hold yet, counting repeats (two identical rows, two positions). */
function missingPositions(have: readonly Position[], incoming: readonly PositionDraft[]): PositionDraft[] {
  const count = new Map<string, number>();
  for (const p of have) {
    const sig = positionSignature(p);
    count.set(sig, (count.get(sig) ?? 0) + 1);
  }
  return incoming.filter((p) => {
    const sig = positionSignature(p);
    const n = count.get(sig) ?? 0;
    if (n > 0) count.set(sig, n - 1);
    return n === 0;
  });
}

const byId = (a: Person, b: Person) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Decides, for each candidate, add / update / leave alone, against the people stored.
 * A same-name candidate follows `decisions` (by match key), else `defaultSameNameDecision`.
 * Pure: ids come from `newId`, so a test can make them predictable.
 */
export function planImport(
  candidates: readonly PersonCandidate[],
  existing: readonly Person[],
  onMatch: OnMatch,
  newId: () => string,
  decisions: ReadonlyMap<string, SameNameDecision> = new Map(),
): ImportPlan {
  const sorted = [...existing].sort(byId);
  const stored = new Map<string, Person>();
  const byName = new Map<string, Person[]>();
  // With two stored people sharing a key, always the same one (lowest id) is matched.
  for (const p of sorted) {
    const key = matchKey(p.name, p.email);
    if (!stored.has(key)) stored.set(key, p);
    const name = nameKey(p.name);
    byName.set(name, [...(byName.get(name) ?? []), p]);
  }
  const plan: ImportPlan = { add: [], update: [], unchanged: [], outcome: new Map(), sameName: new Map() };
  // Several rows may merge into one stored person: each builds on the previous one's result.
  const working = new Map<string, Person>();
  const touched = new Set<string>();

  const mergeInto = (match: Person, c: PersonCandidate): boolean => {
    const current = working.get(match.id) ?? match;
    const added = missingPositions(current.positions, c.positions);
    const resident = c.isResident ?? current.isResident;
    // A same-name row may bring the email the roster lacks; a different stored email is kept.
    const email = current.email.trim() === '' ? c.email : current.email;
    if (added.length === 0 && resident === current.isResident && email === current.email) return false;
    working.set(match.id, {
      ...current,
      email,
      isResident: resident,
      positions: [...current.positions, ...added.map((p) => ({ ...p, id: newId() }))],
    });
    touched.add(match.id);
    return true;
  };

  for (const c of candidates) {
    const match = stored.get(c.key);
    if (match === undefined) {
      const namesakes = byName.get(nameKey(c.name)) ?? [];
      if (namesakes.length > 0) {
        plan.sameName.set(c.key, namesakes);
        const decision = decisions.get(c.key) ?? defaultSameNameDecision(c, namesakes);
        const target =
          decision.action === 'merge' ? namesakes.find((p) => p.id === decision.personId) : undefined;
        if (target !== undefined) {
          mergeInto(target, c);
          plan.outcome.set(c.key, 'merge');
          continue;
        }
      }
      plan.add.push({
        id: newId(),
        name: c.name,
        email: c.email,
        isResident: c.isResident ?? false,
        positions: c.positions.map((p) => ({ ...p, id: newId() })),
        notes: '',
      });
      plan.outcome.set(c.key, 'add');
      continue;
    }
    if (onMatch === 'skip') {
      plan.outcome.set(c.key, 'skip');
      continue;
    }
    plan.outcome.set(c.key, mergeInto(match, c) ? 'update' : 'unchanged');
  }
  for (const p of sorted) {
    if (touched.has(p.id)) plan.update.push(working.get(p.id)!);
  }
  const updated = new Set(plan.update.map((p) => p.id));
  for (const c of candidates) {
    const o = plan.outcome.get(c.key);
    const match = stored.get(c.key);
    if ((o === 'skip' || o === 'unchanged') && match !== undefined && !updated.has(match.id)) {
      if (!plan.unchanged.includes(match)) plan.unchanged.push(match);
    }
  }
  return plan;
}

/**
 * The first person of the plan the app's schema would refuse, as one sentence ("Ann
 * Lee: positions must hold at most 100 items"), or null when every one is valid.
 * Each row was checked alone already; this catches what only merging makes (too many
 * positions, say), so the import writes nothing the app could not read back.
 */
export function planProblem(plan: Pick<ImportPlan, 'add' | 'update'>): string | null {
  for (const person of [...plan.add, ...plan.update]) {
    const checked = personSchema.safeParse(person, { error: plainEnglish, reportInput: true });
    if (checked.success) continue;
    const first = issuesToErrors(checked.error.issues)[0];
    const what = !first
      ? 'is not valid'
      : /^[a-z]/.test(first.message)
        ? `${first.path} ${first.message}`
        : first.message;
    return `${[...person.name].slice(0, 60).join('')}: ${what}`;
  }
  return null;
}
