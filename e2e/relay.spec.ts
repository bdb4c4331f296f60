// The relay from a page in Chromium: what the browser itself sends (Origin, Sec-Fetch-Site, Host)
// decides whether the relay's guard lets the page through, against npm start's relay as the
// playground uses it; and a relay with a small limit answers an over-long upload early, which
// the page reads. Another site's attempts are in security.spec.ts; the relay's every rule,
// without a browser, in server/relay/*.test.ts.
import { expect, test } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRelayHandler } from '../server/relay/relayHandler';
import { RELAY_HEADER, RELAY_PATH, type RelayFailure } from '../src/transport/relayProtocol';
import { PlaygroundPage } from './pages/playground';

test.describe('the relay, from the playground page', () => {
  // The page is served on 127.0.0.1; localhost names the same server and is its own origin.
  for (const host of ['127.0.0.1', 'localhost']) {
    test(`lets the page through when it is opened as ${host}`, async ({ page }) => {
      const playground = new PlaygroundPage(page);
      await playground.open(`http://${host}:5173/`);
      await playground.setTransport('relay');
      expect(await playground.send()).toMatch(/^200\b/);
      await expect(playground.response).toContainText('via relay');
    });
  }

  test('a body over the limit: the page reads the relay’s early 413, not a broken connection', async ({
    page,
  }) => {
    // A relay of its own with a 64 KiB limit, behind a blank page of its origin: npm start's is
    // 10 MiB, which would take a 14 MB upload to cross. 2 MiB is far more than the socket buffers
    // hold, so the 413 arrives while the page is still sending.
    const maxBodyBytes = 64 * 1024;
    let port = 0;
    const relay = createRelayHandler({ port: () => port, maxBodyBytes, log: () => {} });
    const server = createServer((request, response) => {
      if (request.url === RELAY_PATH) return relay(request, response);
      response
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!doctype html><title>app</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      const answer = await page.evaluate(
        async ({ path, relayHeader, bodyBase64Length }) => {
          const response = await fetch(path, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              method: 'POST',
              url: 'http://127.0.0.1:5174/prod/hello',
              headers: [],
              bodyBase64: 'A'.repeat(bodyBase64Length),
            }),
          });
          return {
            status: response.status,
            relay: response.headers.get(relayHeader),
            text: await response.text(),
          };
        },
        {
          path: RELAY_PATH,
          relayHeader: RELAY_HEADER,
          bodyBase64Length: Math.ceil((2 * 2 ** 20) / 3) * 4,
        },
      );
      expect(answer.status, answer.text).toBe(413);
      expect(answer.relay).toBe('1');
      expect((JSON.parse(answer.text) as RelayFailure).error.type).toBe('body-too-large');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
