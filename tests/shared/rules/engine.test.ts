import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/rules/engine';
import { townDataArb } from '../../fixtures/arbitraries';
import { elected, staff, team, town } from './build';

describe('evaluate() — timeframe for credit', () => {
  describe('T.1 new credit', () => {
    it('gives new credit to a completion on 1 January of Y − 3, the first day of the window', () => {
      const t = town({ year: 2026 });
      const c = t.course('Equity Workshop', ['2023-01-01']);
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect(ev.newCreditFrom).toBe('2023-01-01');
      expect(ev.part2.credit).toBe('new');
      expect(ev.part2.reasons.at(-1)).toMatchObject({ rule: 'T.1', kind: 'ok' });
    });

    it('moves the window with the certification year', () => {
      const t = town({ year: 2027 });
      const c = t.course('Equity Workshop', ['2023-06-01']);
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!);
      const ev = t.evaluate({ year: 2027, asOf: '2027-02-01' });
      expect([ev.newCreditFrom, ev.part2.credit]).toEqual(['2024-01-01', 'rolling']);
    });
  });

  describe('T.2 rolling credit', () => {
    it('gives rolling credit to a completion on 31 December of Y − 4, and asks for a narrative', () => {
      const t = town({ year: 2026 });
      const c = t.course('Equity Workshop', ['2022-12-31']);
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect([ev.part2.status, ev.part2.points, ev.part2.credit]).toEqual(['met', 5, 'rolling']);
      expect(ev.part2.reasons.at(-1)).toMatchObject({ rule: 'T.2' });
      expect(ev.part2.gaps).toContainEqual({
        part: 'part2',
        rule: 'T.2',
        text: 'Rolling-credit narrative missing for Part 2: describe the ongoing, currently relevant, meaningful impact.',
        target: { screen: 'town', field: 'rollingNarrative.part2' },
      });
    });

    it('has no narrative gap once the narrative is written', () => {
      const t = town({ year: 2026 });
      const s = t.series3('2020-02-18', '2020-03-17', '2020-04-14');
      t.cohort(s.all);
      t.raw.rollingNarrative.part1 = 'The cohort still leads our equity working group.';
      const ev = t.evaluate();
      expect(ev.part1.credit).toBe('rolling');
      expect(ev.part1.gaps.filter((g) => g.rule === 'T.2')).toEqual([]);
    });
  });

  describe('T.3 recertification', () => {
    it('makes evidence that already earned credit rolling in the expiration year, even inside the window', () => {
      const t = town({ year: 2026 });
      const s = t.series3('2023-03-01', '2023-04-01', '2023-05-01');
      t.cohort(s.all);
      t.certified(2023, [{ part: 'part1', seriesId: s.id }]);
      const ev = t.evaluate();
      expect(ev.recertification).toEqual({ yearAwarded: 2023, level: 'Bronze', expires: 2026 });
      expect([ev.part1.status, ev.part1.credit]).toEqual(['met', 'rolling']);
      expect(ev.part1.reasons.find((r) => r.rule === 'T.3')?.text).toMatch(/expires in 2026/);
    });

    it('names the certification that credited the evidence, not only the one expiring', () => {
      const t = town({ year: 2026 });
      const s = t.series3('2020-03-01', '2020-04-01', '2020-05-01');
      t.cohort(s.all);
      t.certified(2020, [{ part: 'part1', seriesId: s.id }]);
      t.certified(2023, []);
      const ev = t.evaluate();
      expect(ev.part1.credit).toBe('rolling');
      expect(ev.part1.reasons.find((r) => r.rule === 'T.3')?.text).toContain(
        "already earned credit under the Bronze certification awarded in 2020; the town's current certification (Bronze, 2023) expires in 2026",
      );
    });

    it('keeps new credit for evidence that never earned credit before', () => {
      const t = town({ year: 2026 });
      const s = t.series3('2023-03-01', '2023-04-01', '2023-05-01');
      t.cohort(s.all);
      t.certified(2023, []);
      expect(t.evaluate().part1.credit).toBe('new');
    });

    it('keeps new credit when Y is not the expiration year', () => {
      const t = town({ year: 2026 });
      const s = t.series3('2023-03-01', '2023-04-01', '2023-05-01');
      t.cohort(s.all);
      t.certified(2022, [{ part: 'part1', seriesId: s.id }]);
      const ev = t.evaluate();
      expect(ev.recertification).toBeNull();
      expect(ev.part1.credit).toBe('new');
    });

    it('applies to a Part 2 session credited before', () => {
      const t = town({ year: 2026 });
      const c = t.course('Equity Workshop', ['2024-05-01']);
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!);
      t.certified(2023, [{ part: 'part2', sessionId: c.sessions[0]! }]);
      expect(t.evaluate().part2.credit).toBe('rolling');
    });

    it('prefers evidence that can still earn new credit over evidence credited before (P1.8)', () => {
      const t = town({ year: 2026 });
      const old = t.series3('2023-03-01', '2023-04-01', '2023-05-01', 'Credited Series');
      const fresh = t.series3('2023-02-01', '2023-02-08', '2023-02-15', 'Fresh Series');
      t.cohort([...old.all, ...fresh.all]);
      t.certified(2023, [{ part: 'part1', seriesId: old.id }]);
      const ev = t.evaluate();
      expect([ev.part1.evidence?.seriesName, ev.part1.credit]).toEqual(['Fresh Series', 'new']);
    });
  });
});

describe('evaluate() — the whole action', () => {
  it('totals both parts out of 15', () => {
    const t = town();
    const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
    const { s: sam } = t.cohort(s.all);
    const c = t.course('Equity Workshop', ['2025-05-01']);
    sam.attends(c.sessions[0]!);
    const ev = t.evaluate();
    expect([ev.totalPoints, ev.maxPoints]).toEqual([15, 15]);
  });

  it('counts review parts at full points', () => {
    const t = town({ asOf: '2026-03-01' });
    const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
    t.person('Eve', [elected('selectmen')]).attends(s.all[0]!);
    t.person('Sam', [staff('director', 'DPW', 'Director')]).attends(s.all[1]!);
    t.person('Rae', [team()], { resident: true }).attends(s.all[2]!);
    const ev = t.evaluate();
    // Part 1 is a P1.5a reading; Part 2 can only use a Part 1 session (P2.5): both flagged, both counted.
    expect([ev.part1.status, ev.part2.status, ev.totalPoints]).toEqual(['review', 'review', 15]);
  });

  it('counts planned parts at no points', () => {
    const t = town({ asOf: '2026-03-01' });
    const s = t.series3('2026-04-01', '2026-05-01', '2026-06-01');
    t.cohort(s.all);
    const ev = t.evaluate();
    expect([ev.part1.status, ev.part2.status, ev.totalPoints]).toEqual(['planned', 'planned', 0]);
  });

  it('sums coaching hours and warns past the four free hours', () => {
    const t = town();
    t.raw.coaching.push(
      { id: 'c1', date: '2025-01-10', hours: 2.5 },
      { id: 'c2', date: '2025-02-10', hours: 1.75 },
    );
    const ev = t.evaluate();
    expect(ev.coaching).toEqual({ hoursUsed: 4.25, freeHours: 4, overFreeHours: true });
    expect(ev.warnings.find((w) => w.rule === 'COACHING')?.text).toMatch(/more than the 4 free hours/);
  });

  it('does not warn at exactly four coaching hours', () => {
    const t = town();
    t.raw.coaching.push({ id: 'c1', date: '2025-01-10', hours: 4 });
    const ev = t.evaluate();
    expect(ev.coaching.overFreeHours).toBe(false);
    expect(ev.warnings).toEqual([]);
  });

  it('counts distinct Optimize for Equity actions toward Bronze (1) and Silver (3)', () => {
    const t = town();
    const count = (n: number) => {
      t.raw.optimizeForEquity.length = 0;
      for (let i = 0; i < n; i++)
        t.raw.optimizeForEquity.push({ id: `o${i}`, actionNumber: `4.${i}`, actionName: `Action ${i}` });
      return t.evaluate().optimizeForEquity;
    };
    expect(count(0)).toEqual({
      actionsCount: 0,
      levelReached: null,
      next: { level: 'Bronze', actionsMore: 1 },
    });
    expect(count(2)).toEqual({
      actionsCount: 2,
      levelReached: 'Bronze',
      next: { level: 'Silver', actionsMore: 1 },
    });
    expect(count(3)).toEqual({ actionsCount: 3, levelReached: 'Silver', next: null });
  });

  it('counts the same action entered twice once', () => {
    const t = town();
    t.raw.optimizeForEquity.push(
      { id: 'o1', actionNumber: '4.1', actionName: 'Climate' },
      { id: 'o2', actionNumber: '4.1', actionName: 'Climate (again)' },
    );
    expect(t.evaluate().optimizeForEquity.actionsCount).toBe(1);
  });

  it('gives the same evaluation for the same input, whatever the order of the stored rows', () => {
    fc.assert(
      fc.property(townDataArb, fc.integer({ min: 2020, max: 2030 }), (data, year) => {
        const options = { certificationYear: year, asOfDate: `${year}-06-01` };
        const reversed = {
          ...data,
          people: [...data.people].reverse(),
          attendance: [...data.attendance].reverse(),
          sessions: [...data.sessions].reverse(),
        };
        const a = evaluate(data, options);
        const b = evaluate(reversed, options);
        expect([b.part1.status, b.part2.status, b.totalPoints]).toEqual([
          a.part1.status,
          a.part2.status,
          a.totalPoints,
        ]);
        expect(b.part1.completionDate).toBe(a.part1.completionDate);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and its points always follow its statuses, on any valid town', () => {
    fc.assert(
      fc.property(townDataArb, fc.integer({ min: 2000, max: 2200 }), (data, year) => {
        const ev = evaluate(data, { certificationYear: year, asOfDate: `${year}-03-01` });
        for (const part of [ev.part1, ev.part2]) {
          const claimed = part.status === 'met' || part.status === 'review';
          expect(part.points).toBe(claimed ? part.maxPoints : 0);
          expect(part.credit === null).toBe(part.status === 'notMet');
          expect(part.evidence === null).toBe(part.status === 'notMet');
          for (const r of part.reasons) expect(r.text).not.toBe('');
        }
        expect(ev.totalPoints).toBe(ev.part1.points + ev.part2.points);
      }),
      { numRuns: 300 },
    );
  });

  it('does not modify the data it is given', () => {
    const t = town();
    const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
    t.cohort(s.all);
    const data = t.data();
    const before = structuredClone(data);
    evaluate(data, { certificationYear: 2026, asOfDate: '2026-03-01' });
    expect(data).toEqual(before);
  });
});
