// Summaries of repeated runs, and the ratios printed beside every figure.

/** Nearest-rank percentile of an unsorted list. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

const round = (v) => Math.round(v * 10) / 10;

export function stats(values) {
  if (!values.length) throw new Error('stats of no runs');
  return {
    runs: values.length,
    median: round(percentile(values, 0.5)),
    p95: round(percentile(values, 0.95)),
    max: round(Math.max(...values)),
    min: round(Math.min(...values)),
  };
}

/** `ours / reference` of the medians and of the p95s (as summarised, to 0.1); below 1 means ours is faster (or smaller). */
export function ratios(ours, reference) {
  const ratio = (a, b) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
  return { median: ratio(ours.median, reference.median), p95: ratio(ours.p95, reference.p95) };
}

/** `key`'s values across runs (objects), summarised. */
export const statsOf = (runs, key) => stats(runs.map((run) => run[key]));
