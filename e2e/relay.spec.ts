// The relay from the playground page in Chromium, against npm start: what the browser itself sends
// (Origin, Sec-Fetch-Site, Host) decides whether the relay's guard lets the page through. Another
// site's attempts are in security.spec.ts; the relay's every rule, without a browser, in
// server/relay/*.test.ts.
import { expect, test } from '@playwright/test';
import { RELAY_MAX_REQUEST_BYTES } from '../src/transport/limits';
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
    const playground = new PlaygroundPage(page);
    await playground.open();
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
      // Base64 of 2 MiB more than the relay carries.
      {
        path: RELAY_PATH,
        relayHeader: RELAY_HEADER,
        bodyBase64Length: Math.ceil((RELAY_MAX_REQUEST_BYTES + 2 ** 21) / 3) * 4,
      },
    );
    expect(answer.status, answer.text).toBe(413);
    expect(answer.relay).toBe('1');
    expect((JSON.parse(answer.text) as RelayFailure).error.type).toBe('body-too-large');
  });
});
