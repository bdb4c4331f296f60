// How far a difference of two medians measured on a noisy machine can be trusted. bench:ui holds
// the app's median against a blank page's, from a few dozen cold loads each; on two shared cores
// the same two pages' medians were 0 ms apart in one run and 50 ms in the next, so a bare figure
// read as a gain (or a loss) was often noise. The interval says how wide that noise is.
import { lowerMedian, quantile } from './quantiles';
import { seededUint32 } from './seededRandom';

/** As many values drawn from `values` with replacement; `next` gives unsigned 32-bit integers. */
function resample(values: readonly number[], next: () => number): number[] {
  return Array.from({ length: values.length }, () => values[next() % values.length]!);
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * A 95% percentile-bootstrap interval for median(a) − median(b): each side resampled with
 * replacement `resamples` times (a fixed count, so the work is bounded whatever the input). NaN
 * bounds when either side has no samples.
 */
export function differenceOfMediansInterval(
  a: readonly number[],
  b: readonly number[],
  { resamples = 2000, seed = 1 }: { resamples?: number; seed?: number } = {},
): Interval {
  if (a.length === 0 || b.length === 0) return { low: NaN, high: NaN };
  // Seeded: the same samples give the same interval every time.
  const next = seededUint32(seed);
  const differences: number[] = [];
  for (let i = 0; i < resamples; i++)
    differences.push(lowerMedian(resample(a, next)) - lowerMedian(resample(b, next)));
  differences.sort((x, y) => x - y);
  return { low: quantile(differences, 0.025), high: quantile(differences, 0.975) };
}
