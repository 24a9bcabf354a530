import { describe, expect, it } from 'vitest';
import { distinctNameLabel, distinctNameLabels, nameKey } from '../../../shared/domain/names';
import type { Person, Position } from '../../../shared/domain/schema';

const clerk: Position = {
  id: 'x',
  kind: 'staff',
  department: 'Administration',
  title: 'Town Clerk',
  level: 'director',
  start: null,
  end: null,
};
const team: Position = { id: 'y', kind: 'teamMember', title: 'Chair', start: null, end: null };
const p = (id: string, name: string, email = '', positions: Position[] = []): Person => ({
  id,
  name,
  email,
  isResident: false,
  positions,
  notes: '',
});

describe('nameKey()', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(nameKey('  José   NÚÑEZ ')).toBe(nameKey('jose nunez'));
    expect(nameKey('Zoë')).toBe('zoe');
    expect(nameKey('Ann Lee')).not.toBe(nameKey('Anne Lee'));
  });
});

describe('distinctNameLabels()', () => {
  it('leaves a name alone when nobody else has it', () => {
    expect(distinctNameLabels([p('1', 'Ann Lee'), p('2', 'Bo Diaz')])).toEqual(
      new Map([
        ['1', 'Ann Lee'],
        ['2', 'Bo Diaz'],
      ]),
    );
  });

  it('tells repeated names apart by their position, else their email, accents and case ignored', () => {
    const people = [
      p('1', 'Ruth Alvarez', 'ruth@example.org', [clerk]),
      p('2', 'ruth  álvarez', '', [team]),
      p('3', 'Sam Roe', 'sam@a.example', [team]),
      p('4', 'Sam Roe', 'sam@b.example', [team]),
    ];
    const labels = distinctNameLabels(people);
    expect(labels.get('1')).toBe('Ruth Alvarez (Town Clerk, Administration)');
    expect(labels.get('2')).toBe('ruth  álvarez (Chair, Sustainability Team)');
    expect(labels.get('3')).toBe('Sam Roe (sam@a.example)');
    expect(labels.get('4')).toBe('Sam Roe (sam@b.example)');
    expect(distinctNameLabel(people[0]!, people)).toBe('Ruth Alvarez (Town Clerk, Administration)');
  });

  it('numbers people nothing else tells apart, so no two labels are ever the same', () => {
    const labels = distinctNameLabels([
      p('1', 'Ruth Alvarez'),
      p('2', 'Ruth Alvarez'),
      p('3', 'Ruth Alvarez', '', [team]),
      p('4', 'Ruth Alvarez', '', [team]),
    ]);
    expect([...labels.values()]).toEqual([
      'Ruth Alvarez (1)',
      'Ruth Alvarez (2)',
      'Ruth Alvarez (Chair, Sustainability Team, 1)',
      'Ruth Alvarez (Chair, Sustainability Team, 2)',
    ]);
  });
});
