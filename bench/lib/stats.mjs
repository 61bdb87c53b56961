// Small statistics helpers for the benchmark's figures.

/** The q-quantile (0..1) of `values` by linear interpolation between closest ranks. */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);

/** Median, min, max, p25/p75 and the count, rounded to `digits`. */
export function summary(values, digits = 1) {
  const r = (x) => Number(x.toFixed(digits));
  return {
    n: values.length,
    median: r(median(values)),
    p25: r(quantile(values, 0.25)),
    p75: r(quantile(values, 0.75)),
    min: r(Math.min(...values)),
    max: r(Math.max(...values)),
  };
}
