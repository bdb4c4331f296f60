// What another site can do to the playground, tried from real pages in Chromium against npm start:
// it cannot frame the page, keep a handle on it through window.open, or make the relay send
// anything; and the page itself runs under its Content-Security-Policy without a violation.
// "Another site" is a node:http server this file starts on a free loopback port, opened as
// http://localhost:PORT (cross-site to http://127.0.0.1:5173).
import { expect, test, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAGE_SECURITY_HEADERS } from '../server/securityHeaders';
import { PlaygroundPage } from './pages/playground';

const PLAYGROUND = 'http://127.0.0.1:5173';
const RELAY = `${PLAYGROUND}/relay`;

interface OtherSite {
  /** http://localhost:PORT */
  origin: string;
  /** A loopback service the other site wants the relay to reach; `hits` counts its requests. */
  targetUrl: string;
  hits: number;
  close(): Promise<void>;
}

/** Pages of the other site, by path; /target is the service it aims at. */
const OTHER_SITE_PAGES: Record<string, string> = {
  '/frame': `<!doctype html><title>another site</title>
<iframe src="${PLAYGROUND}/" onload="document.title = 'frame loaded'"></iframe>`,
  '/opener': `<!doctype html><title>another site</title>
<button onclick="window.opened = window.open('${PLAYGROUND}/')">Open the playground</button>`,
  '/blank': '<!doctype html><title>another site</title>',
};

async function startOtherSite(): Promise<OtherSite> {
  const site = { origin: '', targetUrl: '', hits: 0 } as OtherSite;
  const server: Server = createServer((req, res) => {
    if (req.url === '/target') {
      site.hits += 1;
      res.end('reached');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(OTHER_SITE_PAGES[req.url ?? ''] ?? OTHER_SITE_PAGES['/blank']);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  site.origin = `http://localhost:${port}`;
  site.targetUrl = `http://127.0.0.1:${port}/target`;
  site.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return site;
}

/** Collects every Content-Security-Policy violation the page reports, from its first script on. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return () =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test.describe('another site', () => {
  let site: OtherSite;
  test.beforeAll(async () => {
    site = await startOtherSite();
  });
  test.afterAll(async () => {
    await site.close();
  });

  test('cannot frame the playground', async ({ page }) => {
    await page.goto(`${site.origin}/frame`);
    // The frame's load event fires either way: with the playground in it, or an error page.
    await expect(page).toHaveTitle('frame loaded');
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(frame).toBeDefined();
    expect(frame!.url()).not.toContain(PLAYGROUND);
    await expect(frame!.locator('#root')).toHaveCount(0);
  });

  test('that opens the playground keeps no handle on it, nor the playground on it', async ({
    page,
    context,
  }) => {
    await page.goto(`${site.origin}/opener`);
    const opened = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Open the playground' }).click();
    const playground = await opened;
    await expect(playground.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
    expect(await playground.evaluate(() => window.opener === null)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { opened: Window }).opened.closed)).toBe(
      true,
    );
  });

  test('cannot make the relay send anything: not blind, not from a sandbox, not by a form', async ({
    page,
  }) => {
    const relayRequest = JSON.stringify({ method: 'GET', url: site.targetUrl, headers: [] });

    // The relay does reach the target when its own page asks.
    await page.goto(`${PLAYGROUND}/playground-config.json`);
    const own = await page.evaluate(
      async ({ url, body }) =>
        (
          await fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body,
          })
        ).status,
      { url: '/relay', body: relayRequest },
    );
    expect(own).toBe(200);
    expect(site.hits).toBe(1);

    await page.goto(`${site.origin}/blank`);
    const outcomes = await page.evaluate(
      async ({ relay, body }) => {
        const said: string[] = [];
        const attempt = async (label: string, init: RequestInit) => {
          try {
            const res = await fetch(relay, { method: 'POST', body, ...init });
            said.push(`${label}: ${res.type} ${res.status}`);
          } catch (error) {
            said.push(`${label}: ${String(error)}`);
          }
        };
        // A "simple" request: sent without asking, its answer unreadable.
        await attempt('no-cors text/plain', { mode: 'no-cors' });
        await attempt('no-cors declared text/plain', {
          mode: 'no-cors',
          headers: { 'Content-Type': 'text/plain' },
        });
        // JSON needs a CORS preflight, which the relay never allows.
        await attempt('cors json', { headers: { 'Content-Type': 'application/json' } });

        // A sandboxed frame: Origin "null".
        await new Promise<void>((resolve) => {
          const frame = document.createElement('iframe');
          frame.sandbox.add('allow-scripts');
          frame.srcdoc = `<script>
            fetch(${JSON.stringify(relay)}, { method: 'POST', mode: 'no-cors', body: ${JSON.stringify(body)} })
              .catch(() => {}).then(() => parent.postMessage('sandbox done', '*'));
          </script>`;
          window.addEventListener('message', () => resolve(), { once: true });
          document.body.append(frame);
        });
        said.push('sandbox: done');

        // A form posting JSON-looking text/plain into a hidden frame, the oldest trick.
        await new Promise<void>((resolve) => {
          const frame = document.createElement('iframe');
          frame.name = 'sink';
          frame.addEventListener('load', () => resolve(), { once: true });
          document.body.append(frame);
          const form = document.createElement('form');
          form.method = 'POST';
          form.action = relay;
          form.enctype = 'text/plain';
          form.target = 'sink';
          const input = document.createElement('input');
          input.name = body.slice(0, -1) + ', "x": "';
          input.value = '"}';
          form.append(input);
          document.body.append(form);
          form.submit();
        });
        said.push('form: done');
        return said;
      },
      { relay: RELAY, body: relayRequest },
    );
    expect(outcomes).toEqual([
      'no-cors text/plain: opaque 0',
      'no-cors declared text/plain: opaque 0',
      'cors json: TypeError: Failed to fetch',
      'sandbox: done',
      'form: done',
    ]);
    // Every attempt got its answer, so any request the relay sent would have arrived by now.
    expect(site.hits).toBe(1);
  });
});

test.describe('the page under its Content-Security-Policy', () => {
  test('every answer of npm start carries the security headers', async ({ request }) => {
    const page = await request.get('/');
    // The build's URLs are relative (./assets/…): it is hosted under any path too.
    const script = /src="\.(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeDefined();
    for (const path of ['/', '/playground-config.json', script!]) {
      const answer = path === '/' ? page : await request.get(path);
      expect(answer.status(), path).toBe(200);
      for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) {
        expect(answer.headers()[name.toLowerCase()], `${path} ${name}`).toBe(value);
      }
    }
  });

  test('runs every panel, the relay and direct mode without a violation', async ({ page }) => {
    const violations = await recordViolations(page);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const playground = new PlaygroundPage(page);
    await playground.open();

    expect(await playground.send()).toMatch(/^200\b/);
    // A refusal loads the error help.
    await playground.setRequest({ body: '', method: 'GET' });
    expect(await playground.send()).toMatch(/^403\b/);
    await expect(playground.errorDoctor.or(playground.signatureMismatch).first()).toBeVisible();
    await playground.pasteAwsError('{"message":"Forbidden"}');
    expect(await playground.importText('curl -X POST http://127.0.0.1:5174/prod/hello')).toContain(
      'Imported',
    );
    await playground.checkSignature('GET / HTTP/1.1\nHost: example.com', 'secret');
    await expect(playground.exportSection.getByRole('tab').first()).toBeVisible();
    // Direct mode: the page's own fetch to another origin (the local gateway allows CORS).
    await playground.setTransport('direct');
    expect(await playground.send()).toMatch(/^\d{3}\b/);

    expect(await violations()).toEqual([]);
    expect(consoleErrors.filter((text) => /Content.Security.Policy/i.test(text))).toEqual([]);

    // The listener does hear a violation: an injected inline script is refused.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    expect(await violations()).toEqual(['script-src-elem inline']);
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
  });
});
