import { describe, expect, it } from 'vitest';
import { appointed, boe, elected, staff, team, texts, town } from './build';

describe('evaluate() — Part 2, a live equity training for municipal people', () => {
  describe('P2.1 one session', () => {
    it('never adds together staff split across two sessions of the same course', () => {
      const t = town();
      const c = t.course('Equity in Service', ['2025-05-01', '2025-06-01']);
      t.person('Ana', [staff('other', 'Library', 'Librarian')]).attends(c.sessions[0]!);
      t.person('Ben', [staff('other', 'Parks', 'Ranger')]).attends(c.sessions[0]!);
      t.person('Cy', [staff('other', 'Police', 'Officer')]).attends(c.sessions[1]!);
      const ev = t.evaluate();
      expect(ev.part2.status).toBe('met');
      expect(ev.part2.evidence).toMatchObject({ sessionId: c.sessions[0], listedCount: 2, attendeeCount: 2 });
      expect(texts(ev.part2.reasons)).toContain(
        '1 other municipal person attended other sessions or courses (Cy); attendees of different sessions are never added together (P2.1).',
      );
    });

    it('does not count a training that is not on equity', () => {
      const t = town();
      const c = t.course('Snow Plow Safety', ['2025-01-10'], { equity: false });
      t.person('Ana', [staff('other', 'DPW', 'Driver')]).attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect(ev.part2.status).toBe('notMet');
      expect(texts(ev.part2.reasons)).toContain(
        'Snow Plow Safety is not marked as an equity training, so it cannot count (P2.1).',
      );
    });

    it('accepts any provider, not only Sustainable CT', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01'], { provider: 'County Health District' });
      t.person('Ana', [staff('other', 'Health', 'Sanitarian')]).attends(c.sessions[0]!);
      expect(t.evaluate().part2.evidence?.provider).toBe('County Health District');
    });
  });

  describe('P2.2 live', () => {
    it('is not met by a recorded / on-demand training, and says it must be live', () => {
      const t = town();
      const c = t.course('Implicit Bias (self-paced)', ['2025-02-03'], { delivery: 'recorded' });
      t.person('Ana', [staff('director', 'Finance', 'Director')]).attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect([ev.part2.status, ev.part2.points]).toEqual(['notMet', 0]);
      expect(ev.part2.reasons[0]).toMatchObject({ rule: 'P2.4', kind: 'problem' });
      expect(ev.part2.reasons[0]!.text).toMatch(/listed under "Not counted for Part 2"/);
      expect(ev.part2.notCounted).toEqual([
        {
          id: c.sessions[0],
          trainingId: c.trainingId,
          name: 'Implicit Bias (self-paced)',
          date: '2025-02-03',
          rule: 'P2.2',
          reason:
            'Implicit Bias (self-paced) on February 3, 2025 was recorded / on demand: Part 2 needs a live training, in person or live virtual (P2.2).',
        },
      ]);
    });

    it('is met by a live virtual training', () => {
      const t = town();
      const c = t.course('Equity Webinar', ['2025-02-03'], { delivery: 'liveVirtual' });
      t.person('Ana', [boe('Middle School', 'Counselor')]).attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect(ev.part2.status).toBe('met');
      expect(ev.part2.reasons.find((r) => r.rule === 'P2.2')?.text).toBe(
        'Equity Webinar was delivered live virtual, so it is a live training (P2.2).',
      );
    });
  });

  describe('P2.3 municipal attendees', () => {
    it('counts staff of any level, Board of Education employees and any elected official, but not residents or commissioners', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01']);
      t.person('Ana Staff', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!);
      t.person('Bo Teacher', [boe('Elementary', 'Teacher')]).attends(c.sessions[0]!);
      t.person('Cy Finance', [elected('finance', 'Member')]).attends(c.sessions[0]!);
      t.person('Di Resident', [], { resident: true }).attends(c.sessions[0]!);
      t.person('Ed Commissioner', [appointed('Conservation Commission')]).attends(c.sessions[0]!);
      t.person('Flo Team', [team()], { resident: true }).attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect(ev.part2.evidence?.attendees.map((a) => a.name)).toEqual([
        'Ana Staff',
        'Bo Teacher',
        'Cy Finance',
      ]);
      expect(ev.part2.evidence?.listedCount).toBe(3);
      expect(texts(ev.part2.reasons)).toContain(
        'Di Resident, Ed Commissioner and Flo Team attended but held no municipal',
      );
    });

    it('is not met when only residents and volunteers attended', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01']);
      t.person('Di Resident', [], { resident: true }).attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect(ev.part2.status).toBe('notMet');
      expect(ev.part2.notCounted[0]).toMatchObject({ rule: 'P2.3' });
      expect(ev.part2.notCounted[0]!.reason).toContain(
        '(Di Resident attended as residents, volunteers or commissioners)',
      );
    });

    it('does not count a position whose term had ended by the session date', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01']);
      t.person('Ex Staff', [staff('director', 'DPW', 'Director', { end: '2025-04-30' })]).attends(
        c.sessions[0]!,
      );
      expect(t.evaluate().part2.status).toBe('notMet');
    });

    it('counts an attendance recorded twice once', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01']);
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!, c.sessions[0]!);
      const ev = t.evaluate();
      expect(ev.part2.evidence).toMatchObject({ listedCount: 1, attendeeCount: 1 });
    });

    it('uses the larger of listed and reported counts', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01'], { reported: 14 });
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect(ev.part2.evidence).toMatchObject({ listedCount: 1, reportedCount: 14, attendeeCount: 14 });
    });

    it('warns when the reported count is below the number listed, and keeps the listed number', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01'], { reported: 1 });
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!);
      t.person('Ben', [staff('other', 'Parks', 'Ranger')]).attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect(ev.part2.evidence?.attendeeCount).toBe(2);
      const warning = ev.part2.reasons.find((r) => r.kind === 'warning');
      expect(warning).toMatchObject({ rule: 'P2.3' });
      expect(warning?.text).toContain(
        'reported attendee count (1) is below the 2 municipal attendees listed',
      );
    });

    it('is met on a reported count alone when the attendees are not on the roster', () => {
      const t = town();
      t.course('Equity Workshop', ['2025-05-01'], { reported: 9 });
      const ev = t.evaluate();
      expect(ev.part2.status).toBe('met');
      expect(ev.part2.evidence).toMatchObject({ listedCount: 0, attendeeCount: 9 });
    });
  });

  describe('P2.4 met', () => {
    it('is met with 5 points for a live session before the as-of date with a municipal attendee', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01']);
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect([ev.part2.status, ev.part2.points, ev.part2.maxPoints, ev.part2.completionDate]).toEqual([
        'met',
        5,
        5,
        '2025-05-01',
      ]);
    });

    it('is planned, with no points, when the session is after the as-of date (T.4)', () => {
      const t = town({ asOf: '2026-03-01' });
      const c = t.course('Equity Workshop', ['2026-03-02']);
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect([ev.part2.status, ev.part2.points]).toEqual(['planned', 0]);
      expect(ev.part2.reasons.find((r) => r.rule === 'T.4')?.text).toContain(
        'March 2, 2026 is after the as-of date',
      );
    });

    it('prefers a session that happened over a planned one', () => {
      const t = town({ asOf: '2026-03-01' });
      const c = t.course('Equity Workshop', ['2025-06-01', '2026-06-01']);
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(...c.sessions);
      expect(t.evaluate().part2.evidence?.date).toBe('2025-06-01');
    });
  });

  describe('P2.4 and T.4 together', () => {
    it('does not call a future session with nobody recorded planned, and keeps the near-miss reasons', () => {
      const t = town({ asOf: '2026-03-01' });
      const past = t.course('Equity Workshop', ['2025-05-01']);
      t.course('Equity Workshop II', ['2026-09-01']);
      t.person('Di Resident', [], { resident: true }).attends(past.sessions[0]!);
      const ev = t.evaluate();
      expect(ev.part2.status).toBe('notMet');
      // The future session nobody attended is not listed; the one the resident attended is.
      expect(ev.part2.notCounted.map((n) => n.name)).toEqual(['Equity Workshop']);
      expect(ev.part2.notCounted[0]!.reason).toContain('Di Resident attended as residents');
    });

    it('says a planned session completes on its date rather than that it was completed', () => {
      const t = town({ asOf: '2026-03-01' });
      const c = t.course('Equity Workshop', ['2026-09-01']);
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect(ev.part2.status).toBe('planned');
      expect(ev.part2.reasons.find((r) => r.rule === 'T.1')?.text).toMatch(
        /^Would be complete on September 1, 2026/,
      );
    });
  });

  describe('P2.5 review', () => {
    it('flags a Part 2 session that is also part of the Part 1 evidence, and warns about double counting', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.cohort(s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('met');
      expect([ev.part2.status, ev.part2.points]).toEqual(['review', 5]);
      expect(ev.part2.reasons.find((r) => r.rule === 'P2.5')?.kind).toBe('review');
      expect(ev.warnings.find((w) => w.rule === 'P2.5')?.text).toMatch(/does not credit one training twice/);
    });

    it('chooses a separate live training over one already used for Part 1', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      const { s: sam } = t.cohort(s.all);
      const c = t.course('Equity Workshop', ['2024-02-01']);
      sam.attends(c.sessions[0]!);
      const ev = t.evaluate();
      expect(ev.part2.status).toBe('met');
      expect(ev.part2.evidence?.trainingName).toBe('Equity Workshop');
      expect(ev.warnings.some((w) => w.rule === 'P2.5')).toBe(false);
    });
  });

  describe('P2.6 best evidence', () => {
    it('prefers new credit, then more municipal attendees, then the later date', () => {
      const t = town({ year: 2026 });
      const old = t.course('Old Workshop', ['2021-05-01'], { reported: 40 });
      const a = t.course('Workshop A', ['2024-05-01']);
      const b = t.course('Workshop B', ['2023-05-01']);
      const c = t.course('Workshop C', ['2025-05-01']);
      const people = ['P1', 'P2', 'P3'].map((n) => t.person(n, [staff('other', 'Library', 'Clerk')]));
      people[0]!.attends(old.sessions[0]!, a.sessions[0]!, b.sessions[0]!, c.sessions[0]!);
      people[1]!.attends(a.sessions[0]!, b.sessions[0]!);
      people[2]!.attends(b.sessions[0]!);
      // Old has 40 (rolling); B has 3, A has 2, C has 1 (all new): B wins on count.
      expect(t.evaluate().part2.evidence?.trainingName).toBe('Workshop B');
    });

    it('breaks a tie in attendees with the later date', () => {
      const t = town();
      const a = t.course('Workshop A', ['2024-05-01']);
      const b = t.course('Workshop B', ['2025-05-01']);
      t.person('P1', [staff('other', 'Library', 'Clerk')]).attends(a.sessions[0]!, b.sessions[0]!);
      expect(t.evaluate().part2.evidence?.trainingName).toBe('Workshop B');
    });
  });

  describe('P2.7 what must be submitted', () => {
    it('lists departments from attendees’ positions plus those typed on the session, once each', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01'], { departments: ['Senior Center', 'library'] });
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!);
      t.person('Bo', [boe('High School', 'Teacher')]).attends(c.sessions[0]!);
      t.person('Cy', [elected('selectmen', 'Selectman')]).attends(c.sessions[0]!);
      expect(t.evaluate().part2.evidence?.departments).toEqual([
        'Board of Education — High School',
        'Board of Selectmen',
        'Library',
        'Senior Center',
      ]);
    });

    it('lists every municipal department an attendee held that day', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01']);
      t.person('Ana', [elected('finance', 'Member'), staff('other', 'Planning', 'Planner')]).attends(
        c.sessions[0]!,
      );
      expect(t.evaluate().part2.evidence?.departments).toEqual(['Board of Finance', 'Planning']);
    });

    it('leaves an attendee’s title empty when their municipal position has none, instead of borrowing one', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01']);
      t.person('Sue', [
        staff('director', 'Public Works', ''),
        appointed('Zoning Board', 'Commissioner'),
      ]).attends(c.sessions[0]!);
      expect(t.evaluate().part2.evidence?.attendees[0]).toMatchObject({
        title: null,
        department: 'Public Works',
      });
    });

    it('reports a missing entity, description and departments as readiness gaps linked to the record', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01'], { provider: '', description: '', reported: 3 });
      const ev = t.evaluate();
      expect(ev.part2.status).toBe('met');
      expect(ev.part2.gaps.map((g) => [g.rule, g.target.field, g.target.recordId])).toEqual([
        ['P2.7', 'provider', c.trainingId],
        ['P2.7', 'description', c.trainingId],
        ['P2.7', 'departmentsReported', c.sessions[0]],
      ]);
      expect(ev.part2.gaps[0]!.text).toBe('Training entity (provider) missing for Equity Workshop.');
    });

    it('has no gaps when every submission field is present', () => {
      const t = town();
      const c = t.course('Equity Workshop', ['2025-05-01']);
      t.person('Ana', [staff('other', 'Library', 'Clerk')]).attends(c.sessions[0]!);
      expect(t.evaluate().part2.gaps).toEqual([]);
    });
  });
});
