import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeWinner } from '../../../shared/sync/conflicts';
import { attendanceDocId, docsOf, listDocId } from '../../../shared/sync/docs';
import type { SyncDoc } from '../../../shared/sync/docs';
import {
  conflictRowsOf,
  describeDoc,
  historyWith,
  HISTORY_DEPTH,
  isEmptyPlan,
  mergeCounts,
  otherTown,
  planMerge,
} from '../../../shared/sync/merge';
import type { MergePlan, ShareHistory } from '../../../shared/sync/merge';
import { smallTown } from '../../fixtures/synthetic-towns';

const NONE: ShareHistory = new Map();

/** The documents after writing a plan (what applySyncWrite does, minus the database). */
function apply(local: readonly SyncDoc[], plan: MergePlan): SyncDoc[] {
  const byId = new Map(local.map((d) => [d._id, d]));
  for (const d of plan.put) byId.set(d._id, d);
  return [...byId.values()].sort((a, b) => (a._id < b._id ? -1 : 1));
}

function edit(docs: readonly SyncDoc[], id: string, change: Record<string, unknown>): SyncDoc[] {
  return docs.map((d) => (d._id === id ? { ...d, data: { ...(d.data as object), ...change } } : d));
}

const without = (docs: readonly SyncDoc[], ...ids: string[]) => docs.filter((d) => !ids.includes(d._id));

const town = smallTown(1);
const base = docsOf(town);
const shared = historyWith(NONE, base);
const person = listDocId('person', town.people[0]!.id);
const newPerson: SyncDoc = {
  _id: 'person:new-1',
  type: 'person',
  data: { id: 'new-1', name: 'Noor Haddad', email: '', isResident: true, positions: [], notes: '' },
};

describe('planning a merge', () => {
  it('finds nothing to do when the backup is what this computer has', () => {
    const plan = planMerge(base, base, NONE);
    expect(isEmptyPlan(plan)).toBe(true);
    expect(plan.same).toBe(base.length);
    expect(plan.problems).toEqual([]);
  });

  it('adds a record only the backup has, unless this computer deleted it after sharing it', () => {
    const here = without(base, person);
    expect(planMerge(here, [...base, newPerson], shared).added.map((d) => d._id)).toEqual(['person:new-1']);
    expect(planMerge(here, base, shared).deletedHere).toEqual([person]);
    // The same for an attendance tick taken off after it was shared (its id is its content).
    const pair = base.find((d) => d.type === 'attendance')!;
    expect(planMerge(without(base, pair._id), base, shared).deletedHere).toEqual([pair._id]);
    // Never shared from here: then it is news, and comes back.
    expect(planMerge(here, base, NONE).added.map((d) => d._id)).toContain(person);
  });

  it('keeps records only this computer has: a backup cannot say a record was deleted', () => {
    const plan = planMerge([...base, newPerson], base, shared);
    expect(plan.onlyHere).toBe(1);
    expect(isEmptyPlan(plan)).toBe(true);
  });

  it('takes a record changed only in the backup, keeps one the backup holds an older version of', () => {
    const there = edit(base, person, { name: 'Changed There' });
    const plan = planMerge(base, there, shared);
    expect(plan.changed.map((d) => d._id)).toEqual([person]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.put.find((d) => d._id === person)?.data).toMatchObject({ name: 'Changed There' });

    const here = edit(base, person, { name: 'Changed Here' });
    const older = planMerge(here, base, shared);
    expect(older.olderInBackup).toEqual([person]);
    expect(isEmptyPlan(older)).toBe(true);
  });

  it('makes a conflict of a record changed on both sides, the winner by content, the other kept', () => {
    const here = edit(base, person, { name: 'Ana Here' });
    const there = edit(base, person, { name: 'Ana There' });
    const plan = planMerge(here, there, shared);
    expect(plan.conflicts).toHaveLength(1);
    const ours = here.find((d) => d._id === person)!;
    const theirs = there.find((d) => d._id === person)!;
    const expected = mergeWinner(ours, theirs).winner;
    expect(plan.conflicts[0]!.winner).toBe(expected);
    expect(plan.put.some((d) => d._id === person)).toBe(expected === theirs);
    const [row] = conflictRowsOf(plan, '2026-12-01T10:00:00.000Z');
    expect(row).toMatchObject({ id: person, type: 'person', source: 'merge' });
    expect([row!.winner.data, row!.others[0]!.data]).toEqual([
      expected.data,
      mergeWinner(ours, theirs).other.data,
    ]);
    expect(mergeCounts(plan)).toEqual({ added: 0, changed: 0, conflicts: 1 });
  });

  it('treats two computers ticking the same attendance cell as one record', () => {
    const a = { personId: town.people[2]!.id, sessionId: town.sessions[0]!.id };
    const tick: SyncDoc = { _id: attendanceDocId(a), type: 'attendance', data: a };
    const here = [...without(base, tick._id), tick];
    const there = [
      ...without(base, tick._id),
      { ...tick, data: { sessionId: a.sessionId, personId: a.personId } },
    ];
    const plan = planMerge(here, there, shared);
    expect(isEmptyPlan(plan)).toBe(true);
  });

  it('treats a submission with the same id as the same submission', () => {
    // Only the id matters here, so a stand-in record will do.
    const sub: SyncDoc = {
      _id: 'submission:s-1',
      type: 'submission',
      data: { id: 's-1', packet: 'as sent' },
    };
    const altered: SyncDoc = { ...sub, data: { id: 's-1', packet: 'altered' } };
    const plan = planMerge([...base, sub], [...base, altered], NONE);
    expect(isEmptyPlan(plan)).toBe(true);
    expect(plan.same).toBe(base.length + 1);
  });

  it('applies the rules to the town and its settings too', () => {
    const there = edit(base, 'settings', { preparedBy: 'Sam Lee' });
    expect(planMerge(base, there, shared).changed.map((d) => d._id)).toEqual(['settings']);
    const both = planMerge(
      edit(base, 'town', { asOfDate: '2026-05-01' }),
      edit(base, 'town', { asOfDate: '2026-05-02' }),
      shared,
    );
    expect(both.conflicts.map((c) => c.id)).toEqual(['town']);
  });

  it('leaves out new attendance of a session this computer deleted, and counts it apart', () => {
    const session = town.sessions[0]!;
    const sessionId = listDocId('session', session.id);
    const pairsOfSession = base.filter(
      (d) => d.type === 'attendance' && (d.data as { sessionId: string }).sessionId === session.id,
    );
    const here = without(base, sessionId, ...pairsOfSession.map((d) => d._id));
    const tick = {
      personId: town.people.find(
        (p) => !pairsOfSession.some((d) => (d.data as { personId: string }).personId === p.id),
      )!.id,
      sessionId: session.id,
    };
    const there = [...base, { _id: attendanceDocId(tick), type: 'attendance' as const, data: tick }];
    const plan = planMerge(here, there, shared);
    expect(plan.deletedHere).toContain(sessionId);
    expect(plan.added).toEqual([]);
    expect(plan.leftOut.map((d) => d._id)).toEqual([attendanceDocId(tick)]);
    expect(plan.problems).toEqual([]);
  });

  it('refuses in plain words when there is no town here', () => {
    expect(planMerge([], base, NONE).problems[0]).toMatch(/no town on this computer/);
  });

  it('names the two towns when the backup is of another town', () => {
    expect(otherTown(base, base)).toBeNull();
    expect(otherTown(base, edit(base, 'town', { name: '  small   TOWN ' }))).toBeNull();
    expect(otherTown(base, edit(base, 'town', { name: 'Harbor Falls' }))).toEqual({
      here: 'Small Town',
      backup: 'Harbor Falls',
    });
  });

  it('describes records in words for the preview', () => {
    const byId = new Map(base.map((d) => [d._id, d]));
    expect(describeDoc(newPerson, byId)).toBe('Person: Noor Haddad');
    const pair = base.find((d) => d.type === 'attendance')!;
    const a = pair.data as { personId: string; sessionId: string };
    const name = town.people.find((p) => p.id === a.personId)!.name;
    const date = town.sessions.find((s) => s.id === a.sessionId)!.date;
    expect(describeDoc(pair, byId)).toBe(`Attendance: ${name} at the session of ${date}`);
    const session = town.sessions[0]!;
    const training = town.trainings.find((t) => t.id === session.trainingId)!;
    expect(describeDoc(byId.get(listDocId('session', session.id))!, byId)).toBe(
      `Session of ${training.name} on ${session.date}`,
    );
  });
});

describe('the share history', () => {
  it('remembers each version once, newest last, the last few per record', () => {
    let h: ShareHistory = NONE;
    const doc = base.find((d) => d._id === person)!;
    for (let i = 0; i < HISTORY_DEPTH + 3; i++)
      h = historyWith(h, [{ ...doc, data: { ...(doc.data as object), name: `N${i}` } }]);
    expect(h.get(person)).toHaveLength(HISTORY_DEPTH);
    const again = historyWith(h, [{ ...doc, data: { ...(doc.data as object), name: 'N5' } }]);
    expect(again.get(person)).toHaveLength(HISTORY_DEPTH);
    expect(again.get(person)!.at(-1)).toBe(h.get(person)![5 - 3]);
  });
});

/** Two computers that shared `base`, then each edited: which people each changed, deleted or added. */
const scenario = fc.record({
  changedA: fc.uniqueArray(fc.nat(29), { maxLength: 8 }),
  changedB: fc.uniqueArray(fc.nat(29), { maxLength: 8 }),
  deletedA: fc.uniqueArray(fc.nat(29), { maxLength: 3 }),
  addedB: fc.nat(4),
});

interface Scenario {
  changedA: number[];
  changedB: number[];
  deletedA: number[];
  addedB: number;
}

function computers(s: Scenario) {
  let a = [...base];
  let b = [...base];
  const pid = (i: number) => listDocId('person', town.people[i]!.id);
  for (const i of s.changedA) a = edit(a, pid(i), { notes: `changed on A ${i}` });
  for (const i of s.changedB) b = edit(b, pid(i), { notes: `changed on B ${i}` });
  for (const i of s.deletedA) {
    const id = town.people[i]!.id;
    a = a.filter(
      (d) =>
        d._id !== pid(i) && !(d.type === 'attendance' && (d.data as { personId: string }).personId === id),
    );
  }
  for (let i = 0; i < s.addedB; i++)
    b.push({ ...newPerson, _id: `person:b-${i}`, data: { ...(newPerson.data as object), id: `b-${i}` } });
  return { a, b };
}

describe('merge properties', () => {
  it('merging a backup into itself changes nothing', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { a } = computers(s);
        expect(isEmptyPlan(planMerge(a, a, shared))).toBe(true);
      }),
    );
  });

  it('merging twice equals merging once', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { a, b } = computers(s);
        const once = apply(a, planMerge(a, b, shared));
        const twice = planMerge(once, b, historyWith(shared, b));
        expect(isEmptyPlan(twice)).toBe(true);
      }),
    );
  });

  it('takes what one side changed without a conflict; both sides changed ⇒ one conflict, the same winner either way', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { a, b } = computers(s);
        const aMergesB = planMerge(a, b, shared);
        const bMergesA = planMerge(b, a, shared);
        const pid = (i: number) => listDocId('person', town.people[i]!.id);
        const deleted = new Set(s.deletedA.map(pid));
        const both = s.changedA
          .filter((i) => s.changedB.includes(i))
          .map(pid)
          .filter((id) => !deleted.has(id));
        const onlyB = s.changedB
          .filter((i) => !s.changedA.includes(i))
          .map(pid)
          .filter((id) => !deleted.has(id));
        expect(aMergesB.conflicts.map((c) => c.id).sort()).toEqual([...both].sort());
        expect(bMergesA.conflicts.map((c) => c.id).sort()).toEqual([...both].sort());
        for (const c of aMergesB.conflicts) {
          const mirror = bMergesA.conflicts.find((m) => m.id === c.id)!;
          expect(mirror.winner.data).toEqual(c.winner.data);
        }
        expect(aMergesB.changed.map((d) => d._id).sort()).toEqual([...onlyB].sort());
        // A's deletions stay deleted on A unless B changed the record since (the change is news);
        // B's additions arrive.
        const revived = s.deletedA.filter((i) => s.changedB.includes(i)).map(pid);
        expect(aMergesB.added.map((d) => d._id).sort()).toEqual(
          [...Array.from({ length: s.addedB }, (_, i) => `person:b-${i}`), ...revived].sort(),
        );
        const stayDeleted = s.deletedA.filter((i) => !s.changedB.includes(i)).map(pid);
        for (const id of stayDeleted) expect(aMergesB.deletedHere).toContain(id);
        expect(aMergesB.problems).toEqual([]);
        // Both end with the same records once each has merged the other's backup.
        const aAfter = apply(a, aMergesB);
        const bAfter = apply(b, bMergesA);
        const shownA = new Map(aAfter.map((d) => [d._id, d.data]));
        for (const c of aMergesB.conflicts)
          expect(shownA.get(c.id)).toEqual(bAfter.find((d) => d._id === c.id)!.data);
      }),
    );
  });
});
