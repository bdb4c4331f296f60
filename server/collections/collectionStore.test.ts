// The store over DIR, on real folders in a temporary directory: what it writes, what it reads
// back, and what it refuses — ids and links that would leave DIR, files too large or of the wrong
// kind, malformed files (named, never a crash).
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTION_FILE_LIMITS } from '../../src/collections/folderLayout';
import {
  DEFAULT_SAVED_OPTIONS,
  type Collection,
  type Environment,
  type SavedRequest,
} from '../../src/collections/collectionModel';
import { CollectionsFailure } from './collectionsFailure';
import { openCollectionStore, type CollectionStore } from './collectionStore';

const request = (id: string, name: string, extra: Partial<SavedRequest> = {}): SavedRequest => ({
  kind: 'request',
  id,
  name,
  method: 'GET',
  url: '{{base}}/hello',
  headers: [],
  body: '',
  options: { ...DEFAULT_SAVED_OPTIONS },
  ...extra,
});

const orders: Collection = {
  id: 'ignored-the-folder-name-wins',
  name: 'Orders API',
  variables: [
    { name: 'base', value: 'http://127.0.0.1:5174/prod', secret: false, enabled: true },
    { name: 'token', value: 'never-on-disk', secret: true, enabled: true },
  ],
  items: [
    request('a', 'List orders'),
    { kind: 'folder', id: 'f', name: 'Admin', items: [request('b', 'Delete order')] },
  ],
};
const dev: Environment = {
  id: 'e',
  name: 'dev',
  variables: [{ name: 'stage', value: 'dev', secret: false, enabled: true }],
};

let base: string;
let dir: string;
let outside: string;
let store: CollectionStore;

beforeEach(async () => {
  base = mkdtempSync(join(tmpdir(), 'collections-'));
  dir = join(base, 'dir');
  outside = join(base, 'outside');
  mkdirSync(dir);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'outside DIR');
  store = await openCollectionStore(dir);
});

afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

/** The failure a call ends in. */
async function failureOf(promise: Promise<unknown>): Promise<CollectionsFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CollectionsFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** Every file under a folder, relative, hidden ones included. */
function tree(folder: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[])
    .filter((path) => statSync(join(folder, path)).isFile())
    .sort();
}

describe('openCollectionStore', () => {
  it('needs DIR to exist, and says how to make it', async () => {
    await expect(openCollectionStore(join(base, 'missing'))).rejects.toThrow(
      /--collections .*missing: there is no such folder; create it first \(mkdir -p ".*missing"\)\./,
    );
    writeFileSync(join(base, 'file'), '');
    await expect(openCollectionStore(join(base, 'file'))).rejects.toThrow(/not a folder/);
  });

  it('follows a link to DIR once, at the start', async () => {
    symlinkSync(dir, join(base, 'link'));
    expect((await openCollectionStore(join(base, 'link'))).root).toBe(dir);
  });
});

describe('writing and reading a collection', () => {
  it('writes the folder, reads it back with ids from paths, lists it', async () => {
    const result = await store.write('orders-api', { collection: orders, environments: [dev] });
    expect(result.written.sort()).toEqual([
      'admin/delete-order.request.json',
      'admin/folder.json',
      'collection.json',
      'environments/dev.json',
      'list-orders.request.json',
    ]);
    expect(result.removed).toEqual([]);
    expect(tree(join(dir, 'orders-api'))).toEqual(result.written.sort());
    expect(readFileSync(join(dir, 'orders-api', 'collection.json'), 'utf8')).not.toContain(
      'never-on-disk',
    );

    const read = await store.read('orders-api');
    expect(read).toEqual({ collection: result.collection, environments: result.environments });
    expect(read.collection.id).toBe('orders-api');
    expect(read.collection.items.map((item) => item.id)).toEqual([
      'list-orders.request.json',
      'admin/',
    ]);
    expect(read.collection.variables[1]).toEqual({
      name: 'token',
      value: '',
      secret: true,
      enabled: true,
    });
    expect(await store.list()).toEqual({
      collections: [{ id: 'orders-api', name: 'Orders API' }],
      truncated: false,
    });
  });

  it('writes only the files that changed and removes those of deleted requests', async () => {
    const first = await store.write('orders-api', { collection: orders });
    const deletedPath = join(dir, 'orders-api', 'admin', 'delete-order.request.json');
    writeFileSync(join(dir, 'orders-api', 'admin', 'README.md'), 'notes of the team');

    const next = structuredClone(first.collection);
    next.items[0] = { ...(next.items[0] as SavedRequest), url: '{{base}}/v2/orders' };
    // The admin folder loses its request to a new one.
    next.items[1] = { ...next.items[1]!, items: [] } as Collection['items'][number];
    const second = await store.write('orders-api', { collection: next });
    expect(second.written.sort()).toEqual(['admin/folder.json', 'list-orders.request.json']);
    expect(second.removed).toEqual(['admin/delete-order.request.json']);
    expect(existsSync(deletedPath)).toBe(false);

    const third = await store.write('orders-api', { collection: second.collection });
    expect(third.written).toEqual([]);
    expect(third.removed).toEqual([]);
    // Nothing written means nothing touched, and nothing else of the team's removed.
    expect(readFileSync(join(dir, 'orders-api', 'admin', 'README.md'), 'utf8')).toBe(
      'notes of the team',
    );
    // No temporary file is left behind.
    expect(tree(join(dir, 'orders-api')).filter((path) => path.includes('.tmp'))).toEqual([]);
  });

  it('keeps a request’s file across a rename, and an unchanged file’s inode', async () => {
    const first = await store.write('orders-api', { collection: orders });
    const kept = join(dir, 'orders-api', 'admin', 'delete-order.request.json');
    const inode = statSync(kept).ino;
    const renamed = structuredClone(first.collection);
    renamed.items[0]!.name = 'All orders';
    const second = await store.write('orders-api', { collection: renamed });
    expect(second.written).toEqual(['list-orders.request.json']);
    expect(statSync(kept).ino).toBe(inode);
  });

  it('leaves the environments alone when a PUT has none', async () => {
    await store.write('orders-api', { collection: orders, environments: [dev] });
    const result = await store.write('orders-api', { collection: orders });
    expect(result.removed).toEqual([]);
    expect(result.environments.map((environment) => environment.name)).toEqual(['dev']);
    const emptied = await store.write('orders-api', { collection: orders, environments: [] });
    expect(emptied.removed).toEqual(['environments/dev.json']);
    expect(existsSync(join(dir, 'orders-api', 'environments'))).toBe(false);
  });

  it('deletes only the format’s files, and the folder when nothing else is left', async () => {
    await store.write('orders-api', { collection: orders, environments: [dev] });
    writeFileSync(join(dir, 'orders-api', 'README.md'), 'ours');
    const result = await store.remove('orders-api');
    expect(result.kept).toEqual(['README.md']);
    expect(tree(join(dir, 'orders-api'))).toEqual(['README.md']);
    expect((await failureOf(store.read('orders-api'))).status).toBe(404);

    await store.write('plain', { collection: orders });
    await store.remove('plain');
    expect(existsSync(join(dir, 'plain'))).toBe(false);
  });

  it('runs two writes of one collection one after the other', async () => {
    const renamed = { ...orders, name: 'Renamed' };
    await Promise.all([
      store.write('orders-api', { collection: orders }),
      store.write('orders-api', { collection: renamed }),
    ]);
    expect((await store.read('orders-api')).collection.name).toBe('Renamed');
  });
});

describe('what it refuses', () => {
  it.each([
    '..',
    '.',
    '../outside',
    'a/b',
    'a\\b',
    '/etc',
    'x\0y',
    '.git',
    'con',
    '',
    'x'.repeat(256),
  ])('the id %j (400), touching nothing', async (id) => {
    for (const call of [
      store.read(id),
      store.remove(id),
      store.write(id, { collection: orders }),
    ]) {
      const failure = await failureOf(call);
      expect(failure.status).toBe(400);
      expect(failure.message).toMatch(/is not a collection id/);
    }
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(outside)).toEqual(['secret.txt']);
  });

  it('a collection sent that is not valid (400, naming where)', async () => {
    const bad = structuredClone(orders) as unknown as { items: Array<{ url: unknown }> };
    bad.items[0]!.url = 42;
    const failure = await failureOf(store.write('orders-api', { collection: bad }));
    expect(failure.status).toBe(400);
    expect(failure.message).toBe(
      'The collection sent is not valid: collection.items[0].url: expected text, not a number.',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a collection folder that is a link out of DIR: listed as such, never read or written', async () => {
    mkdirSync(join(outside, 'stolen'));
    writeFileSync(join(outside, 'stolen', 'collection.json'), '{"name":"outside"}');
    symlinkSync(join(outside, 'stolen'), join(dir, 'linked'));
    expect(await store.list()).toEqual({
      collections: [
        {
          id: 'linked',
          error: {
            type: 'invalid-on-disk',
            message: expect.stringMatching(/linked is a symbolic link/),
            file: 'linked',
          },
        },
      ],
      truncated: false,
    });
    for (const call of [
      store.read('linked'),
      store.write('linked', { collection: orders }),
      store.remove('linked'),
    ]) {
      expect((await failureOf(call)).status).toBe(422);
    }
    expect(tree(join(outside, 'stolen'))).toEqual(['collection.json']);
  });

  it('a request file that is a link to a file outside: named, not read', async () => {
    await store.write('orders-api', { collection: orders });
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'orders-api', 'leak.request.json'));
    const failure = await failureOf(store.read('orders-api'));
    expect(failure.status).toBe(422);
    expect(failure.file).toBe('orders-api/leak.request.json');
    expect(failure.message).not.toContain('outside DIR');
    // A write does not write through it either: it is refused.
    expect((await failureOf(store.write('orders-api', { collection: orders }))).status).toBe(422);
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('outside DIR');
  });

  it('a folder of the collection that is a link out of DIR: nothing written through it', async () => {
    await store.write('orders-api', { collection: orders });
    rmSync(join(dir, 'orders-api', 'admin'), { recursive: true });
    symlinkSync(outside, join(dir, 'orders-api', 'admin'));
    const failure = await failureOf(store.write('orders-api', { collection: orders }));
    expect(failure.status).toBe(422);
    expect(failure.message).toMatch(/orders-api\/admin is a symbolic link/);
    expect(readdirSync(outside)).toEqual(['secret.txt']);
  });

  it('a FIFO where a request file goes: refused at once, no hang', async () => {
    await store.write('orders-api', { collection: orders });
    execFileSync('mkfifo', [join(dir, 'orders-api', 'fifo.request.json')]);
    const failure = await failureOf(store.read('orders-api'));
    expect(failure.status).toBe(422);
    expect(failure.message).toBe('orders-api/fifo.request.json is not a regular file.');
  });

  it('a file over the size limit: named, not read (413)', async () => {
    await store.write('orders-api', { collection: orders });
    const huge = join(dir, 'orders-api', 'huge.request.json');
    writeFileSync(huge, '');
    truncateSync(huge, COLLECTION_FILE_LIMITS.maxTotalChars + 1);
    const failure = await failureOf(store.read('orders-api'));
    expect(failure.status).toBe(413);
    expect(failure.file).toBe('orders-api/huge.request.json');
  });

  it('more files than a collection may have (413), before reading them', async () => {
    const folder = join(dir, 'many');
    mkdirSync(folder);
    writeFileSync(join(folder, 'collection.json'), '{"name":"many"}');
    for (let index = 0; index <= COLLECTION_FILE_LIMITS.maxFiles; index += 1) {
      writeFileSync(join(folder, `r${index}.request.json`), '');
    }
    const failure = await failureOf(store.read('many'));
    expect(failure.status).toBe(413);
    expect(failure.message).toMatch(/more than \d+ files/);
  });

  it('malformed JSON on disk: 422 naming the file and why; the listing says so too', async () => {
    await store.write('orders-api', { collection: orders });
    writeFileSync(join(dir, 'orders-api', 'admin', 'delete-order.request.json'), '{"name": ');
    const failure = await failureOf(store.read('orders-api'));
    expect(failure.status).toBe(422);
    expect(failure.type).toBe('invalid-on-disk');
    expect(failure.file).toBe('orders-api/admin/delete-order.request.json');
    expect(failure.message).toMatch(
      /^The collection orders-api cannot be read: orders-api\/admin\/delete-order\.request\.json: not valid JSON \(.+\)\. Fix the file/,
    );
    // Saving from the page writes it again.
    await store.write('orders-api', { collection: orders });
    expect((await store.read('orders-api')).collection.items).toHaveLength(2);

    writeFileSync(join(dir, 'orders-api', 'collection.json'), '[]');
    expect((await store.list()).collections).toEqual([
      {
        id: 'orders-api',
        error: {
          type: 'invalid-on-disk',
          message:
            'The collection orders-api cannot be read: orders-api/collection.json: expected an object, not a list.',
          file: 'orders-api/collection.json',
        },
      },
    ]);
  });

  it('text that is not UTF-8 (422)', async () => {
    await store.write('orders-api', { collection: orders });
    writeFileSync(join(dir, 'orders-api', 'bad.request.json'), Buffer.from([0x7b, 0xff, 0x7d]));
    const failure = await failureOf(store.read('orders-api'));
    expect(failure.message).toBe('orders-api/bad.request.json is not UTF-8 text.');
  });

  it('lists only collection folders: not files, hidden folders or folders without collection.json', async () => {
    await store.write('orders-api', { collection: orders });
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'collection.json'), '{"name":"hidden"}');
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'README.md'), '');
    expect((await store.list()).collections.map((entry) => entry.id)).toEqual(['orders-api']);
    expect((await failureOf(store.read('docs'))).status).toBe(404);
    expect((await failureOf(store.remove('docs'))).status).toBe(404);
    expect(existsSync(join(dir, 'docs'))).toBe(true);
  });
});
