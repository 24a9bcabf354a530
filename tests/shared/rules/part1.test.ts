import { describe, expect, it } from 'vitest';
import { appointed, boe, elected, rules, staff, team, texts, town } from './build';

describe('evaluate() — Part 1, the cohort', () => {
  describe('P1.1 which trainings count', () => {
    it('counts a Sustainable CT equity series and lists a stand-alone course as not counted', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.cohort(s.all);
      const course = t.course('Bias Basics', ['2024-06-01']);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('met');
      expect(ev.part1.reasons[0]).toMatchObject({ rule: 'P1.1', kind: 'ok' });
      expect(ev.part1.notCounted).toContainEqual({
        id: course.trainingId,
        name: 'Bias Basics',
        reason:
          'It is not a topic of a Sustainable CT equity series; only such series count for Part 1 (P1.1).',
      });
    });

    it('does not count a series one of whose topics is not provided by Sustainable CT', () => {
      const t = town();
      const s = t.series('Regional Series', [['2024-03-01'], ['2024-04-01']], { sct: false });
      t.cohort(s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('notMet');
      expect(ev.part1.points).toBe(0);
      expect(ev.part1.notCounted.find((n) => n.id === s.id)?.reason).toMatch(
        /not provided by Sustainable CT \(P1\.1\)/,
      );
    });

    it('does not count a Sustainable CT series that is not on equity', () => {
      const t = town();
      const s = t.series('Energy Series', [['2024-03-01']], { equity: false });
      t.cohort(s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('notMet');
      expect(ev.part1.notCounted.find((n) => n.id === s.id)?.reason).toMatch(/not on equity \(P1\.1\)/);
    });
  });

  describe('P1.2 the three roles', () => {
    it('refuses a Board of Finance member as the elected official', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Pat Lee', [elected('finance', 'Member')]).attends(...s.all);
      t.person('Sam Staff', [staff('director', 'Public Works', 'Director')]).attends(...s.all);
      t.person('Rae Resident', [team()], { resident: true }).attends(...s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('notMet');
      expect(texts(ev.part1.reasons)).toContain(
        'Pat Lee sits on the Board of Finance, which is not an executive body, so they cannot fill E, the elected-official role (P1.2).',
      );
      expect(texts(ev.part1.reasons)).toContain(
        'No attendee of Equity Series fills E (elected official of an executive body) (P1.6).',
      );
    });

    it('refuses a Board of Education member as the elected official', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Bo Ed', [elected('education')]).attends(...s.all);
      t.person('Sam Staff', [staff('management', 'Finance', 'Assistant Director')]).attends(...s.all);
      t.person('Rae Resident', [team()], { resident: true }).attends(...s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('notMet');
      expect(texts(ev.part1.reasons)).toContain(
        'Bo Ed sits on the Board of Education, which is not an executive body, so they cannot fill E, the elected-official role (P1.2).',
      );
    });

    it.each([
      ['aldermen', 'Board of Aldermen'],
      ['commonCouncil', 'Common Council'],
      ['townCouncil', 'Town Council'],
      ['otherExecutive', 'Other executive body'],
    ])('accepts a member of the %s as the elected official', (body, label) => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Al Exec', [elected(body, 'Member')]).attends(...s.all);
      t.person('Sam Staff', [staff('director', 'Public Works', 'Director')]).attends(...s.all);
      t.person('Rae Resident', [team()], { resident: true }).attends(...s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('met');
      expect(ev.part1.evidence?.cohort[0]).toMatchObject({
        name: 'Al Exec',
        role: 'E',
        roleLabel: `Elected official — ${label}`,
      });
    });

    it('refuses other-level staff and Board of Education employees as S, naming why', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Eve Elected', [elected('selectmen', 'First Selectman')]).attends(...s.all);
      t.person('Olly Other', [staff('other', 'Parks', 'Groundskeeper')]).attends(...s.all);
      t.person('Tess Teacher', [boe('High School', 'Teacher')]).attends(...s.all);
      t.person('Rae Resident', [team()], { resident: true }).attends(...s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('notMet');
      const why = texts(ev.part1.reasons);
      expect(why).toContain(
        'Olly Other is staff at the other level (Groundskeeper, Parks), not director or management, so they cannot fill S, the staff role (P1.2).',
      );
      expect(why).toContain(
        'Tess Teacher is a Board of Education employee (Teacher, High School); Board of Education employees never fill S, the staff role (P1.2).',
      );
      expect(why).toContain(
        'No attendee of Equity Series fills S (director- or management-level staff) (P1.6).',
      );
    });

    it('refuses a sustainability team member who is not a town resident as R', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Eve Elected', [elected('selectmen', 'First Selectman')]).attends(...s.all);
      t.person('Sam Staff', [staff('director', 'Public Works', 'Director')]).attends(...s.all);
      t.person('Kim Cho', [team()], { resident: false }).attends(...s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('notMet');
      expect(texts(ev.part1.reasons)).toContain(
        'Kim Cho is a sustainability team member but not a town resident, so they cannot fill R, the resident team-member role (P1.2).',
      );
    });

    it('refuses an appointed commissioner for every role', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Carl Comm', [appointed('Conservation Commission')], { resident: true }).attends(...s.all);
      const ev = t.evaluate();
      expect(texts(ev.part1.reasons)).toContain(
        'Carl Comm holds an appointed or volunteer position (Commissioner, Conservation Commission), which fills none of the three roles (P1.2).',
      );
    });

    it('does not count a term that starts after the training', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Eve Elected', [elected('selectmen', 'First Selectman', { start: '2024-05-02' })]).attends(
        ...s.all,
      );
      t.person('Sam Staff', [staff('director', 'Public Works', 'Director')]).attends(...s.all);
      t.person('Rae Resident', [team()], { resident: true }).attends(...s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('notMet');
      expect(texts(ev.part1.reasons)).toContain(
        'Eve Elected became First Selectman (Board of Selectmen) on May 2, 2024, after the sessions they attended, so they cannot fill E, the elected-official role (P1.2).',
      );
    });

    it('counts a term that starts on the last day attended (start ≤ d) and one that ends on the first (d ≤ end)', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Eve Elected', [elected('selectmen', 'First Selectman', { start: '2024-05-01' })]).attends(
        ...s.all,
      );
      t.person('Sam Staff', [staff('director', 'Public Works', 'Director', { end: '2024-03-01' })]).attends(
        ...s.all,
      );
      t.person('Rae Resident', [team()], { resident: true }).attends(...s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('met');
      expect(texts(ev.part1.reasons)).toContain('held on May 1, 2024');
      expect(texts(ev.part1.reasons)).toContain('held on March 1, 2024');
    });

    it('counts a role whose term held on only one of the dates attended', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      // Term ended between the second and third sessions: P1.2 needs at least one attended date.
      t.person('Eve Elected', [
        elected('selectmen', 'Selectman', { start: '2020-01-01', end: '2024-04-15' }),
      ]).attends(...s.all);
      t.person('Sam Staff', [staff('director', 'Public Works', 'Director')]).attends(...s.all);
      t.person('Rae Resident', [team()], { resident: true }).attends(...s.all);
      expect(t.evaluate().part1.status).toBe('met');
    });
  });

  describe('P1.3 distinct people', () => {
    it('lists other town attendees in the cohort after the role-holders, without a role', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.cohort(s.all);
      t.person('Zoë Łukasik', [elected('finance')]).attends(s.all[0]!);
      const ev = t.evaluate();
      const cohort = ev.part1.evidence!.cohort;
      expect(cohort.map((m) => [m.role, m.name])).toEqual([
        ['E', 'Eve Elected'],
        ['S', 'Sam Staff'],
        ['R', 'Rae Resident'],
        [null, 'Zoë Łukasik'],
      ]);
      expect(cohort[3]).toMatchObject({
        roleLabel: 'Elected official — Board of Finance',
        completedAllTopics: false,
      });
      expect(texts(ev.part1.reasons)).toContain('1 other town attendee joins the cohort');
    });

    it('uses a person who could fill two roles for one of them when three different people exist', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Dual Role', [elected('selectmen', 'Selectman'), team()], { resident: true }).attends(
        ...s.all,
      );
      t.person('Sam Staff', [staff('director', 'Public Works', 'Director')]).attends(...s.all);
      t.person('Tia Team', [team()], { resident: true }).attends(...s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('met');
      const roles = Object.fromEntries(ev.part1.evidence!.cohort.map((m) => [m.name, m.role]));
      expect(roles).toEqual({ 'Dual Role': 'E', 'Sam Staff': 'S', 'Tia Team': 'R' });
    });
  });

  describe('P1.4 met', () => {
    it('is met with 10 points when three different role-holders each attended every topic', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.cohort(s.all);
      const ev = t.evaluate();
      expect([ev.part1.status, ev.part1.points, ev.part1.maxPoints]).toEqual(['met', 10, 10]);
      expect(rules(ev.part1.reasons)).toEqual(
        expect.arrayContaining(['P1.1', 'P1.2', 'P1.3', 'P1.4', 'P1.7', 'T.1']),
      );
      expect(ev.part1.evidence?.sessions.map((x) => x.date)).toEqual([
        '2024-03-01',
        '2024-04-01',
        '2024-05-01',
      ]);
    });

    it('counts a topic completed at either of its two sessions', () => {
      const t = town();
      const s = t.series('Series', [
        ['2024-03-01', '2024-03-15'],
        ['2024-04-01', '2024-04-15'],
      ]);
      t.person('Eve Elected', [elected('selectmen')]).attends(s.sessions[0]![0]!, s.sessions[1]![1]!);
      t.person('Sam Staff', [staff('director', 'DPW', 'Director')]).attends(
        s.sessions[0]![1]!,
        s.sessions[1]![0]!,
      );
      t.person('Rae Resident', [team()], { resident: true }).attends(s.sessions[0]![1]!, s.sessions[1]![1]!);
      expect(t.evaluate().part1.status).toBe('met');
    });
  });

  describe('P1.5 review', () => {
    it('(a) asks for review when three role-holders attended every topic only collectively', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Eve Elected', [elected('selectmen')]).attends(s.all[0]!);
      t.person('Sam Staff', [staff('director', 'DPW', 'Director')]).attends(s.all[1]!);
      t.person('Rae Resident', [team()], { resident: true }).attends(s.all[2]!);
      const ev = t.evaluate();
      expect([ev.part1.status, ev.part1.points]).toEqual(['review', 10]);
      const review = ev.part1.reasons.find((r) => r.rule === 'P1.5');
      expect(review?.kind).toBe('review');
      expect(review?.text).toMatch(/collectively/);
      expect(texts(ev.part1.reasons)).toContain(
        'Eve Elected did not attend Everyday Anti-Racism and Conversations (P1.4).',
      );
      // P1.7 for P1.5a: per topic the earliest any role-holder attended; the latest of those.
      expect(ev.part1.completionDate).toBe('2024-05-01');
    });

    it('(b) asks for review when one person must count for two roles and three town people attended', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Dual Role', [elected('selectmen', 'Selectman'), team()], { resident: true }).attends(
        ...s.all,
      );
      t.person('Sam Staff', [staff('director', 'DPW', 'Director')]).attends(...s.all);
      t.person('Olly Other', [staff('other', 'Parks', 'Groundskeeper')]).attends(s.all[0]!);
      const ev = t.evaluate();
      expect([ev.part1.status, ev.part1.points]).toEqual(['review', 10]);
      expect(ev.part1.reasons.find((r) => r.rule === 'P1.5')?.text).toMatch(
        /only if Dual Role counts for two roles \(E and R\)/,
      );
      expect(ev.part1.evidence?.cohort[0]).toMatchObject({
        name: 'Dual Role',
        roleLabel: 'Elected official — Board of Selectmen and Resident sustainability team member',
      });
    });

    it('(b) is not met when only two town people attended, even if they cover every role', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Dual Role', [elected('selectmen'), team()], { resident: true }).attends(...s.all);
      t.person('Sam Staff', [staff('director', 'DPW', 'Director')]).attends(...s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('notMet');
      expect(ev.part1.reasons.some((r) => r.rule === 'P1.5' && r.kind === 'problem')).toBe(true);
    });

    it('prefers met over a review reading of another series', () => {
      const t = town();
      const a = t.series3('2024-03-01', '2024-04-01', '2024-05-01', 'Later Series');
      t.person('Eve Elected', [elected('selectmen')]).attends(a.all[0]!);
      t.person('Sam Staff', [staff('director', 'DPW', 'Director')]).attends(a.all[1]!);
      t.person('Rae Resident', [team()], { resident: true }).attends(a.all[2]!);
      const b = t.series3('2023-03-01', '2023-04-01', '2023-05-01', 'Earlier Series');
      t.cohort(b.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('met');
      expect(ev.part1.evidence?.seriesName).toBe('Earlier Series');
    });
  });

  describe('P1.6 not met', () => {
    it('says so when nobody attended a series', () => {
      const t = town();
      t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      const ev = t.evaluate();
      expect([ev.part1.status, ev.part1.points, ev.part1.evidence]).toEqual(['notMet', 0, null]);
      expect(ev.part1.reasons[0]).toMatchObject({ rule: 'P1.6', kind: 'problem' });
      expect(ev.part1.reasons[0]!.text).toMatch(/record attendance on the Attendance screen/);
    });

    it('names the role-holder who missed a topic', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Eve Elected', [elected('selectmen')]).attends(s.all[0]!);
      t.person('Sam Staff', [staff('director', 'DPW', 'Director')]).attends(s.all[0]!);
      t.person('Rae Resident', [team()], { resident: true }).attends(s.all[0]!);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('notMet');
      expect(texts(ev.part1.reasons)).toContain(
        'Eve Elected did not attend Everyday Anti-Racism and Conversations',
      );
    });
  });

  describe('P1.7 completion date', () => {
    it('takes each role-holder’s earliest session per topic, then the latest of those', () => {
      const t = town();
      const s = t.series('Series', [
        ['2024-03-01', '2024-06-01'],
        ['2024-04-01', '2024-07-01'],
      ]);
      // Eve attends both sessions of topic 1 (earliest: March) and the late one of topic 2 (July).
      t.person('Eve Elected', [elected('selectmen')]).attends(
        s.sessions[0]![0]!,
        s.sessions[0]![1]!,
        s.sessions[1]![1]!,
      );
      t.person('Sam Staff', [staff('director', 'DPW', 'Director')]).attends(
        s.sessions[0]![0]!,
        s.sessions[1]![0]!,
      );
      t.person('Rae Resident', [team()], { resident: true }).attends(s.sessions[0]![0]!, s.sessions[1]![0]!);
      expect(t.evaluate().part1.completionDate).toBe('2024-07-01');
    });
  });

  describe('P1.8 best evidence', () => {
    it('prefers new credit over rolling credit', () => {
      const t = town({ year: 2026 });
      const old = t.series3('2020-02-18', '2020-03-17', '2020-04-14', '2020 Series');
      const recent = t.series3('2023-03-01', '2023-04-01', '2023-05-01', '2023 Series');
      t.cohort([...old.all, ...recent.all]);
      const ev = t.evaluate();
      expect(ev.part1.evidence?.seriesName).toBe('2023 Series');
      expect(ev.part1.credit).toBe('new');
      expect(ev.part1.reasons.find((r) => r.rule === 'P1.8')?.text).toMatch(
        /Also qualifies: 2020 Series \(met, rolling credit/,
      );
    });

    it('prefers the latest completion date between two series with the same credit', () => {
      const t = town({ year: 2026 });
      const a = t.series3('2023-03-01', '2023-04-01', '2023-05-01', 'Spring Series');
      const b = t.series3('2024-09-01', '2024-10-01', '2024-11-01', 'Fall Series');
      t.cohort([...a.all, ...b.all]);
      expect(t.evaluate().part1.evidence?.seriesName).toBe('Fall Series');
    });
  });

  describe('P1.9 what must be submitted', () => {
    it('reports a missing title as a readiness gap that links to the person', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Eve Elected', [elected('selectmen', '')]).attends(...s.all);
      t.person('Sam Staff', [staff('director', 'DPW', 'Director')]).attends(...s.all);
      const kim = t.person('Kim Cho', [team('')], { resident: true }).attends(...s.all);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('met');
      const gap = ev.part1.gaps.find((g) => g.text.startsWith('Title missing for Kim Cho'));
      expect(gap).toMatchObject({
        part: 'part1',
        rule: 'P1.9',
        target: { screen: 'people', recordId: kim.id, field: 'title' },
      });
      expect(ev.part1.gaps.filter((g) => g.rule === 'P1.9')).toHaveLength(2);
      expect(ev.gaps).toEqual(expect.arrayContaining(ev.part1.gaps));
    });

    it('does not borrow another position’s title for a role-holder whose own title is empty', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      const eve = t
        .person('Eve Elected', [elected('selectmen', ''), appointed('Library Board', 'Trustee')])
        .attends(...s.all);
      t.person('Sam Staff', [staff('director', 'DPW', 'Director')]).attends(...s.all);
      t.person('Rae Resident', [team()], { resident: true }).attends(...s.all);
      const ev = t.evaluate();
      expect(ev.part1.evidence?.cohort[0]).toMatchObject({ name: 'Eve Elected', title: null });
      expect(ev.part1.gaps.map((g) => g.target.recordId)).toContain(eve.id);
    });

    it('prints the title held when attending, not a later one', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Eve Elected', [
        elected('selectmen', 'Selectman', { end: '2024-11-20' }),
        elected('selectmen', 'First Selectman', { start: '2024-11-21' }),
      ]).attends(...s.all);
      t.person('Sam Staff', [staff('director', 'DPW', 'Director')]).attends(...s.all);
      t.person('Rae Resident', [team()], { resident: true }).attends(...s.all);
      expect(t.evaluate().part1.evidence?.cohort[0]?.title).toBe('Selectman');
    });
  });

  describe('P1.5 / P1.8 between the two review readings', () => {
    it('prefers a P1.5b reading that earns new credit over a P1.5a reading that would be rolling', () => {
      const t = town({ year: 2026 });
      const s = t.series('Series', [
        ['2021-03-01', '2024-03-01'],
        ['2021-04-01', '2024-04-01'],
        ['2022-05-01', '2024-05-01'],
      ]);
      const [t1, t2, t3] = s.sessions as [string[], string[], string[]];
      t.person('Xena Dual', [
        elected('selectmen', 'Selectman'),
        staff('director', 'DPW', 'Director'),
      ]).attends(t1[1]!, t2[1]!, t3[1]!);
      t.person('Yuri Manager', [staff('management', 'Finance', 'Manager')]).attends(t1[0]!, t2[0]!);
      t.person('Rae Resident', [team('Member')], { resident: true }).attends(t3[0]!, t1[1]!, t2[1]!);
      const ev = t.evaluate();
      expect([ev.part1.status, ev.part1.credit, ev.part1.completionDate]).toEqual([
        'review',
        'new',
        '2024-05-01',
      ]);
      expect(ev.part1.reasons.find((r) => r.rule === 'P1.5')?.text).toMatch(/Xena Dual counts for two roles/);
    });

    it('finds the collective reading with the latest completion among many partial attendees', () => {
      const t = town({ year: 2026 });
      const s = t.series('Series', [
        ['2021-03-01', '2024-03-01'],
        ['2021-04-01', '2024-04-01'],
      ]);
      const [t1, t2] = s.sessions as [string[], string[]];
      t.person('Eve Elected', [elected('selectmen')]).attends(t1[0]!);
      t.person('Rae Resident', [team()], { resident: true }).attends(t1[0]!);
      for (const name of ['Aaa', 'Bbb', 'Ccc'])
        t.person(name, [staff('director', 'DPW', 'Director')]).attends(t2[0]!);
      t.person('Zed', [staff('director', 'Parks', 'Director')]).attends(t2[1]!);
      const ev = t.evaluate();
      expect([ev.part1.status, ev.part1.credit, ev.part1.completionDate]).toEqual([
        'review',
        'new',
        '2024-04-01',
      ]);
      expect(ev.part1.evidence?.cohort.find((m) => m.role === 'S')?.name).toBe('Zed');
    });

    it('says plainly when one person holds every role and no one else completed the series', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Solo', [elected('selectmen'), staff('director', 'DPW', 'Director'), team()], {
        resident: true,
      }).attends(...s.all);
      t.person('Ann', [appointed('Library Board')]).attends(s.all[0]!);
      t.person('Ben', [appointed('Library Board')]).attends(s.all[0]!);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('notMet');
      expect(texts(ev.part1.reasons)).toContain(
        'Solo is the only attendee who attended every topic and holds a role; E, S and R need three different people, and one person can never fill all three (P1.5).',
      );
    });
  });

  describe('P1.6 near-misses', () => {
    it('does not report a near-miss for a role the person fills through another position', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.person('Pat Lee', [elected('finance'), elected('selectmen', 'Selectman')]).attends(s.all[0]!);
      const ev = t.evaluate();
      expect(ev.part1.status).toBe('notMet');
      expect(texts(ev.part1.reasons)).not.toContain('Board of Finance is not an executive body');
    });

    it('names a topic nobody attended', () => {
      const t = town();
      const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
      t.cohort([s.all[0]!, s.all[1]!]);
      expect(texts(t.evaluate().part1.reasons)).toContain('No town attendance is recorded for Conversations');
    });

    it('says no series counts when the catalog has only series that are not Sustainable CT’s', () => {
      const t = town();
      const s = t.series('Regional Series', [['2024-03-01']], { sct: false });
      t.cohort(s.all);
      expect(t.evaluate().part1.reasons[0]!.text).toMatch(/^No series in the catalog counts for Part 1/);
    });
  });

  describe('T.4 planned', () => {
    it('shows a cohort that completes only at a session after the as-of date as planned, with no points', () => {
      const t = town({ asOf: '2026-03-01' });
      const s = t.series3('2026-01-10', '2026-02-10', '2026-04-10');
      t.cohort(s.all);
      const ev = t.evaluate();
      expect([ev.part1.status, ev.part1.points, ev.part1.completionDate]).toEqual([
        'planned',
        0,
        '2026-04-10',
      ]);
      expect(ev.part1.evidence?.cohort).toHaveLength(3);
      expect(ev.part1.reasons.find((r) => r.rule === 'T.4')?.text).toContain('April 10, 2026');
    });

    it('counts a session held on the as-of date itself', () => {
      const t = town();
      const s = t.series3('2026-01-10', '2026-02-10', '2026-03-01');
      t.cohort(s.all);
      expect(t.evaluate({ asOf: '2026-03-01' }).part1.status).toBe('met');
    });
  });
});
