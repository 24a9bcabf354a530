import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem, lineColumn } from '../../../shared/backup';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonSyntaxProblem()', () => {
  it('agrees with JSON.parse on what is valid, for JSON, broken JSON and random text', () => {
    const broken = fc
      .tuple(
        fc.jsonValue().map((v) => JSON.stringify(v, null, 1)),
        fc.nat(),
        fc.string({ maxLength: 2 }),
      )
      .map(([text, n, insert]) => {
        const at = n % (text.length + 1);
        return text.slice(0, at) + insert + text.slice(at + 1);
      });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          broken,
          fc.string(),
        ),
        (text) => {
          expect(findJsonSyntaxProblem(text) === null).toBe(parses(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('points at a missing comma', () => {
    expect(findJsonSyntaxProblem('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      line: 3,
      column: 3,
      message: "expected ',' or '}' after a property value, found '\"'",
    });
  });

  it('points at a trailing comma in a list', () => {
    expect(findJsonSyntaxProblem('[1, 2,]')).toMatchObject({ line: 1, column: 7 });
  });

  it('survives 100,000 nested brackets', () => {
    expect(findJsonSyntaxProblem('['.repeat(100000))?.message).toMatch(/ends too early/);
  });
});

describe('lineColumn()', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\r\nef', 7)).toEqual({ line: 3, column: 1 });
  });
});
