/**
 * Where a JSON text goes wrong, as a line and column a person can find in an editor.
 *
 * Why not read the position from `JSON.parse`'s message: its wording differs between
 * engines and versions (Node 20 often names no position at all), so this scans the
 * text itself. It is only run after `JSON.parse` has already failed.
 */

export interface JsonSyntaxProblem {
  /** 1-based line of the first problem. */
  line: number;
  /** 1-based column (in UTF-16 code units, as editors count for most text). */
  column: number;
  /** Plain-English description, e.g. "expected ',' or '}' after a property value". */
  message: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);

/**
 * Finds the first syntax problem in `text`, or null when the text is valid JSON.
 * Iterative (an explicit stack), so a file of 100,000 opening brackets cannot overflow.
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const n = text.length;
  /** What each open container expects next. */
  const stack: (
    | 'objectKeyOrEnd'
    | 'objectKey'
    | 'objectColon'
    | 'objectCommaOrEnd'
    | 'arrayValueOrEnd'
    | 'arrayCommaOrEnd'
  )[] = [];

  const at = (pos: number, message: string): JsonSyntaxProblem => ({ ...lineColumn(text, pos), message });
  const skipWs = () => {
    while (i < n && WS.has(text[i] as string)) i++;
  };
  const describeChar = (pos: number): string => {
    if (pos >= n) return 'the end of the file';
    const c = text.codePointAt(pos) as number;
    return c < 0x20 ? `a control character (code ${c})` : `'${String.fromCodePoint(c)}'`;
  };

  /** Scans a string starting at the opening quote; returns a problem or null. */
  const scanString = (): JsonSyntaxProblem | null => {
    const start = i;
    i++;
    while (i < n) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return null;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) break;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return at(i, 'invalid \\u escape in a string');
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) return at(i, `invalid escape '\\${e}' in a string`);
        i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) return at(i, 'a string contains a line break or control character');
      i++;
    }
    return at(start, 'the file ends too early, inside a string (a closing quote is missing)');
  };

  const scanNumber = (): JsonSyntaxProblem | null => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') return at(i, `unexpected ${describeChar(i)}`);
    i += m[0].length;
    return null;
  };

  /** Scans one scalar or opens a container; returns a problem or null. */
  const scanValue = (): JsonSyntaxProblem | null => {
    skipWs();
    if (i >= n) return at(i, 'the file ends too early (a value, bracket or quote is missing)');
    const c = text[i] as string;
    if (c === '{') {
      i++;
      stack.push('objectKeyOrEnd');
      return null;
    }
    if (c === '[') {
      i++;
      stack.push('arrayValueOrEnd');
      return null;
    }
    if (c === '"') return scanString();
    if (c === '-' || (c >= '0' && c <= '9')) return scanNumber();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    return at(i, `unexpected ${describeChar(i)} where a value should be`);
  };

  let problem = scanValue();
  if (problem) return problem;
  while (stack.length > 0) {
    skipWs();
    if (i >= n) return at(i, 'the file ends too early (a closing bracket or quote may be missing)');
    const top = stack[stack.length - 1];
    const c = text[i] as string;
    switch (top) {
      case 'objectKeyOrEnd':
      case 'objectKey':
        if (c === '}' && top === 'objectKeyOrEnd') {
          i++;
          stack.pop();
          break;
        }
        if (c !== '"') return at(i, `expected a property name in double quotes, found ${describeChar(i)}`);
        problem = scanString();
        if (problem) return problem;
        stack[stack.length - 1] = 'objectColon';
        break;
      case 'objectColon':
        if (c !== ':') return at(i, `expected ':' after a property name, found ${describeChar(i)}`);
        i++;
        stack[stack.length - 1] = 'objectCommaOrEnd';
        problem = scanValue();
        if (problem) return problem;
        break;
      case 'objectCommaOrEnd':
        if (c === ',') {
          i++;
          stack[stack.length - 1] = 'objectKey';
        } else if (c === '}') {
          i++;
          stack.pop();
        } else return at(i, `expected ',' or '}' after a property value, found ${describeChar(i)}`);
        break;
      case 'arrayValueOrEnd':
        if (c === ']') {
          i++;
          stack.pop();
          break;
        }
        stack[stack.length - 1] = 'arrayCommaOrEnd';
        problem = scanValue();
        if (problem) return problem;
        break;
      case 'arrayCommaOrEnd':
        if (c === ',') {
          i++;
          stack[stack.length - 1] = 'arrayCommaOrEnd';
          problem = scanValue();
          if (problem) return problem;
        } else if (c === ']') {
          i++;
          stack.pop();
        } else return at(i, `expected ',' or ']' after a list item, found ${describeChar(i)}`);
        break;
      default:
        return at(i, 'unexpected state');
    }
  }
  skipWs();
  if (i < n) return at(i, `unexpected ${describeChar(i)} after the end of the JSON`);
  return null;
}

/** 1-based line and column of a string offset (\r\n and \n both end a line). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let k = 0; k < end; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Deeper than any backup nests (about 6 levels); a limit far above it, far below what strains a parser. */
export const MAX_JSON_DEPTH = 64;

/**
 * The first place where brackets nest deeper than `limit`, or null. One pass that
 * stops there, run BEFORE `JSON.parse`: a 50 MB file of `[` takes V8 ten seconds
 * and over a gigabyte to refuse, enough to crash a browser tab's worker.
 */
export function excessiveNesting(text: string, limit = MAX_JSON_DEPTH): JsonSyntaxProblem | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) {
        const { line, column } = lineColumn(text, i);
        return {
          line,
          column,
          message: `lists and objects are nested more than ${limit} deep here (a backup nests about 6)`,
        };
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}
