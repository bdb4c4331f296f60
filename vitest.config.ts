import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'server/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test-support/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    // A hang guard, not a speed check: tests that start gateways, curl or python3 wait on other
    // processes, and on a 2-core machine running typecheck and lint beside them (npm test) 5 s
    // was reached by load alone.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The files of a worker share one module graph: the signer, fast-check and the gateway are
    // loaded once per worker, not once per file. Tests build their own stores, servers and
    // signers, and stub no globals, so nothing leaks from one file into the next.
    isolate: false,
    setupFiles: ['test-support/vitest/warmFastCheck.ts'],
    // Vitest's default is one worker per core but one, so one on a 2-core machine. Many files
    // mostly wait (on python3, curl, the gateway's child process, a relay's timeout), so a second
    // worker overlaps them (unit tests 78-85 s with one, 59-66 s with two, on 2 cores).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // What the code under test logs (the gateway's and the relay's request lines) is shown for a
    // failing test only: a passing run reads as its results.
    silent: 'passed-only',
  },
});
