import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byteOrderMark,
  csvCell,
  encodingForChoice,
  fixWindows1252,
  neutralise,
  takeSepLine,
  unifyLineEndings,
  unneutralise,
  utf16WithoutMark,
} from '../../../shared/csv/text';

describe('encoding from the bytes', () => {
  it('reads the byte-order marks of UTF-8 and UTF-16', () => {
    expect(byteOrderMark(Uint8Array.from([0xef, 0xbb, 0xbf, 0x4e]))).toEqual({
      encoding: 'utf-8',
      length: 3,
    });
    expect(byteOrderMark(Uint8Array.from([0xff, 0xfe, 0x4e, 0]))).toEqual({
      encoding: 'utf-16le',
      length: 2,
    });
    expect(byteOrderMark(Uint8Array.from([0xfe, 0xff, 0, 0x4e]))).toEqual({
      encoding: 'utf-16be',
      length: 2,
    });
    expect(byteOrderMark(Uint8Array.from([0x4e, 0x61]))).toBeNull();
  });

  it('sees UTF-16 without a mark by its zero bytes, and not in plain Latin text', () => {
    const le = Uint8Array.from([0x4e, 0, 0x61, 0, 0x6d, 0, 0x65, 0]);
    const be = Uint8Array.from([0, 0x4e, 0, 0x61, 0, 0x6d, 0, 0x65]);
    expect(utf16WithoutMark(le)).toBe('utf-16le');
    expect(utf16WithoutMark(be)).toBe('utf-16be');
    expect(utf16WithoutMark(new TextEncoder().encode('Name,Email\nAnn,'))).toBeNull();
    expect(encodingForChoice('utf-16', be)).toBe('utf-16be');
    expect(encodingForChoice('utf-16', new Uint8Array())).toBe('utf-16le');
  });

  it('turns C1 control characters left by a Latin-1 decoder into Windows-1252’s letters', () => {
    expect(fixWindows1252('\u0080 \u0092 \u009c \u0081')).toBe('€ ’ œ \u0081');
  });
});

describe('takeSepLine()', () => {
  it('takes Excel’s hint and its line off, and leaves any other first line alone', () => {
    expect(takeSepLine('sep=;\r\nName;Email')).toEqual({ text: 'Name;Email', delimiter: ';' });
    expect(takeSepLine('sep=|\nName|Email')).toEqual({ text: 'Name|Email', delimiter: '|' });
    expect(takeSepLine('sep=,')).toEqual({ text: '', delimiter: ',' });
    expect(takeSepLine('Name,Email\nsep=;')).toEqual({ text: 'Name,Email\nsep=;', delimiter: null });
    expect(takeSepLine('sep=ab\nName')).toEqual({ text: 'sep=ab\nName', delimiter: null });
  });
});

describe('unifyLineEndings()', () => {
  it('ends every row with LF outside quotes and keeps what is inside quotes', () => {
    expect(unifyLineEndings('a\r\nb\nc\rd\r\n')).toBe('a\nb\nc\nd\n');
    expect(unifyLineEndings('a,"x\r\ny"\r\nb,"q""\r"\r\n')).toBe('a,"x\r\ny"\nb,"q""\r"\n');
  });
});

describe('the formula guard and quoting', () => {
  it('guards a formula at the start of the cell and after every separator or line break in it', () => {
    expect(neutralise('=1+1')).toBe("'=1+1");
    expect(neutralise('Chair;=1+1')).toBe("Chair;'=1+1");
    expect(neutralise('a, -b\n@c\t+d')).toBe("a,' -b\n'@c\t'+d");
    expect(neutralise("'Tis")).toBe("''Tis");
    expect(neutralise('Director - Public Works, 2024-01-05')).toBe('Director - Public Works, 2024-01-05');
  });

  it('quotes every cell holding a comma, semicolon, tab, quote or line break, and every guarded cell', () => {
    expect(csvCell('Chair;=1+1')).toBe(`"Chair;'=1+1"`);
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell("O'Neill")).toBe("O'Neill");
  });

  it('takes exactly the apostrophes it added, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', ' ', '\t', '\r', '\n', ',', ';', 'a') }),
        (s) => {
          expect(unneutralise(neutralise(s))).toBe(s);
        },
      ),
      { numRuns: 2000 },
    );
    // A hand-made cell's apostrophe before ordinary text is not the export's, so it stays.
    expect(unneutralise("'Tis")).toBe("'Tis");
    expect(unneutralise("''Tis")).toBe("'Tis");
  });
});
