import { describe, expect, it } from 'vitest';
import {
  describePosition,
  municipalityHeading,
  positionKindLabels,
  positionKindPluralLabels,
} from '../../../shared/domain/labels';
import type { Position } from '../../../shared/domain/schema';
import { townSchema } from '../../../shared/domain/schema';

const elected = (title: string): Position => ({
  id: 'p',
  kind: 'elected',
  body: 'finance',
  bodyName: '',
  title,
  start: null,
  end: null,
});

describe('describePosition', () => {
  it('names the body once when the title already names it', () => {
    expect(describePosition(elected('Member, Board of Finance'))).toBe('Member, Board of Finance');
    expect(describePosition(elected('member,  board of finance'))).toBe('member,  board of finance');
    expect(
      describePosition({
        id: 't',
        kind: 'teamMember',
        title: 'Member, Sustainability Team',
        start: null,
        end: null,
      }),
    ).toBe('Member, Sustainability Team');
  });

  it('still adds the body to a title that does not name it', () => {
    expect(describePosition(elected('Member'))).toBe('Member, Board of Finance');
    expect(describePosition({ id: 't', kind: 'teamMember', title: 'Chair', start: null, end: null })).toBe(
      'Chair, Sustainability Team',
    );
  });
});

describe('position kinds as a group', () => {
  it('are spelled out rather than made plural with an added "s"', () => {
    expect(positionKindPluralLabels.staff).toBe('Municipal staff');
    expect(positionKindPluralLabels.appointed).toBe('Appointed commissioners and volunteers');
    expect(Object.keys(positionKindPluralLabels).sort()).toEqual(Object.keys(positionKindLabels).sort());
    expect(Object.values(positionKindPluralLabels)).not.toContain('Municipal staffs');
  });
});

describe('municipalityHeading', () => {
  it('puts the chosen kind before a bare name', () => {
    expect(municipalityHeading({ name: 'Norwalk', municipalityKind: 'city' })).toBe('City of Norwalk');
    expect(municipalityHeading({ name: 'Naugatuck', municipalityKind: 'borough' })).toBe(
      'Borough of Naugatuck',
    );
    expect(municipalityHeading({ name: 'Willowbrook', municipalityKind: 'town' })).toBe(
      'Town of Willowbrook',
    );
  });

  it('keeps a name that already says what it is as typed, never doubled', () => {
    expect(municipalityHeading({ name: 'Town of Willowbrook', municipalityKind: 'town' })).toBe(
      'Town of Willowbrook',
    );
    expect(municipalityHeading({ name: 'City of Norwalk', municipalityKind: 'town' })).toBe(
      'City of Norwalk',
    );
    expect(municipalityHeading({ name: 'town of  willowbrook', municipalityKind: 'city' })).toBe(
      'town of willowbrook',
    );
  });

  it('does not mistake a name that merely starts with a kind word', () => {
    expect(municipalityHeading({ name: 'Townsend', municipalityKind: 'town' })).toBe('Town of Townsend');
    expect(municipalityHeading({ name: '', municipalityKind: 'city' })).toBe('');
  });

  it('reads a town stored before the kind existed as a town', () => {
    const old = townSchema.parse({ name: 'Harbor Falls', certificationYear: 2026 });
    expect(old.municipalityKind).toBe('town');
    expect(municipalityHeading(old)).toBe('Town of Harbor Falls');
    expect(municipalityHeading({ name: 'Harbor Falls' })).toBe('Town of Harbor Falls');
  });
});
