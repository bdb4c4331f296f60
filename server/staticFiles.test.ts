// The production static server (npm start) against a built tree on disk, asked with raw request
// targets (fetch would normalize them first): nothing outside the root, however the path is spelled
// or linked, and no directory listings.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from './staticFiles';

const INDEX = '<!doctype html><title>the app</title>';
const SECRET = 'outside the root';

let dir: string;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'static-files-'));
  const root = join(dir, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1);');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  mkdirSync(join(dir, 'elsewhere'));
  writeFileSync(join(dir, 'elsewhere', 'secret.txt'), SECRET);
  symlinkSync(join(dir, 'secret.txt'), join(root, 'linked.txt'));
  symlinkSync(join(dir, 'elsewhere'), join(root, 'linked-dir'));
  const serveStatic = createStaticHandler(root);
  server = createServer((req, res) => void serveStatic(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** GET with the request target exactly as given. */
function get(target: string, method = 'GET', at = port) {
  return new Promise<{
    status: number;
    type: string;
    cache: string;
    location: string | undefined;
    body: string;
  }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: at, method, path: target, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            cache: String(res.headers['cache-control']),
            location: res.headers.location,
            body,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('createStaticHandler', () => {
  it('serves a file of the build, hashed assets cached for good', async () => {
    const answer = await get('/assets/app-1234.js');
    expect(answer).toMatchObject({ status: 200, body: 'console.log(1);' });
    expect(answer.type).toMatch(/^text\/javascript/);
    expect(answer.cache).toContain('immutable');
  });

  it('serves the page for its own URLs, never cached', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: INDEX, cache: 'no-cache' });
    expect(await get('/route?x=1')).toMatchObject({ status: 200, body: INDEX });
  });

  it('serves the first view instead of index.html when there is one, kept by no browser', async () => {
    let page: string | undefined = 'FIRST VIEW';
    const serveStatic = createStaticHandler(join(dir, 'dist'), { indexPage: async () => page });
    const other = createServer((req, res) => void serveStatic(req, res));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const at = (other.address() as AddressInfo).port;
    try {
      for (const target of ['/', '/index.html', '/route?x=1']) {
        expect(await get(target, 'GET', at)).toMatchObject({
          status: 200,
          body: 'FIRST VIEW',
          cache: 'no-store',
        });
      }
      expect(await get('/', 'HEAD', at)).toMatchObject({ status: 200, body: '' });
      expect(await get('/assets/app-1234.js', 'GET', at)).toMatchObject({
        body: 'console.log(1);',
      });
      page = undefined;
      expect(await get('/', 'GET', at)).toMatchObject({ body: INDEX, cache: 'no-cache' });
    } finally {
      other.close();
    }
  });

  it('sends a deeper path that is no file to the page at / (its asset URLs are relative)', async () => {
    expect(await get('/some/route?x=1')).toMatchObject({ status: 302, location: '/?x=1' });
    expect(await get('//evil.example/x/y')).toMatchObject({ status: 302, location: '/' });
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/.%2e/elsewhere/secret.txt',
    'http://127.0.0.1/../secret.txt',
    `/${encodeURIComponent(fileURLToPath(import.meta.url))}`,
  ])('does not step out of the root: %s', async (target) => {
    const answer = await get(target);
    expect(answer.body).not.toContain(SECRET);
    expect(answer.body).not.toContain('createStaticHandler');
    expect([200, 302, 400]).toContain(answer.status);
  });

  it('does not follow a symbolic link out of the root', async () => {
    expect((await get('/linked.txt')).body).toBe(INDEX);
    expect((await get('/linked-dir/secret.txt')).status).toBe(302);
  });

  it('lists no directory: a directory is the page', async () => {
    expect((await get('/assets')).body).toBe(INDEX);
    for (const target of ['/assets/', '/linked-dir/']) {
      const answer = await get(target);
      expect(answer.status, target).toBe(302);
      expect(answer.body, target).toBe('');
    }
  });

  it('answers a NUL byte or a broken escape without failing', async () => {
    expect((await get('/index.html%00.js')).body).toBe(INDEX);
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('answers only GET and HEAD (405)', async () => {
    expect((await get('/', 'POST')).status).toBe(405);
    expect(await get('/', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });
});
