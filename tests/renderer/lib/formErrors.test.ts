import { describe, expect, it } from 'vitest';
import {
  errorsFromThrown,
  issuesToErrors,
  validateForm,
  visibleErrors,
} from '../../../renderer/src/lib/formErrors';
import { ValidationError } from '../../../renderer/db/repositories';
import { personSchema } from '../../../shared/domain/schema';

describe('issuesToErrors()', () => {
  it('keys messages by dotted path with list indexes and keeps the first per field', () => {
    expect(
      issuesToErrors([
        { path: ['positions', 0, 'end'], message: 'the term ends before it starts' },
        { path: ['positions', 0, 'end'], message: 'second message' },
        { path: [], message: 'whole record' },
      ]),
    ).toEqual({ 'positions[0].end': 'The term ends before it starts', '': 'Whole record' });
  });
});

describe('validateForm()', () => {
  it('says "Name is required" for an empty name', () => {
    const r = validateForm(personSchema, { id: 'p1', name: '   ' });
    expect(r.ok).toBe(false);
    expect(r.errors.name).toBe('Name is required');
  });

  it('puts an end date before the start date on that position’s end field', () => {
    const r = validateForm(personSchema, {
      id: 'p1',
      name: 'Ann Lee',
      positions: [{ id: 'x', kind: 'teamMember', start: '2024-05-01', end: '2024-01-01' }],
    });
    expect(r.errors['positions[0].end']).toBe('The term ends (2024-01-01) before it starts (2024-05-01)');
  });

  it('returns the parsed record when valid', () => {
    const r = validateForm(personSchema, { id: 'p1', name: ' Ann ' });
    expect(r.ok && r.data.name).toBe('Ann');
  });
});

describe('errorsFromThrown()', () => {
  it('turns a repository ValidationError into per-field errors', () => {
    const e = new ValidationError('person', [
      { path: 'positions[1].id', message: 'is used by another position' },
    ]);
    expect(errorsFromThrown(e)).toEqual({ 'positions[1].id': 'Is used by another position' });
  });

  it('puts any other error on the whole form', () => {
    expect(errorsFromThrown(new Error('disk full'))).toEqual({ '': 'Disk full' });
  });
});

describe('visibleErrors()', () => {
  it('shows only touched fields until a save was attempted', () => {
    const errors = { name: 'Name is required', email: 'Must be an email address' };
    expect(visibleErrors(errors, new Set(['email']), false)).toEqual({ email: 'Must be an email address' });
    expect(visibleErrors(errors, new Set(), true)).toEqual(errors);
  });
});
