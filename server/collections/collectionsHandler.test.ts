// The collections API over real sockets: who may call it (the relay's guard), what a bad request
// gets (a 4xx in JSON saying what is wrong), and that nothing a client sends stops the server.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SAVED_OPTIONS, type Collection } from '../../src/collections/collectionModel';
import { COLLECTIONS_MAX_BODY_BYTES } from '../../src/transport/collectionsProtocol';
import { createCollectionsHandler } from './collectionsHandler';
import { openCollectionStore } from './collectionStore';

const collection: Collection = {
  id: 'x',
  name: 'Orders API',
  variables: [],
  items: [
    {
      kind: 'request',
      id: 'r',
      name: 'Hello',
      method: 'POST',
      url: 'http://127.0.0.1:5174/prod/hello',
      headers: [{ name: 'content-type', value: 'application/json', signed: true }],
      body: '{"hello":"world"}',
      options: { ...DEFAULT_SAVED_OPTIONS },
    },
  ],
};

interface Started {
  server: Server;
  port: number;
  lines: string[];
}

let base: string;
let dir: string;
let withStore: Started;
let withoutStore: Started;

async function start(configured: boolean): Promise<Started> {
  const store = configured ? await openCollectionStore(dir) : undefined;
  const lines: string[] = [];
  let port = 0;
  const handler = createCollectionsHandler({
    store,
    port: () => port,
    log: (line) => lines.push(line),
  });
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return { server, port, lines };
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'collections-api-'));
  dir = join(base, 'dir');
  mkdirSync(dir);
  withStore = await start(true);
  withoutStore = await start(false);
});

afterAll(async () => {
  await Promise.all(
    [withStore, withoutStore].map(
      (started) => new Promise((resolve) => started.server.close(resolve)),
    ),
  );
  rmSync(base, { recursive: true, force: true });
});

interface CallOptions {
  method?: string;
  body?: string;
  /** null: no such header. */
  origin?: string | null;
  host?: string;
  contentType?: string | null;
  headers?: Record<string, string>;
  on?: Started;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: { error?: { type: string; message: string; file?: string } } & Record<string, unknown>;
}

/** A request as the page sends it (Host, Origin for a write, JSON), each part changeable. */
function call(path: string, options: CallOptions = {}): Promise<Answer> {
  const on = options.on ?? withStore;
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Host: options.host ?? `127.0.0.1:${on.port}`,
    ...options.headers,
  };
  const origin =
    options.origin === undefined
      ? method === 'GET'
        ? null
        : `http://127.0.0.1:${on.port}`
      : options.origin;
  if (origin !== null) headers.Origin = origin;
  const contentType =
    options.contentType === undefined
      ? options.body === undefined
        ? null
        : 'application/json'
      : options.contentType;
  if (contentType !== null) headers['Content-Type'] = contentType;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: on.port, path, method, headers, setHost: false, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(text) }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const put = (id: string, body: unknown, options: CallOptions = {}) =>
  call(`/api/collections/${id}`, {
    method: 'PUT',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...options,
  });

describe('the collections API', () => {
  it('round-trips a collection: PUT, GET, list, DELETE', async () => {
    const written = await put('orders-api', { collection });
    expect(written.status).toBe(200);
    expect(written.json.written).toEqual(['collection.json', 'hello.request.json']);
    expect(written.headers['cache-control']).toBe('no-store');
    expect(written.headers['cross-origin-resource-policy']).toBe('same-origin');

    const read = await call('/api/collections/orders-api');
    expect(read.status).toBe(200);
    expect(read.json).toEqual({ collection: written.json.collection, environments: [] });

    const listed = await call('/api/collections');
    expect(listed.json).toEqual({
      collections: [{ id: 'orders-api', name: 'Orders API' }],
      truncated: false,
    });
    expect(withStore.lines).toContain('collections PUT orders-api 200');

    const removed = await call('/api/collections/orders-api', { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes an id that is URL-encoded (a folder made by hand)', async () => {
    expect((await put('Team%20API', { collection })).status).toBe(200);
    expect(readdirSync(dir)).toContain('Team API');
    expect((await call('/api/collections/Team%20API', { method: 'DELETE' })).status).toBe(200);
  });
});

describe('who may call it (the relay’s guard)', () => {
  it('answers the page’s GET without an Origin header (browsers send none on a same-origin GET)', async () => {
    expect((await call('/api/collections')).status).toBe(200);
    expect(
      (await call('/api/collections', { headers: { 'Sec-Fetch-Site': 'same-origin' } })).status,
    ).toBe(200);
  });

  it.each([
    ['GET with another site as Origin', '/api/collections', { origin: 'https://evil.example' }],
    ['GET with an opaque origin', '/api/collections', { origin: 'null' }],
    [
      'GET the browser says is cross-site',
      '/api/collections',
      { headers: { 'Sec-Fetch-Site': 'cross-site' } },
    ],
    [
      'PUT from another site',
      '/api/collections/x',
      { method: 'PUT', body: '{}', origin: 'https://evil.example' },
    ],
    ['PUT with no Origin', '/api/collections/x', { method: 'PUT', body: '{}', origin: null }],
    ['DELETE with no Origin', '/api/collections/x', { method: 'DELETE', origin: null }],
    [
      'DELETE from the other loopback name',
      '/api/collections/x',
      { method: 'DELETE', origin: 'http://localhost:PORT' },
    ],
  ])('refuses a %s (403 forbidden-origin)', async (_label, path, options) => {
    const origin = (options as CallOptions).origin?.replace('PORT', String(withStore.port));
    const answer = await call(path, { ...(options as CallOptions), ...(origin ? { origin } : {}) });
    expect(answer.status).toBe(403);
    expect(answer.json.error?.type).toBe('forbidden-origin');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(['evil.example:PORT', '127.0.0.1:1', ''])(
    'refuses Host %j (403 forbidden-host: DNS rebinding)',
    async (host) => {
      const answer = await call('/api/collections', {
        host: host.replace('PORT', String(withStore.port)),
      });
      expect(answer.status).toBe(403);
      expect(answer.json.error?.type).toBe('forbidden-host');
    },
  );

  it.each([
    ['text/plain (which another site may send blind)', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['none', null],
  ])('refuses a PUT body sent as %s (415)', async (_label, contentType) => {
    const answer = await put('x', { collection }, { contentType });
    expect(answer.status).toBe(415);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('answers only its methods (405 with Allow)', async () => {
    const post = await call('/api/collections/x', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, PUT, DELETE');
    const putList = await call('/api/collections', { method: 'PUT', body: '{}' });
    expect(putList.status).toBe(405);
    expect(putList.headers.allow).toBe('GET');
  });

  it('says how to turn it on when the server has no DIR (404 not-configured)', async () => {
    const answer = await call('/api/collections', { on: withoutStore });
    expect(answer.status).toBe(404);
    expect(answer.json.error).toEqual({
      type: 'not-configured',
      message: expect.stringContaining('--collections DIR'),
    });
    // The guard comes first even then.
    const foreign = await call('/api/collections', {
      on: withoutStore,
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
  });
});

describe('bad input: a clear JSON error, never a crash', () => {
  it.each([
    ['a body that is not JSON', '{"collection":', 400, /^The body is not JSON \(.+\)\.$/],
    ['a body that is not an object', '[1,2]', 400, /expected an object/],
    [
      'a collection with a wrong field',
      JSON.stringify({ collection: { ...collection, variables: 'none' } }),
      400,
      /^The collection sent is not valid: collection\.variables: expected a list, not a string\.$/,
    ],
  ])('%s (%i)', async (_label, body, status, message) => {
    const answer = await put('x', body);
    expect(answer.status).toBe(status);
    expect(answer.json.error?.type).toBe('bad-request');
    expect(answer.json.error?.message).toMatch(message);
  });

  it.each([
    ['..', '..'],
    ['%2E%2E', '..'],
    ['..%2Foutside', '../outside'],
    ['a%2Fb', 'a/b'],
    ['a%5Cb', 'a\\b'],
    ['%00', '\0'],
    ['.git', '.git'],
    ['con', 'con'],
  ])('an id that would leave DIR or is not a folder name: %s (400)', async (encoded) => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await call(`/api/collections/${encoded}`, {
        method,
        ...(method === 'PUT' ? { body: JSON.stringify({ collection }) } : {}),
      });
      expect(answer.status).toBe(400);
      expect(answer.json.error?.message).toMatch(/is not a collection id|takes one collection id/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(['a/b', '', '%E0%A4%A'])(
    'a path that is not one id: /api/collections/%s (400)',
    async (rest) => {
      const answer = await call(`/api/collections/${rest}`);
      expect(answer.status).toBe(400);
    },
  );

  it('a body declared over the limit: 413 before it is read', async () => {
    const answer = await call('/api/collections/x', {
      method: 'PUT',
      headers: { 'Content-Length': String(COLLECTIONS_MAX_BODY_BYTES + 1) },
      contentType: 'application/json',
    });
    expect(answer.status).toBe(413);
    expect(answer.json.error?.type).toBe('too-large');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('malformed JSON on disk: 422 naming the file, and the server carries on', async () => {
    expect((await put('broken', { collection })).status).toBe(200);
    writeFileSync(join(dir, 'broken', 'hello.request.json'), '{ nope');
    const answer = await call('/api/collections/broken');
    expect(answer.status).toBe(422);
    expect(answer.json.error).toMatchObject({
      type: 'invalid-on-disk',
      file: 'broken/hello.request.json',
    });
    expect(answer.json.error?.message).toMatch(/broken\/hello\.request\.json: not valid JSON/);
    expect((await call('/api/collections')).status).toBe(200);
    expect((await call('/api/collections/broken', { method: 'DELETE' })).status).toBe(200);
  });
});
