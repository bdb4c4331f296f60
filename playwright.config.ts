import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test-support/browser/chromium';

const PORT = 4179;
const baseURL = `http://127.0.0.1:${PORT}`;

// Browser tests run in Chromium only: Debian's /usr/bin/chromium by default, since Playwright
// cannot download its own browsers here (see test-support/browser/chromium.ts).
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  // Keep the run quiet: the tests' own console output is not echoed.
  quiet: true,
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: chromiumLaunchOptions(),
    screenshot: 'only-on-failure',
    trace: 'off',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    // tsc -b and vite build on a 2-core machine.
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
