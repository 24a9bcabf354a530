/**
 * One test per rule clarified in RULES.md on 2026-12-01, each at the rule's boundary:
 * the same town on either side of the line the rule draws.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/rules/engine';
import { elected, staff, team, texts, town } from './build';

describe('rules clarified 2026-12-01', () => {
  it('T.4: a planned part raises no readiness gaps until its sessions have happened', () => {
    // Year 2026: a cohort completing 2022-07-01 earns rolling credit (T.2), which needs a
    // narrative. Held by the as-of date it raises the narrative gap; one day before, none.
    const t = town({ year: 2026 });
    const s = t.series3('2022-05-01', '2022-06-01', '2022-07-01');
    t.cohort(s.all);
    const held = t.evaluate({ asOf: '2022-07-01' });
    expect([held.part1.status, held.part1.credit]).toEqual(['met', 'rolling']);
    expect(held.part1.gaps.map((g) => g.rule)).toContain('T.2');

    const planned = t.evaluate({ asOf: '2022-06-30' });
    expect([planned.part1.status, planned.part1.credit, planned.part1.completionDate]).toEqual([
      'planned',
      'rolling',
      '2022-07-01',
    ]);
    expect(planned.part1.gaps).toEqual([]);
  });

  it('T.4: a planned Part 2 raises no description or departments gap', () => {
    const t = town({ year: 2026 });
    const c = t.course('Bias Workshop', ['2026-04-01'], { description: '', provider: '' });
    t.person('Ann Clerk', [staff('other', '', 'Clerk')]).attends(c.sessions[0]!);
    const held = t.evaluate({ asOf: '2026-04-01' });
    expect(held.part2.status).toBe('met');
    expect(held.part2.gaps.map((g) => g.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Description or agenda missing/),
        expect.stringMatching(/^Municipal departments represented missing/),
      ]),
    );
    const planned = t.evaluate({ asOf: '2026-03-31' });
    expect(planned.part2.status).toBe('planned');
    expect(planned.part2.gaps).toEqual([]);
    expect(planned.gaps).toEqual([]);
  });

  it('P1.8: among planned readings a full cohort (P1.4) is preferred to a collective one (P1.5), whatever the dates', () => {
    const t = town({ asOf: '2026-03-01' });
    // Full cohort, completing 2026-04-10.
    const full = t.series3('2026-02-01', '2026-03-10', '2026-04-10', 'Full Series');
    t.cohort(full.all);
    // Collective only, completing later (2026-06-10): by date alone it would win.
    const coll = t.series3('2026-02-02', '2026-05-10', '2026-06-10', 'Collective Series');
    t.person('Ella Elected', [elected('townCouncil', 'Councillor')]).attends(coll.all[0]!);
    t.person('Stu Staff', [staff('management', 'Finance', 'Manager')]).attends(coll.all[1]!);
    t.person('Ria Resident', [team()], { resident: true }).attends(coll.all[2]!);
    const ev = t.evaluate();
    expect(ev.part1.status).toBe('planned');
    expect(ev.part1.evidence?.seriesName).toBe('Full Series');
    // Boundary: once the collective series is the only planned reading, it is shown.
    const alone = town({ asOf: '2026-03-01' });
    const c2 = alone.series3('2026-02-02', '2026-05-10', '2026-06-10', 'Collective Series');
    alone.person('Ella Elected', [elected('townCouncil', 'Councillor')]).attends(c2.all[0]!);
    alone.person('Stu Staff', [staff('management', 'Finance', 'Manager')]).attends(c2.all[1]!);
    alone.person('Ria Resident', [team()], { resident: true }).attends(c2.all[2]!);
    expect(alone.evaluate().part1.evidence?.seriesName).toBe('Collective Series');
  });

  it('P1.1: a single Sustainable CT training that is no series’ topic is not a series (it may serve Part 2)', () => {
    const build = (asTopic: boolean) => {
      const t = town();
      const people = (sessionId: string) => t.cohort([sessionId]);
      if (asTopic) {
        const s = t.series('One-Topic Series', [['2025-05-01']], { topicNames: ['Equity Basics'] });
        people(s.all[0]!);
      } else {
        const c = t.course('Equity Basics', ['2025-05-01'], { provider: 'Sustainable CT' });
        const training = t.raw.trainings.find((x) => (x as { id: string }).id === c.trainingId) as {
          providedBySustainableCT: boolean;
        };
        training.providedBySustainableCT = true;
        people(c.sessions[0]!);
      }
      return t.evaluate();
    };
    const single = build(false);
    expect(single.part1.status).toBe('notMet');
    expect(single.part1.notCounted[0]?.reason).toMatch(
      /^A single Sustainable CT training that is no series' topic is not a series/,
    );
    expect(single.part2.status).toBe('met');
    // Boundary: the same training as the one topic of a series counts for Part 1.
    expect(build(true).part1.status).toBe('met');
  });

  it('P1.5b: exactly two people holding E, S and R is a review; one person for all three never qualifies', () => {
    const two = town();
    const s = two.series3('2025-03-01', '2025-04-01', '2025-05-01');
    two
      .person('Dana Dual', [elected('selectmen', 'Selectman'), team()], { resident: true })
      .attends(...s.all);
    two.person('Sam Staff', [staff('director', 'DPW', 'Director')]).attends(...s.all);
    two.person('Ann Attendee', []).attends(s.all[0]!);
    expect(two.evaluate().part1.status).toBe('review');

    const one = town();
    const s1 = one.series3('2025-03-01', '2025-04-01', '2025-05-01');
    one
      .person('Solo Triple', [elected('selectmen'), staff('director', 'DPW', 'Director'), team()], {
        resident: true,
      })
      .attends(...s1.all);
    // Plenty of other attendees, all of whom completed the series, none holding a role.
    for (const name of ['Ann', 'Ben', 'Cat']) one.person(name, []).attends(...s1.all);
    const ev = one.evaluate();
    expect(ev.part1.status).toBe('notMet');
    expect(texts(ev.part1.reasons)).toContain('one person can never fill all three (P1.5).');
  });

  it('P2.5: any session of a training in the claimed Part 1 evidence makes Part 2 review, whichever session the cohort attended', () => {
    const build = (claimPart1: boolean) => {
      const t = town();
      const s = t.series('Equity Series', [['2025-03-01', '2025-09-01'], ['2025-04-01'], ['2025-05-01']]);
      // The cohort attended the March session of topic 1; Part 2 people the September one.
      if (claimPart1) t.cohort(s.all);
      t.person('Ali Clerk', [staff('other', 'Library', 'Clerk')]).attends(s.sessions[0]![1]!);
      // Twelve came in September (most of them not on the roster), so it is the best session.
      const september = t.raw.sessions.find((x) => (x as { id: string }).id === s.sessions[0]![1]) as {
        reportedAttendeeCount: number;
      };
      september.reportedAttendeeCount = 12;
      return t.evaluate();
    };
    const claimed = build(true);
    expect(claimed.part1.status).toBe('met');
    expect(claimed.part2.status).toBe('review');
    expect(claimed.part2.evidence?.date).toBe('2025-09-01');
    const p25 = claimed.part2.reasons.find((r) => r.rule === 'P2.5')!;
    expect(p25.kind).toBe('review');
    expect(p25.text).toContain('whichever session the cohort attended');
    expect(p25.text).toContain('Part 2 is for review');
    // Its P2.4 line no longer says "met" just before the review.
    expect(claimed.part2.reasons.find((r) => r.rule === 'P2.4')?.text).not.toMatch(/is met/);
    // Boundary: with no Part 1 claim the same session is simply met.
    expect(build(false).part2.status).toBe('met');
  });

  describe('P2.6: the full order, never the order records were entered', () => {
    /** Two live sessions on the same day with one municipal attendee each; `gapsA` leaves A's description empty. */
    const build = (opts: { gapsA: boolean; nameA: string; nameB: string; reverse: boolean }) => {
      const t = town();
      const a = t.course(opts.nameA, ['2025-05-01'], {
        description: opts.gapsA ? '' : 'Agenda.',
        departments: ['Library'],
      });
      const b = t.course(opts.nameB, ['2025-05-01'], { departments: ['Library'] });
      t.person('Ann', [staff('other', 'Library', 'Clerk')]).attends(a.sessions[0]!);
      t.person('Ben', [staff('other', 'Library', 'Clerk')]).attends(b.sessions[0]!);
      const data = t.data();
      if (opts.reverse) {
        data.trainings.reverse();
        data.sessions.reverse();
        data.attendance.reverse();
      }
      return evaluate(data, { certificationYear: 2026, asOfDate: '2026-03-01' }).part2.evidence?.trainingName;
    };

    it('prefers fewer readiness gaps over the training’s name', () => {
      expect(build({ gapsA: true, nameA: 'Alpha', nameB: 'Beta', reverse: false })).toBe('Beta');
      expect(build({ gapsA: true, nameA: 'Alpha', nameB: 'Beta', reverse: true })).toBe('Beta');
    });

    it('then the training’s name, whichever was entered first', () => {
      // B is entered second (and has the larger id), yet its name comes first.
      expect(build({ gapsA: false, nameA: 'Beta', nameB: 'Alpha', reverse: false })).toBe('Alpha');
      expect(build({ gapsA: false, nameA: 'Beta', nameB: 'Alpha', reverse: true })).toBe('Alpha');
    });

    it('then the session’s id', () => {
      const t = town();
      const a = t.course('Same Name', ['2025-05-01']);
      const b = t.course('Same Name', ['2025-05-01']);
      t.person('Ann', [staff('other', 'Library', 'Clerk')]).attends(a.sessions[0]!);
      t.person('Ben', [staff('other', 'Library', 'Clerk')]).attends(b.sessions[0]!);
      const data = t.data();
      const first = [a.sessions[0]!, b.sessions[0]!].sort()[0];
      expect(
        evaluate(data, { certificationYear: 2026, asOfDate: '2026-03-01' }).part2.evidence?.sessionId,
      ).toBe(first);
      data.sessions.reverse();
      data.trainings.reverse();
      expect(
        evaluate(data, { certificationYear: 2026, asOfDate: '2026-03-01' }).part2.evidence?.sessionId,
      ).toBe(first);
    });
  });
});
