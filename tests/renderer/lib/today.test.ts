import { describe, expect, it } from 'vitest';
import { today } from '../../../renderer/src/lib/today';

describe('today()', () => {
  it('uses the local calendar date, not the UTC one', () => {
    // 23:30 local on 31 December: UTC may already be 1 January, the clerk's calendar is not.
    expect(today(new Date(2025, 11, 31, 23, 30))).toBe('2025-12-31');
    expect(today(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
  });
});
