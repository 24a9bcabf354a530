/**
 * The backup checksum: SHA-256 over one canonical serialization of the `data`
 * value, so a single changed bit anywhere in the town's records is noticed.
 *
 * Canonical form (README, "Backup file format"): the JSON value as
 * `JSON.stringify` writes it, with every object's keys sorted by UTF-16 code
 * unit and no whitespace — the JSON Canonicalization Scheme (RFC 8785) for the
 * values a backup holds (strings, finite numbers, booleans, null, lists,
 * objects). The hash is taken over the UTF-8 bytes of that text and written as
 * 64 lowercase hexadecimal digits.
 *
 * WHY over the parsed JSON value and not over the file's bytes: a backup may be
 * re-indented or have its line endings changed by a mail client or an editor
 * without changing a single record, and that must still restore. WHY over the
 * value as written rather than the value after validation: validation trims text
 * and fills in defaults, so a flip that adds a trailing space would otherwise
 * pass unnoticed.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The one function that writes the canonical form of a JSON value. */
export function canonicalJson(value: unknown): string {
  // String concatenation, not an array of parts: V8 builds it as a rope, about twice as fast here.
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    // JSON has no NaN or Infinity; JSON.parse never produces them, a caller might.
    if (!Number.isFinite(value)) throw new TypeError('a backup cannot hold a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // As JSON.stringify does: a hole or undefined in a list is written as null.
      out += (i > 0 ? ',' : '') + canonicalJson(item === undefined ? null : item);
    }
    return `${out}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // The default sort compares UTF-16 code units, which is what RFC 8785 asks for.
    const keys = Object.keys(record).sort();
    let out = '{';
    let first = true;
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
      first = false;
    }
    return `${out}}`;
  }
  throw new TypeError(`a backup cannot hold a value of type ${typeof value}`);
}

/** SHA-256 of the canonical form of `data`, 64 lowercase hex digits (the backup's `dataSha256`). */
export function dataChecksum(data: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(data))));
}
