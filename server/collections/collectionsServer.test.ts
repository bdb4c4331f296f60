// `--collections DIR` end to end: npm start's server process (server/cli.ts) and the dev server
// (devServer.ts) started on a temporary DIR, a collection round-tripped through the HTTP API with
// the page's client (src/transport/collectionsClient.ts) and through the files on disk, and a
// wrong DIR or option refused before anything listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDiskCollection } from '../../src/collections/folderContents';
import {
  DEFAULT_SAVED_OPTIONS,
  type Collection,
  type Environment,
} from '../../src/collections/collectionModel';
import {
  deleteCollection,
  listCollections,
  readCollection,
  writeCollection,
} from '../../src/transport/collectionsClient';
import { startDevServer } from '../devServer';
import { freePort } from '../../test-support/freePort';

const root = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
let base: string;
let dir: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'collections-server-'));
  dir = join(base, 'team-repo');
  mkdirSync(dir);
});

afterEach(() => {
  // The whole group: npm start and the gateway it started.
  for (const child of children.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(base, { recursive: true, force: true });
});

/** Runs a server script as a user would; resolves once `ready` is printed or it exits. */
function run(script: string, args: string[], env: Record<string, string> = {}, ready = 'Ctrl-C') {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = new Promise<void>((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) resolve();
    };
    child.stdout!.on('data', onOutput);
    child.stderr!.on('data', onOutput);
    void exited.then((code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
  // Awaited only by the tests that expect a start; the others wait for the exit.
  started.catch(() => undefined);
  return { child, exited, started, output: () => output };
}

/** The page's fetch: relative URLs on its own origin, and the Origin header a browser adds. */
function pageFetch(origin: string): typeof fetch {
  return (input, init) => {
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    if (method !== 'GET') headers.set('Origin', origin);
    return fetch(new URL(String(input), origin), { ...init, headers });
  };
}

const collection: Collection = {
  id: 'from-the-browser',
  name: 'Orders API',
  variables: [
    { name: 'base', value: 'http://127.0.0.1:5174/prod', secret: false, enabled: true },
    { name: 'apiKey', value: 'sk-live-123', secret: true, enabled: true },
  ],
  items: [
    {
      kind: 'request',
      id: 'r1',
      name: 'Hello',
      method: 'POST',
      url: '{{base}}/hello',
      headers: [{ name: 'content-type', value: 'application/json', signed: true }],
      body: '{"hello":"world"}',
      options: { ...DEFAULT_SAVED_OPTIONS },
    },
    {
      kind: 'folder',
      id: 'f1',
      name: 'Admin',
      items: [
        {
          kind: 'request',
          id: 'r2',
          name: 'Items',
          method: 'GET',
          url: '{{base}}/items/1',
          headers: [],
          body: '',
          options: { ...DEFAULT_SAVED_OPTIONS, mode: 'query' },
        },
      ],
    },
  ],
};
const environments: Environment[] = [
  {
    id: 'e1',
    name: 'prod',
    variables: [{ name: 'stage', value: 'prod', secret: false, enabled: true }],
  },
];

/** The round trip every way of starting the app must pass, against the page at `origin`. */
async function roundTrip(origin: string) {
  const options = { fetchImpl: pageFetch(origin) };
  const config = await (await fetch(`${origin}/playground-config.json`)).json();
  expect(config.collectionsDir).toBe(true);

  const written = await writeCollection(
    'orders-api',
    { collection, environments },
    parseDiskCollection,
    options,
  );
  if (!written.ok) throw new Error(written.failure.message);
  expect(written.value.written.sort()).toEqual([
    'admin/folder.json',
    'admin/items.request.json',
    'collection.json',
    'environments/prod.json',
    'hello.request.json',
  ]);
  const folder = join(dir, 'orders-api');
  expect(readFileSync(join(folder, 'collection.json'), 'utf8')).not.toContain('sk-live-123');
  expect(
    JSON.parse(readFileSync(join(folder, 'admin', 'items.request.json'), 'utf8')),
  ).toMatchObject({
    name: 'Items',
    url: '{{base}}/items/1',
    options: { mode: 'query' },
  });

  // A teammate edits a file (git pull): the page reads the change.
  const helloPath = join(folder, 'hello.request.json');
  writeFileSync(
    helloPath,
    readFileSync(helloPath, 'utf8').replace('{{base}}/hello', '{{base}}/hello/v2'),
  );
  const read = await readCollection('orders-api', parseDiskCollection, options);
  if (!read.ok) throw new Error(read.failure.message);
  expect(read.value.collection.items[0]).toMatchObject({
    id: 'hello.request.json',
    url: '{{base}}/hello/v2',
  });
  expect(read.value.environments.map((environment) => environment.name)).toEqual(['prod']);

  // The page deletes a request and saves: its file goes.
  const without = { ...read.value.collection, items: [read.value.collection.items[1]!] };
  const saved = await writeCollection(
    'orders-api',
    { collection: without },
    parseDiskCollection,
    options,
  );
  expect(saved.ok && saved.value.removed).toEqual(['hello.request.json']);
  expect(readdirSync(folder).sort()).toEqual(['admin', 'collection.json', 'environments']);

  // A broken file is named, and the server carries on.
  writeFileSync(join(folder, 'admin', 'items.request.json'), '{"name":');
  const broken = await readCollection('orders-api', parseDiskCollection, options);
  expect(broken.ok || broken.failure).toMatchObject({
    kind: 'invalid-on-disk',
    file: 'orders-api/admin/items.request.json',
  });
  const listed = await listCollections(options);
  expect(listed.ok && listed.value.collections).toEqual([{ id: 'orders-api', name: 'Orders API' }]);

  const deleted = await deleteCollection('orders-api', options);
  expect(deleted.ok).toBe(true);
  expect(readdirSync(dir)).toEqual([]);

  // Another site's page may not write.
  const refused = await fetch(`${origin}/api/collections/x`, {
    method: 'PUT',
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
    body: JSON.stringify({ collection }),
  });
  expect(refused.status).toBe(403);
  expect(readdirSync(dir)).toEqual([]);
}

describe('npm start -- --collections DIR', () => {
  it('round-trips a collection through the API and the files, then stops cleanly', async () => {
    const [port, gatewayPort] = [await freePort(), await freePort()];
    const server = run('server/cli.ts', ['--collections', dir], {
      PORT: String(port),
      GATEWAY_PORT: String(gatewayPort),
    });
    await server.started;
    expect(server.output()).toContain(`Collections:       ${dir}`);
    await roundTrip(`http://127.0.0.1:${port}`);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  }, 60_000);

  it.each([
    [
      ['--collections', 'MISSING'],
      /--collections .*missing: there is no such folder; create it first/,
    ],
    [['--collections'], /argument missing\nOptions:\n[^]*--collections DIR/],
    [['--colections', 'x'], /Unknown option '--colections'\nOptions:\n[^]*--collections DIR/],
  ])(
    'refuses %j with a message and status 1, before listening',
    async (args, message) => {
      const server = run(
        'server/cli.ts',
        args.map((arg) => arg.replace('MISSING', join(base, 'missing'))),
        { PORT: String(await freePort()), GATEWAY_PORT: String(await freePort()) },
      );
      expect(await server.exited).toBe(1);
      expect(server.output()).toMatch(message);
      expect(server.output()).not.toContain('SigV4 Playground:');
    },
    30_000,
  );
});

describe('npm run dev -- --collections DIR', () => {
  let dev: ViteDevServer | undefined;
  afterEach(async () => {
    await dev?.close();
    dev = undefined;
  });

  it('serves the same API, behind the same guard', async () => {
    dev = await startDevServer({ collectionsDir: dir, port: 0, logLevel: 'silent' });
    const port = (dev.httpServer!.address() as AddressInfo).port;
    const config = await (await fetch(`http://127.0.0.1:${port}/playground-config.json`)).json();
    expect(config).toEqual({
      gatewayUrl: 'http://127.0.0.1:5174/prod',
      relay: false,
      collectionsDir: true,
    });
    await roundTrip(`http://127.0.0.1:${port}`);
  }, 60_000);

  it('refuses a wrong DIR or option the way npm start does', async () => {
    const server = run('server/dev.ts', ['--collections', join(base, 'missing')]);
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/there is no such folder; create it first/);
    const bogus = run('server/dev.ts', ['--port', '1']);
    expect(await bogus.exited).toBe(1);
    expect(bogus.output()).toMatch(/--port does not apply to npm run dev/);
  }, 30_000);
});
