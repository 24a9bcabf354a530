import { describe, expect, it } from 'vitest';
import { conflictTitle, differences } from '../../../shared/sync/conflicts';

const person = (title: string) => ({
  id: 'p1',
  name: 'Ruth Alvarez',
  email: '',
  isResident: false,
  notes: '',
  positions: [
    { id: '3faad82d-0633-4908-8ff0-d304906c8b4d', kind: 'teamMember', title, start: '2024-01-01', end: null },
  ],
});

describe('differences (the Conflicts list’s side-by-side lines)', () => {
  it('says positions in words, with their term, and never shows record ids', () => {
    const lines = differences(person('Team Chair'), person('Chair of the Team'));
    expect(lines).toEqual([
      {
        label: 'Positions',
        winner: 'Team Chair, Sustainability Team (from 2024-01-01)',
        other: 'Chair of the Team, Sustainability Team (from 2024-01-01)',
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain('3faad82d');
  });

  it('lists only the fields that differ, and a deletion as such', () => {
    expect(differences({ id: 'x', name: 'A', notes: 'n' }, { id: 'y', name: 'B', notes: 'n' })).toEqual([
      { label: 'Name', winner: 'A', other: 'B' },
    ]);
    expect(differences(person('Chair'), null)).toEqual([
      { label: 'Record', winner: 'kept', other: '(deleted)' },
    ]);
  });

  it('leaves ids out of other lists of records too', () => {
    const [line] = differences(
      { items: [{ id: 'abc-123', label: 'Walk' }] },
      { items: [{ id: 'abc-123', label: 'Run' }] },
    );
    expect(line).toEqual({ label: 'items', winner: 'Walk', other: 'Run' });
  });

  it('titles a conflict by what it is about', () => {
    expect(conflictTitle({ type: 'person', winner: { data: person('Chair') } })).toBe('Person: Ruth Alvarez');
  });
});
