// Runs random request shapes through our signer and one of AWS's signers in oracle.py, batch by
// batch, and collects every case on which they disagree, with a report that reproduces it.
import fc from 'fast-check';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { createSigner, verifySigV4aSignature, type SigningResult } from '../../src/signing';
import { PythonOracle, toOracleCase, type OracleName, type OracleResult } from './pythonOracle';
import {
  describeShape,
  requestShape,
  sentHeaderLines,
  toSigningInput,
  wireUrl,
  type RequestShape,
} from './requestShapes';

export interface ArtifactDifference {
  artifact: string;
  ours: string;
  theirs: string;
}

export interface Disagreement {
  index: number;
  shape: RequestShape;
  differences: ArtifactDifference[];
}

export interface DifferentialRun {
  oracle: OracleName;
  seed: number;
  runs: number;
  compared: number;
  disagreements: Disagreement[];
  /** The shapes compared (after the oracle's fit), for the coverage check. */
  shapes: RequestShape[];
}

const BATCH_SIZE = 250;

/**
 * Each shape signed by our signer and by the oracle, in order: batch by batch to one oracle.py
 * process, closed when the loop ends (or leaves early).
 */
export async function* signedByBoth(
  oracleName: OracleName,
  shapes: readonly RequestShape[],
): AsyncGenerator<{
  index: number;
  shape: RequestShape;
  ours: SigningResult;
  theirs: OracleResult;
}> {
  const signer = createSigner({ crypto: nodeSigningCrypto });
  const oracle = await PythonOracle.start(oracleName);
  try {
    for (let start = 0; start < shapes.length; start += BATCH_SIZE) {
      const batch = shapes.slice(start, start + BATCH_SIZE);
      const ours: SigningResult[] = [];
      for (const shape of batch) ours.push(await signer.signRequest(toSigningInput(shape)));
      const theirs = await oracle.sign(batch.map((shape, i) => toOracleCase(shape, ours[i]!)));
      for (const [i, shape] of batch.entries())
        yield { index: start + i, shape, ours: ours[i]!, theirs: theirs[i]! };
    }
  } finally {
    await oracle.close();
  }
}

/**
 * Signs `runs` random shapes (seeded) with ours and with the oracle. `fit` maps a shape onto the
 * nearest one the oracle signs by AWS's rules (each change commented where it is defined).
 */
export async function runDifferential(options: {
  oracle: OracleName;
  runs: number;
  seed: number;
  fit?: (shape: RequestShape) => RequestShape;
}): Promise<DifferentialRun> {
  const { runs, seed, fit = (shape) => shape } = options;
  const shapes = fc.sample(requestShape.map(fit), { seed, numRuns: runs });
  const run: DifferentialRun = {
    oracle: options.oracle,
    seed,
    runs,
    compared: 0,
    disagreements: [],
    shapes,
  };
  for await (const { index, shape, ours, theirs } of signedByBoth(options.oracle, shapes)) {
    const differences = await compareArtifacts(ours, theirs);
    run.compared++;
    if (differences.length > 0) run.disagreements.push({ index, shape, differences });
  }
  return run;
}

async function compareArtifacts(
  ours: SigningResult,
  theirs: OracleResult,
): Promise<ArtifactDifference[]> {
  if (theirs.error !== undefined) {
    return [{ artifact: 'oracle error', ours: '(signed)', theirs: theirs.error }];
  }
  const differences: ArtifactDifference[] = [];
  const same = (artifact: string, mine: string, other: string | undefined) => {
    if (mine !== other) differences.push({ artifact, ours: mine, theirs: other ?? '(none)' });
  };
  same('canonical request', ours.canonicalRequest, theirs.canonicalRequest);
  same('string to sign', ours.stringToSign, theirs.stringToSign);
  if (ours.algorithm === 'sigv4') {
    same('signature', ours.signature, theirs.signature);
    return differences;
  }
  // SigV4a signatures are randomized: each side's signature is verified instead of compared.
  if (theirs.oursVerifies !== true) {
    differences.push({
      artifact: 'our SigV4a signature, verified by python3-cryptography',
      ours: ours.signature,
      theirs: 'does not verify over the oracle string to sign with our public key',
    });
  }
  const theirsVerifies =
    theirs.signature !== undefined &&
    (await verifySigV4aSignature(
      ours.sigv4a.publicKey,
      ours.stringToSign,
      theirs.signature,
      nodeSigningCrypto,
    ));
  if (!theirsVerifies) {
    differences.push({
      artifact: 'oracle SigV4a signature, verified by ours',
      ours: `public key ${ours.sigv4a.publicKey.x},${ours.sigv4a.publicKey.y}`,
      theirs: `${theirs.signature ?? '(none)'} does not verify over our string to sign`,
    });
  }
  return differences;
}

/** Which part of the canonical request differs first: where to look. */
function firstDifferingPart(ours: string, theirs: string): string {
  const a = ours.split('\n');
  const b = theirs.split('\n');
  const part = (lines: string[], i: number) =>
    i === 0
      ? 'method'
      : i === 1
        ? 'canonical URI'
        : i === 2
          ? 'canonical query'
          : i >= lines.length - 2
            ? i === lines.length - 2
              ? 'signed headers'
              : 'payload hash'
            : 'canonical headers';
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return part(a, i);
  }
  return 'none';
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `      ${JSON.stringify(line).slice(1, -1)}`)
    .join('\n');

/** A report of the disagreements: counts by kind, then the first cases in full. */
export function formatReport(run: DifferentialRun, limit = 5): string {
  const { disagreements } = run;
  if (disagreements.length === 0) return `0 of ${run.compared} cases disagree with ${run.oracle}.`;
  const kinds = new Map<string, number>();
  for (const { differences } of disagreements) {
    const first = differences[0]!;
    const kind =
      first.artifact === 'canonical request'
        ? `canonical request (${firstDifferingPart(first.ours, first.theirs)})`
        : first.artifact;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const lines = [
    `${disagreements.length} of ${run.compared} cases disagree with ${run.oracle}; reproduce with ` +
      `DIFFERENTIAL_SEED=${run.seed} DIFFERENTIAL_RUNS=${run.runs}.`,
    ...[...kinds].map(([kind, count]) => `  ${count} × ${kind}`),
  ];
  for (const { index, shape, differences } of disagreements.slice(0, limit)) {
    lines.push(
      '',
      `case #${index}: ${shape.method} ${wireUrl(shape)} (${shape.algorithm}, ${shape.mode} mode, ` +
        `${shape.rules} rules, payload ${shape.payload})`,
      `  headers: ${JSON.stringify(sentHeaderLines(shape))}`,
    );
    for (const difference of differences) {
      lines.push(
        `  ${difference.artifact}:`,
        `    ours:`,
        indent(difference.ours),
        `    ${run.oracle}:`,
        indent(difference.theirs),
      );
    }
    lines.push(`  shape: ${describeShape(shape)}`);
  }
  return lines.join('\n');
}
