// W1: the small POST with a new secret every signing, so every signing derives its signing key.
// Floor: 2 digests + 5 HMACs, each HMAC = importKey + sign, run one after another.
import type { BenchConfig } from './benchConfig';
import { makeSecrets, type BenchRequest, type Secret } from './benchRequest';
import type { Floor } from './floor';
import type { Implementation } from './implementations';
import { measure, type Measurements, type Runner } from './measure';

export async function runColdWorkload(options: {
  config: BenchConfig['w1'];
  request: BenchRequest;
  floor: { id: string; floor: Floor };
  implementations: Implementation[];
  now: () => number;
  log: (line: string) => void;
}): Promise<Measurements> {
  const { repeats, batch, warmupRepeats } = options.config;
  const { request, floor, implementations, now } = options;
  // A distinct secret per signing; the warm-up has its own.
  const warmupSecrets = makeSecrets(warmupRepeats * batch, 7);
  const secrets = makeSecrets(repeats * batch, 11);
  const runners = (pool: Secret[]): Runner[] => [
    {
      id: floor.id,
      sample: async (repeat) => {
        for (let j = 0; j < batch; j++) {
          await floor.floor.cold(request, pool[repeat * batch + j]!.keyBytes);
        }
        return batch;
      },
    },
    ...implementations.map((implementation): Runner => ({
      id: implementation.id,
      sample: async (repeat) => {
        for (let j = 0; j < batch; j++) {
          await implementation.sign(request, pool[repeat * batch + j]!.secret);
        }
        return batch;
      },
    })),
  ];
  options.log(`W1: warm-up, then ${repeats} repeats × ${batch} cold signings`);
  await measure(runners(warmupSecrets), warmupRepeats, now);
  return measure(runners(secrets), repeats, now);
}
