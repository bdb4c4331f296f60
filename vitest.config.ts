import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'server/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test-support/**/*.test.ts',
    ],
    environment: 'node',
    // The files of a worker share one module graph: the signer, fast-check and the gateway are
    // loaded once per worker, not once per file. Tests build their own stores, servers and
    // signers, and stub no globals, so nothing leaks from one file into the next.
    isolate: false,
    setupFiles: ['test-support/vitest/warmFastCheck.ts'],
  },
});
