/**
 * Merging a colleague's backup (File › Merge a backup…): add and update records by id, with
 * the same conflict rules as sync, and never delete anything.
 *
 * A backup carries no revision history, so "changed over there" and "changed on both sides"
 * need a base. This computer keeps one: its **share history**, the content fingerprints
 * (`contentHash`) each record had whenever its version was shared — saved in a backup by
 * hand, restored, merged, or sent or received by sync. For one record id, with L the version
 * here, I the one in the backup and H its history:
 *
 * | case                  | outcome                                                      |
 * | --------------------- | ------------------------------------------------------------ |
 * | I only, I ∈ H         | deleted here after it was shared: stays deleted              |
 * | I only, I ∉ H         | **new**: added                                               |
 * | L only                | kept (a backup cannot say a record was deleted)              |
 * | L = I                 | the same                                                     |
 * | L ≠ I, I ∈ H          | the backup holds an older version: L kept                    |
 * | L ≠ I, L ∈ H, I ∉ H   | **changed** over there only: I taken                         |
 * | L ≠ I, neither in H   | **conflict**: `mergeWinner` shows one, the other is kept     |
 *
 * Submissions are frozen once made, so the same id means the same submission. Attendance
 * documents are keyed by session and person, so two computers that ticked the same cell hold
 * the same document: one record.
 *
 * Pure: the renderer reads the documents and the history, plans here, and writes the plan in
 * one transaction (renderer/db/merge.ts).
 */
import { crossReferenceErrors } from '../backup/parse';
import { conflictTitle, mergeWinner } from './conflicts';
import type { ConflictRow } from './conflicts';
import { contentHash, listDocId, townDataOf } from './docs';
import type { SyncDoc } from './docs';

/** Per document id, the fingerprints its shared versions had, oldest first. */
export type ShareHistory = ReadonlyMap<string, readonly string[]>;

/** How many shared versions are remembered per record: enough for a few rounds of back and forth. */
export const HISTORY_DEPTH = 8;

const ATTENDANCE_VERSION = 'attendance';

/**
 * What the history remembers of a version: its `contentHash`, except for attendance, whose id
 * already says everything it holds (session and person), so "was it shared" is all there is
 * to know. WHY: a large town has twenty thousand attendance documents; not hashing them keeps
 * planning a merge well under a second.
 */
export function versionOf(doc: Pick<SyncDoc, 'type' | 'data'>): string {
  return doc.type === 'attendance' ? ATTENDANCE_VERSION : contentHash(doc);
}

/**
 * The history with these documents' versions added as shared (each at most once, the newest
 * last), keeping the last `depth` per record.
 */
export function historyWith(
  history: ShareHistory,
  docs: Iterable<Pick<SyncDoc, '_id' | 'type' | 'data'>>,
  depth: number = HISTORY_DEPTH,
): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const [id, hashes] of history) next.set(id, [...hashes]);
  for (const doc of docs) {
    const hash = versionOf(doc);
    const kept = (next.get(doc._id) ?? []).filter((h) => h !== hash);
    kept.push(hash);
    next.set(doc._id, kept.slice(-depth));
  }
  return next;
}

/** Both versions of a record changed on both sides since they were last shared. */
export interface MergeConflict {
  id: string;
  type: SyncDoc['type'];
  /** The version the app shows after the merge (`mergeWinner`, or here's when the backup's cannot fit). */
  winner: SyncDoc;
  /** The version kept in the Conflicts list. */
  other: SyncDoc;
  /** Which side the shown version comes from. */
  winnerFrom: 'here' | 'backup';
}

export interface MergePlan {
  /** Records only in the backup, never seen here: added. */
  added: SyncDoc[];
  /** Records changed only in the backup since they were shared: the backup's version is taken. */
  changed: SyncDoc[];
  conflicts: MergeConflict[];
  /** Records the backup holds an older version of: kept as they are here. */
  olderInBackup: string[];
  /** Records deleted on this computer after it shared them: they stay deleted. */
  deletedHere: string[];
  /** New or changed records whose session, training or series no longer exists here: left out. */
  leftOut: SyncDoc[];
  /** How many records only this computer has (kept: a merge never deletes). */
  onlyHere: number;
  /** How many records are the same on both sides. */
  same: number;
  /** Every document the merge writes: the added, the changed and the conflicts the backup's version wins. */
  put: SyncDoc[];
  /** Why the merge cannot be made, in plain words (empty when it can). */
  problems: string[];
}

/** The counts a preview and a toast show. */
export interface MergeCounts {
  added: number;
  changed: number;
  conflicts: number;
}

export function mergeCounts(plan: MergePlan): MergeCounts {
  return { added: plan.added.length, changed: plan.changed.length, conflicts: plan.conflicts.length };
}

/** Whether merging the plan changes nothing at all. */
export function isEmptyPlan(plan: MergePlan): boolean {
  return plan.put.length === 0 && plan.conflicts.length === 0;
}

/** The parent documents a record needs, by the rules a backup's cross-references check. */
function parentsOf(doc: SyncDoc): string[] {
  const data = doc.data as Record<string, unknown>;
  if (doc.type === 'training')
    return typeof data.seriesId === 'string' ? [listDocId('series', data.seriesId)] : [];
  if (doc.type === 'session') return [listDocId('training', data.trainingId as string)];
  if (doc.type === 'attendance')
    return [listDocId('session', data.sessionId as string), listDocId('person', data.personId as string)];
  return [];
}

/** Parents before children, so one pass finds records left out because their parent was. */
const PARENT_ORDER: readonly SyncDoc['type'][] = ['training', 'session', 'attendance'];

export function planMerge(
  local: readonly SyncDoc[],
  incoming: readonly SyncDoc[],
  history: ShareHistory,
): MergePlan {
  const here = new Map(local.map((d) => [d._id, d]));
  const seen = (id: string, hash: string) => history.get(id)?.includes(hash) ?? false;
  const added: SyncDoc[] = [];
  const changed: SyncDoc[] = [];
  const conflicts: MergeConflict[] = [];
  const olderInBackup: string[] = [];
  const deletedHere: string[] = [];
  let same = 0;

  const inBackup = new Set<string>();
  for (const theirs of incoming) {
    inBackup.add(theirs._id);
    const ours = here.get(theirs._id);
    const theirHash = versionOf(theirs);
    if (ours === undefined) {
      if (seen(theirs._id, theirHash)) deletedHere.push(theirs._id);
      else added.push(theirs);
      continue;
    }
    // A submission is frozen when it is made: the same id is the same submission.
    if (theirs.type === 'submission') {
      same++;
      continue;
    }
    const ourHash = versionOf(ours);
    if (ourHash === theirHash) same++;
    else if (seen(theirs._id, theirHash)) olderInBackup.push(theirs._id);
    else if (seen(ours._id, ourHash)) changed.push(theirs);
    else {
      const { winner, other } = mergeWinner(ours, theirs);
      conflicts.push({
        id: ours._id,
        type: ours.type,
        winner,
        other,
        winnerFrom: winner === ours ? 'here' : 'backup',
      });
    }
  }
  const onlyHere = local.filter((d) => !inBackup.has(d._id)).length;

  // What the town would hold; then leave out what would point at a record that is gone here
  // (attendance of a session deleted on this computer), parents first.
  const result = new Map(here);
  for (const d of [...added, ...changed]) result.set(d._id, d);
  for (const c of conflicts) result.set(c.id, c.winner);
  const leftOut: SyncDoc[] = [];
  const fits = (doc: SyncDoc) => parentsOf(doc).every((p) => result.has(p));
  for (const type of PARENT_ORDER) {
    for (const list of [added, changed]) {
      for (let i = list.length - 1; i >= 0; i--) {
        const doc = list[i]!;
        if (doc.type !== type || fits(doc)) continue;
        list.splice(i, 1);
        leftOut.push(doc);
        const ours = here.get(doc._id);
        if (ours === undefined) result.delete(doc._id);
        else result.set(doc._id, ours);
      }
    }
    for (let i = 0; i < conflicts.length; i++) {
      const c = conflicts[i]!;
      if (c.type !== type || c.winnerFrom !== 'backup' || fits(c.winner)) continue;
      // The backup's version cannot fit here: show this computer's and keep the other aside.
      conflicts[i] = { ...c, winner: c.other, other: c.winner, winnerFrom: 'here' };
      result.set(c.id, c.other);
    }
  }

  const problems: string[] = [];
  const data = townDataOf(result.values());
  if (!here.has('town') || data === null) {
    problems.push('There is no town on this computer yet. Restore the backup instead of merging it.');
  } else {
    const errors = crossReferenceErrors(data);
    if (errors.length > 0)
      problems.push(
        `The merged records would not fit together (${errors[0]!.path}: ${errors[0]!.message}), so nothing can be merged.`,
      );
  }

  const put = [
    ...added,
    ...changed,
    ...conflicts.filter((c) => c.winnerFrom === 'backup').map((c) => c.winner),
  ];
  return { added, changed, conflicts, olderInBackup, deletedHere, leftOut, onlyHere, same, put, problems };
}

/** The Conflicts list entries a merge leaves (`source: 'merge'`). */
export function conflictRowsOf(plan: MergePlan, detectedAt: string): ConflictRow[] {
  return plan.conflicts.map((c) => ({
    id: c.id,
    type: c.type,
    source: 'merge',
    winner: { data: c.winner.data },
    others: [{ data: c.other.data }],
    detectedAt,
  }));
}

/** The town names of both sides when they differ (ignoring case and spacing), else null. */
export function otherTown(
  local: readonly SyncDoc[],
  incoming: readonly SyncDoc[],
): { here: string; backup: string } | null {
  const name = (docs: readonly SyncDoc[]) => {
    const town = docs.find((d) => d.type === 'town');
    const value = town ? (town.data as { name?: unknown }).name : undefined;
    return typeof value === 'string' ? value : '';
  };
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
  const here = name(local);
  const backup = name(incoming);
  return norm(here) === norm(backup) ? null : { here, backup };
}

/**
 * A record in words for the preview's list: "Person: Ana Ruiz", "Session of Equity 101 on
 * 2026-03-04", "Attendance: Ana Ruiz at the session of 2026-03-04". `docs` resolves the names
 * sessions and attendance point at.
 */
export function describeDoc(doc: SyncDoc, docs: ReadonlyMap<string, SyncDoc>): string {
  if (doc.type === 'session') {
    const s = doc.data as { trainingId: string; date: string };
    const training = docs.get(listDocId('training', s.trainingId))?.data as { name?: string } | undefined;
    return `Session of ${training?.name ?? 'a training'} on ${s.date}`;
  }
  if (doc.type !== 'attendance') return conflictTitle({ type: doc.type, winner: { data: doc.data } });
  const a = doc.data as { personId: string; sessionId: string };
  const person = docs.get(listDocId('person', a.personId))?.data as { name?: string } | undefined;
  const session = docs.get(listDocId('session', a.sessionId))?.data as { date?: string } | undefined;
  return `Attendance: ${person?.name ?? 'someone'} at the session of ${session?.date ?? 'an unknown date'}`;
}
