// Timing: interleaved repeats over several runners, summarized as median and quartiles per signing.
import type { Cell } from './benchConfig';
import { interpolatedQuantile } from './quantiles';

export interface Runner {
  id: string;
  /** Runs one sample (repeat number given) and returns how many signings it made. */
  sample(repeat: number): Promise<number>;
}

/** Per runner id: the time per signing of every sample, and signings per sample. */
export type Measurements = Map<string, { times: number[]; perSample: number }>;

/**
 * Interleaved repeats: repeat r runs every runner once, starting at runner r mod n, so drift in
 * the machine (frequency, GC, other processes) spreads over all of them.
 */
export async function measure(
  runners: Runner[],
  repeats: number,
  now: () => number,
): Promise<Measurements> {
  const results: Measurements = new Map();
  for (const runner of runners) results.set(runner.id, { times: [], perSample: 0 });
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (let i = 0; i < runners.length; i++) {
      const runner = runners[(i + repeat) % runners.length]!;
      const start = now();
      const signings = await runner.sample(repeat);
      const elapsed = now() - start;
      const entry = results.get(runner.id)!;
      entry.times.push(elapsed / signings);
      entry.perSample = signings;
    }
  }
  return results;
}

export function summarize(times: number[], perSample: number): Cell {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: interpolatedQuantile(sorted, 0.5),
    q1: interpolatedQuantile(sorted, 0.25),
    q3: interpolatedQuantile(sorted, 0.75),
    samples: sorted.length,
    perSample,
  };
}
