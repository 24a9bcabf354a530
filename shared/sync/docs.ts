/**
 * The town's records as CouchDB documents: the one mapping that sync (renderer/sync/), the
 * merge of a colleague's backup and `ledger pull` share.
 *
 * One document per record, under an id that never changes, so two computers that edit the
 * same record edit the same document and the replicator can tell a change from a conflict:
 *
 * | record                 | `_id`                                   |
 * | ---------------------- | --------------------------------------- |
 * | the town               | `town`                                  |
 * | its settings           | `settings`                              |
 * | a person, series, …    | `person:<id>`, `series:<id>`, …         |
 * | who attended a session | `attendance:<session id>:<person id>`   |
 *
 * WHY attendance is keyed by session and person, not by a fresh id: two offline computers
 * that tick the same cell then write the same document, and end with one record (the
 * replicator sees two identical versions; sync drops the copy). The two ids are
 * percent-encoded so a `:` inside an id cannot make one key read as another.
 *
 * Every document is `{ _id, type, data }`: `data` is exactly the shared record (as in a
 * backup), so the mapping round-trips and what a server holds is readable by hand.
 * Documents coming from a server are untrusted: `readDoc` validates each one with the same
 * schemas as a backup, and a document that fails is reported, never stored.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { z } from 'zod';
import { canonicalJson } from '../backup/canonical';
import {
  attendanceSchema,
  certificationSchema,
  coachingEntrySchema,
  optimizeForEquitySchema,
  partnerSchema,
  personSchema,
  seriesSchema,
  sessionSchema,
  settingsSchema,
  submissionSchema,
  townSchema,
  trainingSchema,
} from '../domain/schema';
import type { Attendance, TownData } from '../domain/schema';

/** The record lists of a town, each with the document type its records get. */
export const LIST_TYPES = {
  people: 'person',
  series: 'series',
  trainings: 'training',
  sessions: 'session',
  partners: 'partner',
  certifications: 'certification',
  coaching: 'coaching',
  optimizeForEquity: 'optimize',
  submissions: 'submission',
} as const;

export type ListKey = keyof typeof LIST_TYPES;
export type ListDocType = (typeof LIST_TYPES)[ListKey];
export type SyncDocType = 'town' | 'settings' | 'attendance' | ListDocType;

/** A record as a document, without CouchDB's own fields (`_rev`, `_deleted`, …). */
export interface SyncDoc {
  _id: string;
  type: SyncDocType;
  data: unknown;
}

const LIST_KEYS = Object.keys(LIST_TYPES) as ListKey[];
const LIST_OF_TYPE = Object.fromEntries(LIST_KEYS.map((k) => [LIST_TYPES[k], k])) as Record<
  ListDocType,
  ListKey
>;

/** The schema each document's `data` must satisfy (the backup's own). */
const SCHEMAS: Record<SyncDocType, z.ZodType> = {
  town: townSchema,
  settings: settingsSchema,
  attendance: attendanceSchema,
  person: personSchema,
  series: seriesSchema,
  training: trainingSchema,
  session: sessionSchema,
  partner: partnerSchema,
  certification: certificationSchema,
  coaching: coachingEntrySchema,
  optimize: optimizeForEquitySchema,
  submission: submissionSchema,
};

/** The id of the document holding one attendance pair. */
export function attendanceDocId(a: Attendance): string {
  return `attendance:${encodeURIComponent(a.sessionId)}:${encodeURIComponent(a.personId)}`;
}

/** The id of the document holding a record of a list (`person:<id>`). */
export function listDocId(type: ListDocType, id: string): string {
  return `${type}:${id}`;
}

/** Every record of `data` as a document, in a fixed order (town, settings, lists, attendance). */
export function docsOf(data: TownData): SyncDoc[] {
  const docs: SyncDoc[] = [
    { _id: 'town', type: 'town', data: data.town },
    { _id: 'settings', type: 'settings', data: data.settings },
  ];
  for (const key of LIST_KEYS) {
    const type = LIST_TYPES[key];
    for (const record of data[key]) docs.push({ _id: listDocId(type, record.id), type, data: record });
  }
  for (const a of data.attendance) docs.push({ _id: attendanceDocId(a), type: 'attendance', data: a });
  return docs;
}

/** What `readDoc` makes of one document from elsewhere. */
export type ReadDoc = { ok: true; doc: SyncDoc } | { ok: false; id: string; problem: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id a record of type `type` with data `data` must live under. */
function expectedId(type: SyncDocType, data: unknown): string {
  if (type === 'town' || type === 'settings') return type;
  if (type === 'attendance') return attendanceDocId(data as Attendance);
  return listDocId(type, (data as { id: string }).id);
}

/**
 * Validates one document from a server (or a merged backup): a known type, data that passes
 * the record's schema, and an id that matches the record (so a document cannot smuggle a
 * person in under another person's id). Design documents and other `_` ids are not records.
 */
export function readDoc(raw: unknown): ReadDoc {
  const id = isObject(raw) && typeof raw._id === 'string' ? raw._id : '(no id)';
  if (!isObject(raw)) return { ok: false, id, problem: 'is not a record of this app' };
  const type = raw.type;
  if (typeof type !== 'string' || !(type in SCHEMAS))
    return { ok: false, id, problem: 'is not a record of this app' };
  const parsed = SCHEMAS[type as SyncDocType].safeParse(raw.data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
    return {
      ok: false,
      id,
      problem: `has a field that cannot be read${where}: ${first?.message ?? 'invalid'}`,
    };
  }
  const docType = type as SyncDocType;
  if (expectedId(docType, parsed.data) !== id)
    return { ok: false, id, problem: 'is stored under the wrong id' };
  return { ok: true, doc: { _id: id, type: docType, data: parsed.data } };
}

/** Whether a document id is one of ours (not a design document or CouchDB's own). */
export function isRecordId(id: string): boolean {
  return !id.startsWith('_');
}

/**
 * The town's data from a set of validated documents (the inverse of `docsOf`). Records come
 * out in id order, so the same documents always give the same data; returns null when the
 * documents hold no town.
 */
export function townDataOf(docs: Iterable<SyncDoc>): TownData | null {
  const lists = Object.fromEntries(LIST_KEYS.map((k) => [k, [] as unknown[]])) as Record<ListKey, unknown[]>;
  const attendance: Attendance[] = [];
  let town: unknown = undefined;
  let settings: unknown = undefined;
  const sorted = [...docs].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  for (const doc of sorted) {
    if (doc.type === 'town') town = doc.data;
    else if (doc.type === 'settings') settings = doc.data;
    else if (doc.type === 'attendance') attendance.push(doc.data as Attendance);
    else lists[LIST_OF_TYPE[doc.type]].push(doc.data);
  }
  if (town === undefined) return null;
  return {
    town: town as TownData['town'],
    settings: (settings ?? settingsSchema.parse({})) as TownData['settings'],
    ...(lists as unknown as Pick<TownData, ListKey>),
    attendance,
  };
}

/**
 * A short fingerprint of a document's content (type and data, not its id or revision):
 * SHA-256 over the canonical JSON, first 128 bits in hex. Equal content, equal fingerprint,
 * whatever order the keys were written in — how sync and merge tell "changed" from "same".
 */
export function contentHash(doc: Pick<SyncDoc, 'type' | 'data'>): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ type: doc.type, data: doc.data })))).slice(0, 32);
}
