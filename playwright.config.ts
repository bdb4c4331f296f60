import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test-support/browser/chromium';

// `npm start`: the built app and the relay on 5173, the local API Gateway on 5174.
const baseURL = 'http://127.0.0.1:5173';

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
  // The real thing, as a user starts it: the page, the relay and the gateway it talks to.
  webServer: {
    command: 'npm start',
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    // vite build on a 2-core machine, then the servers.
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
