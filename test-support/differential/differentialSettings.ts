// How many cases a differential run tries and with which seed, from the environment.
/** The seed of this run: DIFFERENTIAL_SEED reproduces an earlier run. */
export function differentialSeed(): number {
  const fromEnv = process.env.DIFFERENTIAL_SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) throw new Error(`DIFFERENTIAL_SEED must be an integer.`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** Cases per oracle: DIFFERENTIAL_RUNS, or the default of a plain `npm test`. */
export function differentialRuns(defaultRuns: number): number {
  const fromEnv = process.env.DIFFERENTIAL_RUNS;
  if (fromEnv === undefined || fromEnv === '') return defaultRuns;
  const runs = Number(fromEnv);
  if (!Number.isSafeInteger(runs) || runs < 1) {
    throw new Error(`DIFFERENTIAL_RUNS must be a positive integer.`);
  }
  return runs;
}
