import { describe, expect, it } from 'vitest';
import { attendeesBySession, nameLabelsOf, sessionsPerPerson } from '../../../renderer/src/lib/derived';
import type { Attendance, Person } from '../../../shared/domain/schema';

const person = (id: string, name: string, email = ''): Person => ({
  id,
  name,
  email,
  isResident: false,
  positions: [],
  notes: '',
});

describe('figures derived per stored list', () => {
  it('works a list out once and again only for a new list', () => {
    const people = [person('a', 'Ruth Alvarez', 'r1@x.org'), person('b', 'Ruth Alvarez', 'r2@x.org')];
    const labels = nameLabelsOf(people);
    expect(nameLabelsOf(people)).toBe(labels);
    expect(labels.get('a')).not.toBe(labels.get('b'));
    const renamed = [person('a', 'Ruth Alvarez'), person('b', 'Ann Lee')];
    expect(nameLabelsOf(renamed)).not.toBe(labels);
    expect(nameLabelsOf(renamed).get('a')).toBe('Ruth Alvarez');
  });

  it('counts who attended each session and how many sessions each person attended', () => {
    const attendance: Attendance[] = [
      { personId: 'a', sessionId: 's1' },
      { personId: 'a', sessionId: 's2' },
      { personId: 'b', sessionId: 's1' },
    ];
    const bySession = attendeesBySession(attendance);
    expect(attendeesBySession(attendance)).toBe(bySession);
    expect([...bySession.get('s1')!]).toEqual(['a', 'b']);
    expect([...bySession.get('s2')!]).toEqual(['a']);
    expect(bySession.get('s3')).toBeUndefined();
    expect(Object.fromEntries(sessionsPerPerson(attendance))).toEqual({ a: 2, b: 1 });
  });
});
