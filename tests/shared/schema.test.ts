import { describe, expect, it } from 'vitest';
import { personSchema } from '../../shared/domain/schema';

describe('personSchema', () => {
  it('refuses a term that ends before it starts', () => {
    const r = personSchema.safeParse({
      id: 'p',
      name: 'Pat',
      positions: [{ id: 'x', kind: 'teamMember', start: '2024-02-01', end: '2024-01-01' }],
    });
    expect(r.success).toBe(false);
  });
});
