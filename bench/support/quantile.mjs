// The one way the benchmarks read a quantile off their timings: the
// nearest-rank value of the sorted timings (never interpolated), so a p99
// is a time some request really took.

/** The value at quantile `q` (0..1) of `sorted` (ascending); undefined when empty. */
export function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Milliseconds to a tenth, as the benchmarks print them. */
export const toTenth = (ms) => Math.round(ms * 10) / 10;
