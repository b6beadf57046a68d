// Summaries of benchmark samples. Nearest-rank percentiles: a reported p95 is a time that was
// actually measured, never an interpolation between two runs.
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no samples');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1)! };
}

/** Milliseconds as the tables print them: one decimal below 10 ms, whole numbers above. */
export function formatMs(value: number): string {
  return value < 10 ? value.toFixed(1) : value.toFixed(0);
}

/** A database size as a column heading: 43k, 1M. */
export function sizeLabel(tickets: number): string {
  return tickets >= 1_000_000 ? `${tickets / 1_000_000}M` : `${Math.round(tickets / 1000)}k`;
}
