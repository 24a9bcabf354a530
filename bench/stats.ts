/**
 * Timing and reporting helpers for `npm run bench`: every figure is the median of
 * several runs taken after warm-up runs (JIT, caches, lazy font loading), with the
 * min and max beside it so a noisy figure shows as one.
 */

/** A measured figure and its budget; `pass` is null when the figure has no budget of its own. */
export interface Figure {
  /** Stable key for the JSON results, e.g. `engine.large`. */
  id: string;
  label: string;
  unit: 'ms' | 'KB' | '×' | '';
  median: number;
  min: number;
  max: number;
  /** How many measured runs (warm-up runs excluded). */
  runs: number;
  /** The budget: the median must be at most this. */
  budget: number | null;
  pass: boolean | null;
  /** For a yes/no figure: printed instead of the numbers. */
  value?: string;
  /** A short explanation printed under the table (what was measured, or why a budget is missed). */
  note?: string;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarise');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns the milliseconds of each measured run. */
export async function time(
  fn: () => unknown,
  { warmup, runs }: { warmup: number; runs: number },
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** A figure from samples, judged against its budget (the median must not exceed it). */
export function figure(
  id: string,
  label: string,
  unit: Figure['unit'],
  samples: readonly number[],
  budget: number | null,
  note?: string,
): Figure {
  const s = summarise(samples);
  return {
    id,
    label,
    unit,
    ...s,
    budget,
    pass: budget === null ? null : s.median <= budget,
    ...(note === undefined ? {} : { note }),
  };
}

const fmt = (n: number, unit: Figure['unit']): string => {
  if (unit === 'KB' || unit === '×') return n.toFixed(unit === '×' ? 2 : 1);
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
};

/** The results as a plain-text table (also pasted into bench/README.md as Markdown). */
export function table(figures: readonly Figure[], markdown = false): string {
  const head = ['figure', 'median', 'min', 'max', 'budget', 'result'];
  const rows = figures.map((f) => [
    f.label,
    f.value ?? `${fmt(f.median, f.unit)} ${f.unit}`.trim(),
    f.value === undefined ? `${fmt(f.min, f.unit)} ${f.unit}`.trim() : '—',
    f.value === undefined ? `${fmt(f.max, f.unit)} ${f.unit}`.trim() : '—',
    f.value !== undefined ? 'yes' : f.budget === null ? '—' : `≤ ${f.budget} ${f.unit}`.trim(),
    f.pass === null ? 'info' : f.pass ? 'pass' : 'FAIL',
  ]);
  if (markdown) {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * The run's last line. When a section could not be measured it opens with INCOMPLETE and
 * names the sections, so a run that skipped figures never reads as one within budget.
 */
export function summaryLine(
  measured: number,
  missed: readonly string[],
  notMeasured: readonly string[],
): string {
  const budget =
    `${measured - missed.length} of ${measured} measured figures within budget or informational` +
    (missed.length > 0 ? `; missed: ${missed.join(', ')}` : '');
  if (notMeasured.length === 0) return `${budget}. Results in bench/results/latest.json\n`;
  return (
    `INCOMPLETE: ${notMeasured.join(', ')} NOT MEASURED (the error is printed above). ` +
    `Of the figures that were: ${budget}. Results in bench/results/latest.json\n`
  );
}
