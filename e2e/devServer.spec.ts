// `npm run dev` in Chromium: Vite's dev server as vite.config.ts sets it up, started here on a
// free 127.0.0.1 port (not the npm start of playwright.config.ts). The page, React Refresh and
// Vite's client run under the dev server's Content-Security-Policy without a violation. What the
// dev server refuses to serve is checked without a browser, in server/viteServers.test.ts.
import { expect, test } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
let server: ViteDevServer;
let base: string;

test.beforeAll(async () => {
  server = await createServer({
    root,
    configFile: `${root}vite.config.ts`,
    server: { port: 0 },
    logLevel: 'silent',
  });
  await server.listen();
  base = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await server?.close();
});

test('npm run dev: the page runs with hot reload and no policy violation', async ({ page }) => {
  // Vite pre-bundles the dependencies on the first visit: more than a journey's usual time.
  test.slow();
  const refused: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
  });
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const violations = () =>
    page.evaluate(() => (window as unknown as { violations: string[] }).violations);

  await page.goto(`${base}/`);
  await expect(page.getByRole('region', { name: 'Signature', exact: true })).toContainText(
    /[0-9a-f]{64}/,
  );
  // A panel that loads on first use.
  await page.getByText('Paste an AWS error').click();
  await page.getByLabel('AWS error', { exact: true }).fill('{"message":"Forbidden"}');
  expect(await violations()).toEqual([]);
  expect(refused).toEqual([]);
  // React Refresh and Vite's client both ran: the preamble's hash is right.
  expect(
    await page.evaluate(
      () => typeof (window as unknown as { $RefreshReg$?: unknown }).$RefreshReg$,
    ),
  ).toBe('function');
  await expect.poll(() => console).toContain('[vite] connected.');

  // And the listener hears a violation when there is one: an inline script is refused.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
  });
  await expect.poll(violations).toEqual(['script-src-elem inline']);
});
