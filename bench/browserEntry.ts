/**
 * The Chromium round of `npm run bench`: bench/run.ts bundles this file (serveBundle), opens it in
 * headless Chromium and calls window.runSigningBench. It runs the same workloads as the Node round
 * (bench/workloads.ts) on the page's own crypto.subtle and performance.now(), because the browser
 * is where the signer ships and where the targets apply.
 */
import { getDefaultSigningCrypto } from '../src/signing';
import type { BenchConfig, EnvironmentResult } from './benchConfig';
import { runBenchmarks } from './workloads';

declare global {
  interface Window {
    runSigningBench?: (config: BenchConfig) => Promise<EnvironmentResult>;
  }
}

window.runSigningBench = async (config) => {
  const result = await runBenchmarks({
    subtle: crypto.subtle,
    now: () => performance.now(),
    config,
    // Forwarded to the terminal by run.ts (page 'console' events).
    log: (line) => console.log(`[bench] ${line}`),
  });
  result.notes.push(
    `default signRequest() here runs on: ${getDefaultSigningCrypto().name}` +
      `; crossOriginIsolated=${String(self.crossOriginIsolated)} ` +
      '(performance.now() resolution: 5 µs when isolated, 100 µs when not)',
  );
  return result;
};
