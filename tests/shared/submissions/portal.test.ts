import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../shared/backup';
import type { TownData } from '../../../shared/domain/schema';
import { evaluate } from '../../../shared/rules/engine';
import { portalBlocks } from '../../../shared/submissions';

function sample(): TownData {
  const parsed = parseBackup(
    readFileSync(new URL('../../../resources/samples/harbor-falls.json', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error('sample should parse');
  return parsed.backup.data;
}

describe('portalBlocks()', () => {
  it('gives one block per portal field: Part 1 names, titles and dates; each Part 2 field; timeframes; partners', () => {
    const data = sample();
    const ev = evaluate(data, { certificationYear: 2026, asOfDate: '2026-03-01' });
    const blocks = portalBlocks(data, ev);
    const text = (id: string) => blocks.find((b) => b.id === id)?.text;
    expect(blocks.map((b) => b.id)).toEqual([
      'part1-people',
      'part1-dates',
      'part2-name',
      'part2-date',
      'part2-entity',
      'part2-description',
      'part2-attendees',
      'part2-departments',
      'part1-timeframe',
      'part2-timeframe',
      'partners',
    ]);
    expect(text('part1-people')).toContain('Eleanor Whitfield, First Selectman');
    expect(text('part1-dates')).toContain('October 22, 2024: Inclusive Community Engagement');
    expect(text('part2-entity')).toBe('Connecticut Conference of Municipalities');
    expect(text('part2-attendees')).toBe('14');
    expect(text('part2-description')).toBe(ev.part2.evidence!.description.trim());
    expect(text('part1-timeframe')).toMatch(/^New credit: completed October 22, 2024/);
    expect(text('partners')).toContain('Town of Millbrook Ridge: Co-hosted');
  });

  it('adds the narrative to a rolling part, or says it is missing; "None" without partners', () => {
    const data = sample();
    data.partners = [];
    data.town.rollingNarrative.part1 = 'The cohort still meets every quarter.';
    const ev = evaluate(data, { certificationYear: 2029, asOfDate: '2029-03-01' });
    const blocks = portalBlocks(data, ev);
    const text = (id: string) => blocks.find((b) => b.id === id)?.text;
    expect(text('part1-timeframe')).toMatch(/^Rolling credit: .*\n\nThe cohort still meets every quarter\.$/);
    expect(text('part2-timeframe')).toContain('Narrative of ongoing impact missing');
    expect(text('partners')).toBe('None');
  });
});
