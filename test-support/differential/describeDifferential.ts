// One differential suite against one of AWS's signers in oracle.py: the shared random requests
// (requestShapes.ts), fitted to what that signer signs by AWS's rules, compared artifact by
// artifact (runDifferential.ts); with enough runs, also a check that the random requests covered
// every feature the fit keeps.
import { describe, expect, it } from 'vitest';
import type { OracleName } from './pythonOracle';
import {
  ALL_FEATURES,
  differentialRuns,
  differentialSeed,
  missingFeatures,
  type RequestShape,
} from './requestShapes';
import { formatReport, runDifferential } from './runDifferential';

/** Cases per oracle in a plain `npm test` (DIFFERENTIAL_RUNS overrides it). */
const DEFAULT_RUNS = 2000;

export function describeDifferential(options: {
  title: string;
  oracle: OracleName;
  /** Maps a shape onto the nearest one the oracle signs by AWS's rules. */
  fit: (shape: RequestShape) => RequestShape;
  /** The features the fit leaves out entirely, so the coverage check does not ask for them. */
  leftOut?: ReadonlySet<string>;
}): void {
  const { title, oracle, fit, leftOut = new Set() } = options;
  const runs = differentialRuns(DEFAULT_RUNS);
  describe(title, () => {
    it(
      `agrees on canonical request, string to sign and signature of ${runs} random requests`,
      async () => {
        const run = await runDifferential({ oracle, runs, seed: differentialSeed(), fit });
        expect(run.compared).toBe(runs);
        expect(run.disagreements.length, formatReport(run)).toBe(0);
        if (runs >= 1000) {
          const expected = ALL_FEATURES.filter((feature) => !leftOut.has(feature));
          expect(missingFeatures(run.shapes, expected)).toEqual([]);
        }
      },
      60_000 + runs * 20,
    );
  });
}
