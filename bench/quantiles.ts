// The benchmarks' order statistics, in one place. Two rules, each where it fits: nearest rank for
// percentiles of many samples (latencies, keystrokes) and for medians that must be a measured
// value; linear interpolation for medians and quartiles of a few repeats (the signing benches,
// the gateway's rounds), where the mean of the two middles is the usual median.

/** The value below which a share q of the sorted samples lie (nearest rank): a p50, a p95. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** The median as a measured value: the lower middle value of an even count. */
export function lowerMedian(values: readonly number[]): number {
  return quantile(
    [...values].sort((x, y) => x - y),
    0.5,
  );
}

/** The q quantile of sorted samples, interpolated linearly between the two nearest ranks. */
export function interpolatedQuantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** The median, the mean of the two middle values of an even count. */
export function median(values: readonly number[]): number {
  return interpolatedQuantile(
    [...values].sort((x, y) => x - y),
    0.5,
  );
}
