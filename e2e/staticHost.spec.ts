// The built page as a team hosts it (issue 15): dist/ served by a plain static file server
// (Python's http.server) under a sub-path, with no relay and no playground-config.json there. The
// page finds no relay, defaults to direct mode, says what direct mode needs, and still signs and
// sends: 200 from the local gateway (CORS on), "Blocked by CORS" with the guidance from one without.
import { expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGatewayWithoutCors } from '../test-support/gatewayWithoutCors';
import { PlaygroundPage, test } from './pages/playground';
import { freePort } from '../test-support/freePort';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SUB_PATH = '/tools/sigv4/';

let site: string;
let host: ChildProcess;
let pageUrl: string;

test.beforeAll(async () => {
  // dist/ is what npm start (Playwright's web server) has just built.
  site = mkdtempSync(path.join(tmpdir(), 'sigv4-static-'));
  mkdirSync(path.join(site, 'tools'));
  symlinkSync(path.join(repoRoot, 'dist'), path.join(site, 'tools', 'sigv4'));
  const port = await freePort();
  host = spawn(
    '/usr/bin/python3',
    ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site],
    { stdio: 'ignore' },
  );
  pageUrl = `http://127.0.0.1:${port}${SUB_PATH}`;
  await expect
    .poll(async () => (await fetch(pageUrl).catch(() => undefined))?.status, { timeout: 15_000 })
    .toBe(200);
});

test.afterAll(() => {
  host?.kill('SIGKILL');
  rmSync(site, { recursive: true, force: true });
});

test('hosted under a sub-path without a relay: direct mode, what it needs, Send → 200', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open(pageUrl);
  await expect(page.getByRole('radio', { name: /^Relay\b/ })).toBeDisabled();
  await expect(page.getByRole('radio', { name: /^Direct\b/ })).toBeChecked();
  const origin = new URL(pageUrl).origin;
  await expect(page.getByText(/^No relay here/)).toContainText(
    `the API must allow CORS for ${origin}: on API Gateway, enable CORS`,
  );
  await expect(page.getByText(/^No relay here/)).toContainText('X-Amz-Date');
  expect(await playground.send()).toMatch(/^200\b/);
});

test('hosted without a relay, against an API without CORS: "Blocked by CORS" and what to do', async ({
  page,
}) => {
  const noCors = await startGatewayWithoutCors();
  try {
    const playground = new PlaygroundPage(page);
    await playground.open(pageUrl);
    await playground.setRequest({ url: noCors.helloUrl });
    expect(await playground.send()).toContain('Blocked by CORS');
    await expect(playground.response).toContainText('Access-Control-Allow-Headers');
    await expect(playground.response).toContainText('enable CORS on the resource');
  } finally {
    await noCors.close();
  }
});
