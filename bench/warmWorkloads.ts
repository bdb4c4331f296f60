// The warm workloads, one fixed secret so signing keys are cached:
// - W4: many signings of the small POST. Floor: 2 digests + 1 HMAC with a CryptoKey imported once.
// - W2 / W3: one signing of a 1 MiB / 10 MiB random body. Floor: one digest of the body.
import type { BenchConfig, WorkloadId } from './benchConfig';
import { FIXED_SECRET, fixedSecret, type BenchRequest } from './benchRequest';
import type { Floor } from './floor';
import type { Implementation } from './implementations';
import { measure, type Measurements, type Runner } from './measure';

export async function runWarmWorkloads(options: {
  config: BenchConfig;
  requests: { small: BenchRequest; oneMiB: BenchRequest; tenMiB: BenchRequest };
  floor: { id: string; floor: Floor };
  implementations: Implementation[];
  now: () => number;
  log: (line: string) => void;
  record: (workload: WorkloadId, results: Measurements) => void;
}): Promise<void> {
  const { config, requests, floor, implementations, now, log, record } = options;
  await floor.floor.prepareWarmKey(fixedSecret.keyBytes);
  const warmRunners = (
    request: BenchRequest,
    signings: number,
    floorWork: () => Promise<unknown>,
  ): Runner[] => [
    {
      id: floor.id,
      sample: async () => {
        for (let j = 0; j < signings; j++) await floorWork();
        return signings;
      },
    },
    ...implementations.map((implementation): Runner => ({
      id: implementation.id,
      sample: async () => {
        for (let j = 0; j < signings; j++) await implementation.sign(request, FIXED_SECRET);
        return signings;
      },
    })),
  ];

  {
    const { repeats, signings, warmupRepeats } = config.w4;
    const runners = warmRunners(requests.small, signings, () => floor.floor.warm(requests.small));
    log(`W4: warm-up, then ${repeats} repeats × ${signings} warm signings`);
    await measure(runners, warmupRepeats, now);
    record('W4', await measure(runners, repeats, now));
  }
  for (const [workload, request, { repeats, warmupRepeats }] of [
    ['W2', requests.oneMiB, config.w2],
    ['W3', requests.tenMiB, config.w3],
  ] as const) {
    const runners = warmRunners(request, 1, () => floor.floor.digestOnly(request));
    log(`${workload}: warm-up, then ${repeats} repeats × 1 signing of the ${request.name}`);
    await measure(runners, warmupRepeats, now);
    record(workload, await measure(runners, repeats, now));
  }
}
