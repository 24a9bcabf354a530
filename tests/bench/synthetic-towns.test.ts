import { describe, expect, it } from 'vitest';
import { crossReferenceErrors } from '../../shared/backup/parse';
import { townDataSchema } from '../../shared/domain/schema';
import type { TownData } from '../../shared/domain/schema';
import { evaluate } from '../../shared/rules/engine';
import {
  LARGE_SHAPE,
  REGION_TOWNS,
  SYNTHETIC_AS_OF,
  SYNTHETIC_YEAR,
  generateTown,
  largeTown,
  regionShapes,
  regionTowns,
  smallTown,
} from '../fixtures/synthetic-towns';

/** Parsing must neither fail nor change anything: the generator writes the format as the app stores it. */
function expectValid(town: TownData): void {
  const parsed = townDataSchema.safeParse(town);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  expect(parsed.data).toEqual(town);
  expect(crossReferenceErrors(town)).toEqual([]);
}

const distinctPairs = (town: TownData) =>
  new Set(town.attendance.map((a) => `${a.personId}|${a.sessionId}`)).size;

describe('generateTown()', () => {
  it('gives the same town, key for key, for the same seed', () => {
    expect(JSON.stringify(smallTown(7))).toBe(JSON.stringify(smallTown(7)));
    expect(JSON.stringify(largeTown(3))).toBe(JSON.stringify(largeTown(3)));
  });

  it('gives a different town for a different seed', () => {
    expect(smallTown(1).people[0]!.id).not.toBe(smallTown(2).people[0]!.id);
  });

  it('makes the small town 30 people, 2 series, 10 sessions and 150 distinct attendance rows', () => {
    const town = smallTown();
    expect(town.people).toHaveLength(30);
    expect(town.series).toHaveLength(2);
    expect(town.sessions).toHaveLength(10);
    expect(town.attendance).toHaveLength(150);
    expect(distinctPairs(town)).toBe(150);
    expectValid(town);
  });

  it('makes the large town 1,000 people, 300 sessions and 20,000 distinct attendance rows, all valid', () => {
    const town = largeTown();
    expect(town.people).toHaveLength(1000);
    expect(town.sessions).toHaveLength(300);
    expect(town.attendance).toHaveLength(20000);
    expect(distinctPairs(town)).toBe(20000);
    expectValid(town);
  });

  it('puts every person of the large town in the main series, so the packet lists 1,000 attendees', () => {
    const town = largeTown();
    const mainSeries = town.series[0]!.id;
    const topics = new Set(town.trainings.filter((t) => t.seriesId === mainSeries).map((t) => t.id));
    const seriesSessions = new Set(town.sessions.filter((s) => topics.has(s.trainingId)).map((s) => s.id));
    const attendees = new Set(
      town.attendance.filter((a) => seriesSessions.has(a.sessionId)).map((a) => a.personId),
    );
    expect(attendees.size).toBe(LARGE_SHAPE.people);
  });

  it('gives the large town many candidates for each Part 1 role, and near-misses', () => {
    const town = largeTown();
    const holds = (test: (p: TownData['people'][number]['positions'][number]) => boolean) =>
      town.people.filter((p) => p.positions.some(test)).length;
    const executive = holds(
      (p) =>
        p.kind === 'elected' && ['selectmen', 'aldermen', 'commonCouncil', 'townCouncil'].includes(p.body),
    );
    const directorOrManager = holds((p) => p.kind === 'staff' && p.level !== 'other');
    const residentTeam = town.people.filter(
      (p) => p.isResident && p.positions.some((q) => q.kind === 'teamMember'),
    ).length;
    expect(executive).toBeGreaterThan(50);
    expect(directorOrManager).toBeGreaterThan(150);
    expect(residentTeam).toBeGreaterThan(60);
    // Near-misses the engine must turn down with a reason (P1.2, P1.6).
    expect(
      holds((p) => p.kind === 'elected' && (p.body === 'finance' || p.body === 'education')),
    ).toBeGreaterThan(0);
    expect(
      town.people.filter((p) => !p.isResident && p.positions.some((q) => q.kind === 'teamMember')).length,
    ).toBeGreaterThan(0);
    expect(holds((p) => p.kind === 'boeEmployee')).toBeGreaterThan(0);
    expect(holds((p) => p.end !== null && p.end < '2022-01-01')).toBeGreaterThan(0);
  });

  it('gives the rules engine a real role assignment: E, S and R filled from a 1,000-person cohort', () => {
    const evaluation = evaluate(largeTown(), {
      certificationYear: SYNTHETIC_YEAR,
      asOfDate: SYNTHETIC_AS_OF,
    });
    const cohort = evaluation.part1.evidence?.cohort ?? [];
    expect(cohort).toHaveLength(1000);
    expect(cohort.slice(0, 3).map((m) => m.role)).toEqual(['E', 'S', 'R']);
    expect(evaluation.part2.evidence?.attendees.length).toBeGreaterThan(10);
  });

  it('refuses a shape whose attendance cannot fit its people and sessions', () => {
    expect(() =>
      generateTown(
        {
          name: 'Tiny',
          people: 2,
          series: [{ topics: 1, sessionsPerTopic: 1 }],
          standaloneSessions: 1,
          attendance: 5,
          seriesReach: 1,
        },
        1,
      ),
    ).toThrow(/5 attendance rows do not fit 4 pairs/);
  });
});

describe('regionTowns()', () => {
  it('makes 169 small-to-medium towns, each valid, the same for the same seed', () => {
    const towns = regionTowns();
    expect(towns).toHaveLength(REGION_TOWNS);
    expect(REGION_TOWNS).toBe(169);
    for (const town of towns) {
      expect(town.people.length).toBeGreaterThanOrEqual(20);
      expect(town.people.length).toBeLessThanOrEqual(150);
      expect(distinctPairs(town)).toBe(town.attendance.length);
      expectValid(town);
    }
    expect(JSON.stringify(regionShapes(1))).toBe(JSON.stringify(regionShapes(1)));
    expect(JSON.stringify(towns[168])).toBe(JSON.stringify(regionTowns(1)[168]));
  });
});
