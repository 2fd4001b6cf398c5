// Statistics for the benchmark: medians and percentiles of repeated runs (single runs on a shared 2-core box are noise).
export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!
}
