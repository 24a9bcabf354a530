/**
 * Conflicts: the same record changed on two computers before they shared their changes.
 *
 * Sync never picks a version by itself in a way that loses the other: the replicator
 * (CouchDB's rule, the same on every computer: the longest edit history wins, then the
 * higher revision id) chooses which version the app shows, and the other versions are kept
 * until the clerk keeps one of them in Town › Sharing › Conflicts. A merged backup's
 * conflicts follow one rule of the same kind (`mergeWinner`), so both computers agree.
 */
import { describePosition } from '../domain/labels';
import { positionSchema } from '../domain/schema';
import { contentHash } from './docs';
import type { SyncDoc, SyncDocType } from './docs';

/** One version of a record in conflict; `rev` is the replicator's revision id (absent for a merge). */
export interface ConflictVersion {
  rev?: string;
  data: unknown;
}

/** An entry of the Conflicts list (stored by the renderer; never in a backup). */
export interface ConflictRow {
  /** The document id (shared/sync/docs.ts). */
  id: string;
  type: SyncDocType;
  /** Where it came from: a sync with the server, or File › Merge a backup…. */
  source: 'sync' | 'merge';
  /** The version the app shows now. */
  winner: ConflictVersion;
  /** The versions set aside, each kept until the clerk decides. */
  others: ConflictVersion[];
  /** When it was noticed (ISO date and time). */
  detectedAt: string;
}

/**
 * For a merge: which of two versions the app shows, the same on both computers whichever
 * merges whose backup (the version with the higher content fingerprint, as CouchDB
 * compares revision ids). The other is kept in the Conflicts list.
 */
export function mergeWinner<T extends Pick<SyncDoc, 'type' | 'data'>>(a: T, b: T): { winner: T; other: T } {
  return contentHash(a) >= contentHash(b) ? { winner: a, other: b } : { winner: b, other: a };
}

/** One line of a side-by-side comparison. */
export interface FieldDifference {
  /** The field, in words ("Name", "Positions"). */
  label: string;
  winner: string;
  other: string;
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  email: 'Email',
  notes: 'Notes',
  positions: 'Positions',
  title: 'Title',
  date: 'Date',
  startTime: 'Start time',
  endTime: 'End time',
  location: 'Location',
  delivery: 'Delivery',
  trainingId: 'Training',
  seriesId: 'Series',
  type: 'Type',
  description: 'Description',
  municipalityKind: 'Kind of municipality',
  certificationYear: 'Certification year',
  asOfDate: 'Evaluation date',
  preparedBy: 'Prepared by',
  preparedByTitle: 'Preparer’s title',
  preparedByEmail: 'Preparer’s email',
  preparedByPhone: 'Preparer’s phone',
  certificationRound: 'Round',
  rollingNarrative: 'Narratives',
};

/** A position in words, with its term: "Chair, Sustainability Team (from 2024-01-01)". */
function showPosition(item: unknown): string | null {
  const parsed = positionSchema.safeParse(item);
  if (!parsed.success) return null;
  const p = parsed.data;
  const term =
    p.start && p.end
      ? ` (${p.start} to ${p.end})`
      : p.start
        ? ` (from ${p.start})`
        : p.end
          ? ` (to ${p.end})`
          : '';
  return `${describePosition(p)}${term}`;
}

/** A field's value in words, short enough for a table cell (record ids are left out: no clerk reads them). */
function show(value: unknown, key?: string): string {
  if (key === 'positions' && Array.isArray(value)) {
    const lines = value.map(showPosition);
    if (lines.every((l) => l !== null)) return lines.length === 0 ? '(none)' : lines.join('; ');
  }
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return value
      .map((item: unknown) =>
        typeof item === 'object' && item !== null
          ? Object.entries(item)
              .filter(([k, v]) => k !== 'id' && v !== '' && v !== null)
              .map(([, v]) => show(v))
              .join(', ')
          : show(item),
      )
      .join('; ');
  }
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== '' && v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join('; ');
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields in which two versions of a record differ, in words (a deleted version reads "(deleted)"). */
export function differences(winner: unknown, other: unknown): FieldDifference[] {
  if (winner === null || other === null) {
    return [
      {
        label: 'Record',
        winner: winner === null ? '(deleted)' : 'kept',
        other: other === null ? '(deleted)' : 'kept',
      },
    ];
  }
  const a = (winner ?? {}) as Record<string, unknown>;
  const b = (other ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'id');
  return keys
    .filter((k) => !sameValue(a[k], b[k]))
    .map((k) => ({ label: FIELD_LABELS[k] ?? k, winner: show(a[k], k), other: show(b[k], k) }));
}

const TYPE_NAMES: Record<SyncDocType, string> = {
  town: 'The town',
  settings: 'The settings',
  attendance: 'Attendance',
  person: 'Person',
  series: 'Series',
  training: 'Training',
  session: 'Session',
  partner: 'Partner',
  certification: 'Certification',
  coaching: 'Coaching',
  optimize: 'Optimize for Equity entry',
  submission: 'Submission',
};

/** What a conflict is about, in words: "Person: Ana Ruiz". */
export function conflictTitle(row: Pick<ConflictRow, 'type' | 'winner'>): string {
  const data = (row.winner.data ?? {}) as Record<string, unknown>;
  const name = typeof data.name === 'string' ? data.name : typeof data.date === 'string' ? data.date : '';
  return name ? `${TYPE_NAMES[row.type]}: ${name}` : TYPE_NAMES[row.type];
}
