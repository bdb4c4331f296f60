// One seeded generator for the benchmarks, so what they build from "random" data (request bodies,
// resamples of measurements) is the same on every run and in every environment (Node, the page).

/** mulberry32: a tiny seeded PRNG; each call gives the next unsigned 32-bit integer. */
export function seededUint32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
