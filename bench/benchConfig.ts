// What a benchmark run is configured with and what it returns, shared by the workloads, the Node
// round (bench/run.ts) and the Chromium round (bench/browserEntry.ts).
import type { SigningCrypto } from '../src/signing';

export type WorkloadId = 'W1' | 'W4' | 'W2' | 'W3';
export const WORKLOAD_IDS: readonly WorkloadId[] = ['W1', 'W4', 'W2', 'W3'];

export interface BenchConfig {
  /** Cold small POST: `repeats` samples of `batch` signings, each with a new secret. */
  w1: { repeats: number; batch: number; warmupRepeats: number };
  /** Warm: `repeats` samples of `signings` signings with the same credentials. */
  w4: { repeats: number; signings: number; warmupRepeats: number };
  /** 1 MiB body: `repeats` samples of one signing. */
  w2: { repeats: number; warmupRepeats: number };
  /** 10 MiB body: `repeats` samples of one signing. */
  w3: { repeats: number; warmupRepeats: number };
}

export const DEFAULT_CONFIG: BenchConfig = {
  w1: { repeats: 200, batch: 20, warmupRepeats: 10 },
  w4: { repeats: 15, signings: 1000, warmupRepeats: 1 },
  w2: { repeats: 25, warmupRepeats: 2 },
  w3: { repeats: 11, warmupRepeats: 1 },
};

/** A short run for trying the harness out (BENCH_QUICK=1); its numbers are noisy. */
export const QUICK_CONFIG: BenchConfig = {
  w1: { repeats: 20, batch: 10, warmupRepeats: 2 },
  w4: { repeats: 3, signings: 200, warmupRepeats: 1 },
  w2: { repeats: 3, warmupRepeats: 1 },
  w3: { repeats: 3, warmupRepeats: 1 },
};

/** Time per signing, in milliseconds, over the samples of one implementation and workload. */
export interface Cell {
  median: number;
  q1: number;
  q3: number;
  samples: number;
  /** Signings per sample. */
  perSample: number;
}

export interface ImplementationResult {
  id: string;
  label: string;
  isFloor: boolean;
  cells: Record<WorkloadId, Cell>;
}

/** SigV4 next to SigV4a (AWS4-ECDSA-P256-SHA256) for one of our signers: cold and warm. */
export interface SigV4aRow {
  id: string;
  label: string;
  /** The small POST with a new secret per signing (W1's inputs): key derivation included. */
  sigv4Cold: Cell;
  sigv4aCold: Cell;
  /** The small POST with the fixed secret (W4's inputs): keys cached. */
  sigv4Warm: Cell;
  sigv4aWarm: Cell;
  /** Whether a SigV4a signature of this signer verified with the derived public key. */
  verified: boolean;
}

export interface EnvironmentResult {
  implementations: ImplementationResult[];
  /** SigV4 vs SigV4a for our signers (measured after the main workloads). */
  sigv4a?: SigV4aRow[];
  /** Lines about the signature agreement check, ready to print. */
  agreement: string[];
  /** False if any implementation produced a different signature than ours. */
  agreed: boolean;
  notes: string[];
  elapsedMs: number;
}

/** Another SigningCrypto to run our signer on, e.g. node:crypto in the Node round. */
export interface ExtraSigner {
  id: string;
  label: string;
  crypto: SigningCrypto;
}

export interface RunOptions {
  subtle: SubtleCrypto;
  now: () => number;
  config: BenchConfig;
  extraSigners?: ExtraSigner[];
  log?: (line: string) => void;
}
