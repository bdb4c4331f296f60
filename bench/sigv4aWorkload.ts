// SigV4a next to SigV4, our signers only: the small POST cold (a new secret per signing, so SigV4a
// derives and imports a P-256 key each time) and warm. ECDSA signatures are randomized, so instead
// of an agreement check each signer's signature is verified with its derived public key.
import { verifySigV4aSignature, type SigningResult } from '../src/signing';
import type { BenchConfig, ExtraSigner, SigV4aRow } from './benchConfig';
import { FIXED_SECRET, makeSecrets, type BenchRequest, type Secret } from './benchRequest';
import { ourSigner } from './implementations';
import { measure, summarize, type Measurements, type Runner } from './measure';

export async function runSigV4aWorkload(options: {
  config: BenchConfig;
  request: BenchRequest;
  signers: ExtraSigner[];
  now: () => number;
  log: (line: string) => void;
}): Promise<SigV4aRow[]> {
  const { config, request, now, log } = options;
  const rows: SigV4aRow[] = [];
  const { repeats, batch, warmupRepeats } = config.w1;
  const warm = config.w4;
  const warmSignings = Math.max(1, Math.round(warm.signings / 10));
  const secrets = makeSecrets(repeats * batch, 13);
  const warmupSecrets = makeSecrets(warmupRepeats * batch, 17);
  for (const { id, label, crypto } of options.signers) {
    const v4 = ourSigner(`${id}-v4`, label, crypto);
    const v4a = ourSigner(`${id}-v4a`, label, crypto, 'sigv4a');
    const sample = (await v4a.sign(request, FIXED_SECRET)) as SigningResult;
    const verified =
      sample.algorithm === 'sigv4a' &&
      (await verifySigV4aSignature(
        sample.sigv4a.publicKey,
        sample.stringToSign,
        sample.signature,
        crypto,
      ));
    const coldRunners = (pool: Secret[]): Runner[] =>
      [v4, v4a].map((implementation) => ({
        id: implementation.id,
        sample: async (repeat) => {
          for (let j = 0; j < batch; j++) {
            await implementation.sign(request, pool[repeat * batch + j]!.secret);
          }
          return batch;
        },
      }));
    const warmRunners: Runner[] = [v4, v4a].map((implementation) => ({
      id: implementation.id,
      sample: async () => {
        for (let j = 0; j < warmSignings; j++) await implementation.sign(request, FIXED_SECRET);
        return warmSignings;
      },
    }));
    log(`SigV4a (${id}): cold ${repeats} × ${batch}, warm ${warm.repeats} × ${warmSignings}`);
    await measure(coldRunners(warmupSecrets), warmupRepeats, now);
    const cold = await measure(coldRunners(secrets), repeats, now);
    await measure(warmRunners, warm.warmupRepeats, now);
    const warmResults = await measure(warmRunners, warm.repeats, now);
    const cell = (results: Measurements, key: string) => {
      const { times, perSample } = results.get(key)!;
      return summarize(times, perSample);
    };
    rows.push({
      id,
      label,
      sigv4Cold: cell(cold, v4.id),
      sigv4aCold: cell(cold, v4a.id),
      sigv4Warm: cell(warmResults, v4.id),
      sigv4aWarm: cell(warmResults, v4a.id),
      verified,
    });
  }
  return rows;
}
