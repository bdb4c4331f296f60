// Vite's servers as vite.config.ts sets them up. `npm run dev`, on a free 127.0.0.1 port, serves
// the page and its sources with the security headers, and nothing else of the tree: not
// package.json, not the gateway's configuration (its keys), not .git, not node_modules, not files
// by absolute path (/@fs/). `vite preview` serves a build with the same headers as npm start.
// The page itself, in Chromium under the dev server's policy: e2e/devServer.spec.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, preview, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SECURITY_HEADERS } from './securityHeaders';

const root = fileURLToPath(new URL('..', import.meta.url));
let server: ViteDevServer;
let base: string;

beforeAll(async () => {
  server = await createServer({
    root,
    configFile: `${root}vite.config.ts`,
    server: { port: 0 },
    logLevel: 'silent',
  });
  await server.listen();
  base = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('npm run dev (vite.config.ts)', () => {
  it.each([
    '/package.json',
    '/package-lock.json',
    '/server/gateway/gateway.config.json',
    '/server/gateway/gateway.config.json?import',
    '/server/gateway/gateway.config.json?raw',
    '/server/cli.ts',
    '/vite.config.ts',
    '/tsconfig.json',
    '/.git/config',
    '/.git/HEAD',
    '/node_modules/react/package.json',
    '/node_modules/.package-lock.json',
    `/@fs${root}package.json`,
    `/@fs${root}server/gateway/gateway.config.json`,
    '/@fs/etc/passwd',
  ])('refuses %s', async (path) => {
    const answer = await fetch(`${base}${path}`);
    const body = await answer.text();
    expect(answer.status).toBe(403);
    expect(body).not.toContain('"name": "sigv4-playground"');
    expect(body).not.toContain('secretAccessKey');
  });

  it.each(['/node_modules/', '/src/', '/server/', '/..%2fpackage.json'])(
    'lists no directory and steps out of none: %s is the page',
    async (path) => {
      const answer = await fetch(`${base}${path}`);
      const body = await answer.text();
      expect(body).toContain('<div id="root"></div>');
      expect(body).not.toContain('sigv4-playground');
    },
  );

  it.each(['/', '/src/main.tsx'])('serves %s with the security headers', async (path) => {
    const answer = await fetch(`${base}${path}`);
    expect(answer.status).toBe(200);
    const policy = answer.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(answer.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('lets no other origin read what it serves (no CORS)', async () => {
    const answer = await fetch(`${base}/src/main.tsx`, {
      headers: { Origin: 'http://127.0.0.1:1' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('vite preview (vite.config.ts)', () => {
  it('serves a build with the headers npm start sends', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'vite-preview-'));
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>built</title>');
    const server = await preview({
      root,
      configFile: `${root}vite.config.ts`,
      build: { outDir },
      preview: { port: 0 },
      logLevel: 'silent',
    });
    try {
      const address = server.httpServer.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${address.port}/`);
      expect(await answer.text()).toContain('built');
      for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) {
        expect(answer.headers.get(name), name).toBe(value);
      }
    } finally {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
