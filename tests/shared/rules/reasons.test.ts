/**
 * How every reason reads, checked on many generated towns and the sample: the rule
 * id once, in brackets, at the end, equal to the reason's `rule`; no rule id inside
 * the sentence; no name printed twice in a row ("Board of Education — Board of Education").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../shared/backup/parse';
import { describePosition } from '../../../shared/domain/labels';
import { evaluate } from '../../../shared/rules/engine';
import type { Evaluation, Reason } from '../../../shared/rules/evaluation';
import { regionTowns, SYNTHETIC_AS_OF, SYNTHETIC_YEAR } from '../../fixtures/synthetic-towns';
import { boe, elected, staff, team, texts, town } from './build';

const RULE_ID = /\b(?:P[12]\.\d|T\.\d)\b/g;

function everyReason(ev: Evaluation): { rule: string; text: string }[] {
  return [
    ...ev.part1.reasons,
    ...ev.part2.reasons,
    ...ev.warnings,
    ...ev.part1.notCounted.map((n) => ({ rule: 'P1.1', text: n.reason })),
    ...ev.part2.notCounted.map((n) => ({ rule: n.rule, text: n.reason })),
  ];
}

function problems(r: { rule: string; text: string }): string[] {
  const out: string[] = [];
  if (!r.text.endsWith(` (${r.rule}).`)) out.push(`does not end with "(${r.rule})."`);
  const ids = r.text.match(RULE_ID) ?? [];
  if (ids.length > 1) out.push(`cites ${ids.length} rule ids`);
  if (/\b(\w[\w ]{3,}) — \1\b/.test(r.text)) out.push('repeats a name');
  return out.map((p) => `${p}: ${r.text}`);
}

describe('reasons a clerk reads', () => {
  it('cite their rule once, at the end, on 40 generated towns and the sample', () => {
    const towns = regionTowns(7, 40);
    const sample = parseBackup(readFileSync('resources/samples/harbor-falls.json', 'utf8'));
    if (!sample.ok) throw new Error('the sample must parse');
    const found: string[] = [];
    for (const data of [...towns, sample.backup.data]) {
      for (const asOfDate of [SYNTHETIC_AS_OF, '2024-01-01']) {
        const ev = evaluate(data, { certificationYear: SYNTHETIC_YEAR, asOfDate });
        for (const r of everyReason(ev)) found.push(...problems(r));
      }
    }
    expect(found.slice(0, 10)).toEqual([]);
  });

  it('name the body of a Board of Education employee once', () => {
    const t = town();
    const c = t.course('Equity Workshop', ['2025-05-01']);
    t.person('Tess Teacher', [boe('Board of Education', 'Teacher')]).attends(c.sessions[0]!);
    const ev = t.evaluate();
    expect(ev.part2.evidence?.departments).toEqual(['Board of Education']);
    expect(ev.part2.evidence?.attendees[0]?.department).toBe('Board of Education');
  });

  it('speak of a planned Part 1 in the future, never "attended"', () => {
    const t = town({ asOf: '2026-03-01' });
    const s = t.series3('2026-02-01', '2026-03-10', '2026-04-10');
    t.person('Eve Elected', [elected('selectmen', 'First Selectman', { start: '2026-03-05' })]).attends(
      ...s.all,
    );
    t.person('Sam Staff', [staff('director', 'Public Works', 'Director')]).attends(...s.all);
    t.person('Rae Resident', [team()], { resident: true }).attends(...s.all);
    const ev = t.evaluate();
    expect(ev.part1.status).toBe('planned');
    const why = texts(ev.part1.reasons);
    expect(why).toContain('a position they hold on March 10, 2026, a session they are due to attend (P1.2).');
    expect(why).toContain('Once the sessions still to come are held, each of them will have attended');
    expect(why).toContain('Would be complete on April 10, 2026');
    expect(why).not.toContain('Each of them attended');
  });

  it('put the person first in a near-miss, saying why the term did not cover the sessions', () => {
    const t = town();
    const s = t.series3('2024-03-01', '2024-04-01', '2024-05-01');
    t.person('Ann Alvarez', [elected('selectmen', 'First Selectman', { start: '2024-11-15' })]).attends(
      ...s.all,
    );
    t.person('Ned Former', [elected('selectmen', 'Selectman', { end: '2023-12-31' })]).attends(...s.all);
    const why = texts(t.evaluate().part1.reasons);
    expect(why).toContain(
      'Ann Alvarez became First Selectman (Board of Selectmen) on November 15, 2024, after the sessions they attended, so they cannot fill E, the elected-official role (P1.2).',
    );
    expect(why).toContain(
      'Ned Former stopped being Selectman (Board of Selectmen) on December 31, 2023, before the sessions they attended, so they cannot fill E, the elected-official role (P1.2).',
    );
  });

  it('give a review Part 2 no "met" line before the review', () => {
    const t = town();
    const s = t.series3('2025-03-01', '2025-04-01', '2025-05-01');
    t.cohort(s.all);
    const ev = t.evaluate();
    expect(ev.part2.status).toBe('review');
    const statusWords = ev.part2.reasons.filter((r: Reason) =>
      /Part 2 is (met|for review|planned)/.test(r.text),
    );
    expect(statusWords.map((r) => r.rule)).toEqual(['P2.5']);
  });
});

describe('describePosition()', () => {
  it('does not repeat a body or department the title already names', () => {
    expect(describePosition(elected('finance', 'Member, Board of Finance'))).toBe('Member, Board of Finance');
    expect(describePosition(team('Member, Sustainability Team'))).toBe('Member, Sustainability Team');
    expect(describePosition(staff('director', 'Public Works', 'Director'))).toBe('Director, Public Works');
    expect(describePosition(boe('Board of Education', 'Teacher'))).toBe('Teacher, Board of Education');
  });
});
