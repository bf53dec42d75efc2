/** Median and 95th percentile of a list of milliseconds (nearest-rank). */
export function summarize(samples: number[]): { median: number; p95: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { median: rank(50), p95: rank(95), n: sorted.length };
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
