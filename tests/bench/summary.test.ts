import { describe, expect, it } from 'vitest';
import { summaryLine } from '../../bench/stats';

describe('summaryLine()', () => {
  it('says within budget only when every section was measured', () => {
    expect(summaryLine(12, [], [])).toBe(
      '12 of 12 measured figures within budget or informational. Results in bench/results/latest.json\n',
    );
    expect(summaryLine(12, ['packet PDF'], [])).toContain('11 of 12 measured figures within budget');
  });

  it('opens with INCOMPLETE and names every section that could not be measured', () => {
    const line = summaryLine(6, [], ['import', 'startup']);
    expect(line.startsWith('INCOMPLETE: import, startup NOT MEASURED')).toBe(true);
    expect(line).not.toMatch(/^\d+ of \d+/);
  });
});
