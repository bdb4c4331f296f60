// The page's server as npm start runs it: the security headers on every answer, only the
// loopback names as Host, and the gateway in another process.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from './playgroundServer';
import { FIRST_VIEW_SCRIPT } from '../src/store/firstViewScript';
import { PAGE_SECURITY_HEADERS } from './securityHeaders';

let running: Awaited<ReturnType<typeof startPlayground>>;
let port: number;

beforeAll(async () => {
  running = await startPlayground({ port: 0, gatewayPort: 0 });
  port = Number(new URL(running.playground.url).port);
}, 30_000);

afterAll(async () => {
  await running?.playground.close();
  await running?.gateway?.close();
});

/** A request with the Host header as given (fetch would not let a test choose it). */
function call(path: string, options: { method?: string; host?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: options.method ?? 'GET',
          headers: { Host: options.host ?? `127.0.0.1:${port}` },
          setHost: false,
          agent: false,
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

const expectedHeaders = Object.fromEntries(
  Object.entries(PAGE_SECURITY_HEADERS).map(([name, value]) => [name.toLowerCase(), value]),
);

describe('startPlayground', () => {
  it.each([
    ['the page', '/'],
    ['a route of the page', '/some/route'],
    ['the config', '/playground-config.json'],
    ['the relay (405 to GET)', '/relay'],
    ['a refused host name', '/'],
  ])('serves %s with the security headers', async (label, path) => {
    const answer = await call(path, label.includes('refused') ? { host: 'evil.test' } : {});
    expect(answer.headers).toMatchObject(expectedHeaders);
  });

  it('forbids framing, inline script, plugins and <base>, and allows direct mode to fetch', () => {
    const policy = PAGE_SECURITY_HEADERS['Content-Security-Policy']!;
    expect(policy).toContain("frame-ancestors 'none'");
    // Scripts from the page's origin, and one inline script: the first view's guard, by hash.
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]{43}=';/);
    expect(policy).toContain(
      `'sha256-${createHash('sha256').update(FIRST_VIEW_SCRIPT).digest('base64')}'`,
    );
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("connect-src 'self' http: https:;");
    // Images only from the page itself or the object URLs of the response viewer: no data:, no host.
    expect(policy).toContain("img-src 'self' blob:;");
    expect(policy).not.toContain('unsafe');
    expect(PAGE_SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
  });

  it("is the policy the README's Security section shows", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(
      `\`Content-Security-Policy: ${PAGE_SECURITY_HEADERS['Content-Security-Policy']}\``,
    );
  });

  it.each([
    ['a rebinding host name', 'evil.test:PORT'],
    ['another port', '127.0.0.1:1'],
    ['no Host at all', ''],
  ])('answers 421 to %s (DNS rebinding)', async (_label, host) => {
    for (const path of ['/', '/playground-config.json']) {
      const answer = await call(path, { host: host.replace('PORT', String(port)) });
      expect(answer.status).toBe(421);
      expect(answer.body).toContain(`http://127.0.0.1:${port}/`);
      expect(answer.body).not.toContain('gatewayUrl');
    }
  });

  it('answers on 127.0.0.1 and localhost', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const answer = await call('/playground-config.json', { host });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({
        gatewayUrl: running.gatewayBase,
        relay: true,
        collectionsDir: false,
      });
    }
  });

  it('runs the gateway in another process', async () => {
    expect(running.gateway?.pid).toEqual(expect.any(Number));
    expect(running.gateway?.pid).not.toBe(process.pid);
    const unsigned = await fetch(`${running.gatewayBase}/hello`);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });
});
