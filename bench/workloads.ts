/**
 * The signing benchmark itself, shared by the Node round (bench/run.ts) and the Chromium round
 * (bench/browserEntry.ts). It measures how long one SigV4 signing takes with our signer, aws4fetch
 * and @smithy/signature-v4, next to a bare crypto.subtle "floor": the least WebCrypto work any
 * SigV4 signer has to do for the same request. The ratio floor / implementation says how much of
 * an implementation's time is unavoidable crypto (1.0 = nothing but the floor).
 *
 * Workloads (one POST to API Gateway, execute-api in ca-central-1; benchRequest.ts):
 * - W1 (coldWorkload.ts): ≈100-byte JSON body, a new secret every signing.
 * - W4, W2, W3 (warmWorkloads.ts): 1,000 signings with the same credentials; the same request
 *   with a 1 MiB / 10 MiB random body.
 * - SigV4 next to SigV4a for our signers (sigv4aWorkload.ts).
 * Before any timing, every implementation must produce the same signature (agreement.ts).
 *
 * Every repeat runs each implementation once, in an order rotated by one per repeat, so drift in
 * the machine (frequency, GC, other processes) spreads over all of them; we report medians.
 *
 * Pure on purpose: no Node or DOM API is touched here. SubtleCrypto and the clock are parameters,
 * which is what lets the very same code run under tsx and bundled into a Chromium page. (aws4fetch
 * is the exception that proves the rule: it always uses the global crypto.subtle.)
 */
import { createWebCryptoSigning } from '../src/signing';
import type { Cell, EnvironmentResult, ExtraSigner, RunOptions, WorkloadId } from './benchConfig';
import { checkAgreement, competitorDefaultsNotes } from './agreement';
import { makeRequest, randomBytes, SMALL_BODY } from './benchRequest';
import { runColdWorkload } from './coldWorkload';
import { Floor } from './floor';
import { aws4fetchSigner, ourSigner, smithySigner, type Implementation } from './implementations';
import { summarize, type Measurements } from './measure';
import { runSigV4aWorkload } from './sigv4aWorkload';
import { runWarmWorkloads } from './warmWorkloads';

const FLOOR_ID = 'floor';
const OURS_LABEL = 'ours (createWebCryptoSigning)';

export async function runBenchmarks(options: RunOptions): Promise<EnvironmentResult> {
  const { subtle, now, config } = options;
  const log = options.log ?? (() => {});
  const started = now();

  const implementations: Implementation[] = [
    ourSigner('ours', OURS_LABEL, createWebCryptoSigning(subtle)),
    ...(options.extraSigners ?? []).map((extra) => ourSigner(extra.id, extra.label, extra.crypto)),
    aws4fetchSigner(true),
    smithySigner(false),
  ];
  const floor = { id: FLOOR_ID, floor: new Floor(subtle) };

  const small = makeRequest('small POST', SMALL_BODY);
  const oneMiB = makeRequest('1 MiB body', randomBytes(1 << 20, 1));
  const tenMiB = makeRequest('10 MiB body', randomBytes(10 << 20, 10));

  const { agreement, agreed } = await checkAgreement(implementations, floor.floor, subtle, [
    small,
    oneMiB,
    tenMiB,
  ]);
  const notes = await competitorDefaultsNotes(implementations[0]!, small);

  const allIds = [FLOOR_ID, ...implementations.map((i) => i.id)];
  const cells = new Map<string, Partial<Record<WorkloadId, Cell>>>(allIds.map((id) => [id, {}]));
  const record = (workload: WorkloadId, results: Measurements): void => {
    for (const [id, { times, perSample }] of results) {
      cells.get(id)![workload] = summarize(times, perSample);
    }
  };

  const workload = { floor, implementations, now, log };
  record('W1', await runColdWorkload({ ...workload, config: config.w1, request: small }));
  await runWarmWorkloads({ ...workload, config, requests: { small, oneMiB, tenMiB }, record });

  const ourCryptos: ExtraSigner[] = [
    { id: 'ours', label: OURS_LABEL, crypto: createWebCryptoSigning(subtle) },
    ...(options.extraSigners ?? []),
  ];
  const sigv4a = await runSigV4aWorkload({
    config,
    request: small,
    signers: ourCryptos,
    now,
    log,
  });

  const labels = new Map<string, string>([
    [FLOOR_ID, 'crypto.subtle floor'],
    ...implementations.map((i): [string, string] => [i.id, i.label]),
  ]);
  return {
    implementations: allIds.map((id) => ({
      id,
      label: labels.get(id)!,
      isFloor: id === FLOOR_ID,
      cells: cells.get(id) as Record<WorkloadId, Cell>,
    })),
    sigv4a,
    agreement,
    agreed,
    notes,
    elapsedMs: now() - started,
  };
}
