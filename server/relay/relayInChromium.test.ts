// The relay from a real page in Chromium: what the browser sends decides whether the guard lets
// the page through.
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RELAY_PATH,
  type RelayFailure,
  type RelayResponse,
} from '../../src/transport/relayProtocol';
import { chromiumExecutablePath, chromiumLaunchOptions } from '../../test-support/browser/chromium';
import {
  b64,
  BINARY_BODY,
  closeStarted,
  onCleanup,
  startEchoGateway,
  startRelay,
  startTarget,
  type EchoBody,
  type EchoGateway,
} from './relayTestSupport';

afterAll(closeStarted);

let gateway: EchoGateway;
beforeAll(async () => {
  gateway = await startEchoGateway();
});

describe.skipIf(!chromiumExecutablePath())('from a real page in Chromium', () => {
  it('lets the same-origin page through (Chromium sends Origin) and refuses another origin', async () => {
    const relay = await startRelay({ maxBodyBytes: 64 * 1024 });
    const foreign = await startTarget((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>elsewhere</title>');
    });
    const relayRequest = await gateway.signedRelayRequest({
      path: '/prod/from-browser',
      body: BINARY_BODY,
    });
    const browser = await chromium.launch(chromiumLaunchOptions());
    onCleanup(() => browser.close());
    const page = await browser.newPage();

    const post = (url: string, body: string, mode: RequestMode = 'cors') =>
      page.evaluate(
        async ({ url, body, mode }) => {
          try {
            const res = await fetch(url, {
              method: 'POST',
              mode,
              headers: mode === 'no-cors' ? {} : { 'Content-Type': 'application/json' },
              body,
            });
            return {
              status: res.status,
              relay: res.headers.get('x-sigv4-relay'),
              text: await res.text(),
            };
          } catch (error) {
            return { status: -1, relay: null, text: String(error) };
          }
        },
        { url, body, mode },
      );

    for (const host of ['127.0.0.1', 'localhost']) {
      await page.goto(`http://${host}:${relay.port}/`);
      const answer = await post(RELAY_PATH, JSON.stringify(relayRequest));
      expect(answer.status, answer.text).toBe(200);
      expect(answer.relay).toBe('1');
      const result = JSON.parse(answer.text) as RelayResponse;
      expect(result.status).toBe(200);
      const echo = JSON.parse(Buffer.from(result.bodyBase64, 'base64').toString()) as EchoBody;
      expect(echo.target).toBe('/prod/from-browser');
      expect(echo.bodyBase64).toBe(b64(BINARY_BODY));
    }

    // Over the limit from the page: the browser reads the early 413, not a broken connection.
    const tooBig = JSON.stringify({
      ...relayRequest,
      bodyBase64: b64(Buffer.alloc(4 * 1024 * 1024)),
    });
    const refused = await post(RELAY_PATH, tooBig);
    expect(refused.status, refused.text).toBe(413);
    expect((JSON.parse(refused.text) as RelayFailure).error.type).toBe('body-too-large');

    // Another origin: a "simple" no-cors POST reaches the relay but is refused there.
    await page.goto(`${foreign.url}/`);
    const before = relay.lines.length;
    await post(`${relay.origin}${RELAY_PATH}`, JSON.stringify(relayRequest), 'no-cors');
    expect(relay.lines.slice(before)).toEqual(['relay refused 403 forbidden-origin']);
  }, 30_000);
});
