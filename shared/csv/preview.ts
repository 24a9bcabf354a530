/**
 * What the CSV import preview shows, computed from the whole table in one pure call,
 * so it can run where the table is: on the main thread for a small file, in the
 * importer's worker for a large one (`renderer/src/csv/session.ts`). The result is
 * small whatever the file's size — the counts, the first `PREVIEW_ROWS` rows, the
 * first `LISTED_PROBLEMS` rows with problems and their total — so a 50 MB file never
 * sends its 50 MB back to the window, nor makes the window validate 5,000 rows.
 */
import type { Person, PositionKind } from '../domain/schema';
import {
  defaultSameNameDecision,
  guessMapping,
  guessMappingFromCells,
  mappingProblems,
  mapRows,
  planImport,
  planProblem,
  treatFirstRowAsData,
} from './people';
import type {
  CandidateOutcome,
  ColumnMapping,
  CsvRow,
  CsvTable,
  OnMatch,
  PersonCandidate,
  PositionDraft,
  SameNameDecision,
} from './people';

/** Rows shown in the preview table; the rest are counted. */
export const PREVIEW_ROWS = 100;
/** Rows with problems listed; the rest are counted. */
export const LISTED_PROBLEMS = 200;
/**
 * Column names are sent cut to this many characters: the dialog shows at most 60 of
 * them followed by "…", so one more character keeps exactly what it shows.
 */
export const HEADER_CHARS = 61;

/** A table as read, with the row its column names came from (a person when the file has no column names). */
export interface ReadTable {
  table: CsvTable;
  firstRow: CsvRow;
}

/** Everything the clerk can change in the preview, besides the encoding. */
export interface PreviewSettings {
  hasHeaders: boolean;
  mapping: ColumnMapping;
  defaultKind: PositionKind | null;
  onMatch: OnMatch;
  /** The clerk's Merge / Add as new answers for same-name rows, by match key (the rest take the default). */
  decisions: ReadonlyMap<string, SameNameDecision>;
}

/** The table as the preview's column pickers see it, with or without a row of column names. */
export interface TableShape {
  /** The column names, cut to `HEADER_CHARS`. */
  headers: string[];
  /** The guessed mapping. */
  mapping: ColumnMapping;
  /** Rows of people. */
  rowCount: number;
}

/** Both shapes of a table read (the "first row holds column names" checkbox switches between them). */
export interface ReadSummary {
  withHeaders: TableShape;
  withoutHeaders: TableShape;
}

/** One row of the preview table, with what the dialog says about it. */
export interface PreviewRow {
  rowNumber: number;
  /** The row's name cell(s), cut to `HEADER_CHARS` (a 10,000-character cell is shown cut anyway). */
  name: string;
  status: 'ok' | 'error';
  warnings: string[];
  /** The person's match key (ok rows). */
  key: string | null;
  /** The first row of the same person in the file (ok rows). */
  firstRowNumber: number | null;
  /** Email and resident flag, on a person's first row only (later rows leave them blank). */
  own: { email: string; isResident: boolean | null } | null;
  /** Every position the person gets from the file (ok rows). */
  positions: PositionDraft[];
  outcome: CandidateOutcome | null;
  /** For a same-name person's rows: the Merge / Add as new decision in force. */
  decision: SameNameDecision | null;
  /** On a same-name person's first row (where the question is asked): the stored people of that name. */
  namesakes: Person[] | null;
}

/** A row left out, with its messages. */
export interface ProblemRow {
  rowNumber: number;
  /** Cut to `HEADER_CHARS`, as the row's name in the table. */
  name: string;
  errors: string[];
}

/** The rows' results for some settings. */
export interface PreviewResult {
  /** The first `PREVIEW_ROWS` rows. */
  rows: PreviewRow[];
  /** Rows in the file (below the column names, if any). */
  rowCount: number;
  /** The first `LISTED_PROBLEMS` rows with problems. */
  problems: ProblemRow[];
  problemCount: number;
  /** New people, people already on the roster (same name and email), same-name people. */
  added: number;
  matches: number;
  sameNames: number;
  /** People the import would write (added or updated). */
  toWrite: number;
}

/** What the preview shows for some settings: null while the mapping has problems. */
export type CsvPreview = PreviewResult | null;

/** The table for these settings: as read, or with its first row as a person. */
export function tableFor(read: ReadTable, hasHeaders: boolean): CsvTable {
  return hasHeaders ? read.table : treatFirstRowAsData(read.table, read.firstRow);
}

/** Cut to `HEADER_CHARS` whole characters (emoji included). */
const clip = (text: string): string => {
  const chars = [...text.slice(0, HEADER_CHARS * 2)];
  return chars.length > HEADER_CHARS ? chars.slice(0, HEADER_CHARS).join('') : text;
};

/** Both shapes of the table, with the guessed mappings: what the dialog needs before any row is read. */
export function summariseRead(read: ReadTable): ReadSummary {
  const without = tableFor(read, false);
  return {
    withHeaders: {
      headers: read.table.headers.map(clip),
      mapping: guessMapping(read.table.headers),
      rowCount: read.table.rows.length,
    },
    withoutHeaders: {
      headers: without.headers.map(clip),
      mapping: guessMappingFromCells(without),
      rowCount: without.rows.length,
    },
  };
}

/** An import planned and checked where the table is: who is added, who is updated. */
export interface PlannedImport {
  add: Person[];
  update: Person[];
  /** People on the roster the file leaves as they are. */
  unchanged: number;
  /** `planProblem` of the plan: why it must not be written (a person the schema refuses), or null. */
  problem: string | null;
}

/**
 * The import these settings make against the roster `people`, with fresh ids from
 * `newId`, checked with the app's schema; null while the mapping has problems.
 */
export function planFromRead(
  read: ReadTable,
  people: readonly Person[],
  settings: PreviewSettings,
  newId: () => string,
): PlannedImport | null {
  const candidates = importCandidates(read, settings);
  if (candidates === null) return null;
  const plan = planImport(candidates, people, settings.onMatch, newId, settings.decisions);
  return { add: plan.add, update: plan.update, unchanged: plan.unchanged.length, problem: planProblem(plan) };
}

/** The people an import with these settings would bring, or null while the mapping has problems. */
export function importCandidates(read: ReadTable, settings: PreviewSettings): PersonCandidate[] | null {
  const table = tableFor(read, settings.hasHeaders);
  if (mappingProblems(settings.mapping, table.headers).length > 0) return null;
  return mapRows(table, settings.mapping, { defaultKind: settings.defaultKind }).candidates;
}

/** What the preview shows for these settings, against the roster `people`; null while the mapping has problems. */
export function previewImport(
  read: ReadTable,
  people: readonly Person[],
  settings: PreviewSettings,
): CsvPreview {
  const table = tableFor(read, settings.hasHeaders);
  if (mappingProblems(settings.mapping, table.headers).length > 0) return null;
  const mapped = mapRows(table, settings.mapping, { defaultKind: settings.defaultKind });
  const plan = planImport(mapped.candidates, people, settings.onMatch, () => 'preview', settings.decisions);
  const candidates = new Map(mapped.candidates.map((c) => [c.key, c]));

  const rows = mapped.rows.slice(0, PREVIEW_ROWS).map((row): PreviewRow => {
    const c = row.key === null ? undefined : candidates.get(row.key);
    const first = c?.rowNumbers[0] ?? null;
    const own = c !== undefined && first === row.rowNumber ? c : undefined;
    const namesakes = c === undefined ? undefined : plan.sameName.get(c.key);
    return {
      rowNumber: row.rowNumber,
      name: clip(row.name),
      status: row.status,
      warnings: row.warnings,
      key: row.key,
      firstRowNumber: first,
      own: own ? { email: own.email, isResident: own.isResident } : null,
      positions: c?.positions ?? [],
      outcome: row.key === null ? null : (plan.outcome.get(row.key) ?? null),
      decision:
        c && namesakes ? (settings.decisions.get(c.key) ?? defaultSameNameDecision(c, namesakes)) : null,
      namesakes: own && namesakes ? namesakes : null,
    };
  });
  const bad = mapped.rows.filter((r) => r.status === 'error');
  return {
    rows,
    rowCount: mapped.rows.length,
    problems: bad
      .slice(0, LISTED_PROBLEMS)
      .map((r) => ({ rowNumber: r.rowNumber, name: clip(r.name), errors: r.errors })),
    problemCount: bad.length,
    added: plan.add.length,
    matches: [...plan.outcome].filter(([k, o]) => o !== 'add' && !plan.sameName.has(k)).length,
    sameNames: plan.sameName.size,
    toWrite: plan.add.length + plan.update.length,
  };
}
