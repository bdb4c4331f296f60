import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collection as anyCollection,
  environments as anyEnvironments,
} from '../../test-support/collectionArbitraries';
import { withoutCredentialHeaders, withoutCredentialsInUrl } from '../request/credentialFields';
import {
  COLLECTION_FILE_LIMITS,
  collectionFromFiles,
  collectionToFiles,
  fileRole,
  fileSlug,
  isSafeFileName,
  parseDiskCollection,
  parseFolderContents,
  type CollectionFile,
  type DiskCollection,
} from './collectionFiles';
import {
  COLLECTION_LIMITS,
  DEFAULT_SAVED_OPTIONS,
  withoutSecretValues,
  type Collection,
  type CollectionItem,
  type Environment,
  type SavedRequest,
} from './collectionModel';

const request = (id: string, name: string, extra: Partial<SavedRequest> = {}): SavedRequest => ({
  kind: 'request',
  id,
  name,
  method: 'GET',
  url: '{{base}}/orders',
  headers: [{ name: 'accept', value: 'application/json', signed: true }],
  body: '',
  options: { ...DEFAULT_SAVED_OPTIONS },
  ...extra,
});

const orders: Collection = {
  id: 'browser-7f3a',
  name: 'Orders API',
  description: 'The team’s orders service',
  variables: [
    { name: 'base', value: 'http://127.0.0.1:5174/prod', secret: false, enabled: true },
    { name: 'apiKey', value: 'do-not-write-me', secret: true, enabled: true },
  ],
  items: [
    request('b-1', 'List orders'),
    {
      kind: 'folder',
      id: 'b-2',
      name: 'Admin',
      items: [request('b-3', 'Delete order', { method: 'DELETE', url: '{{base}}/orders/{{id}}' })],
    },
    request('b-4', 'Create order', {
      method: 'POST',
      body: '{"item":"book"}',
      region: 'ca-central-1',
      service: 'execute-api',
    }),
  ],
};

const dev: Environment = {
  id: 'env-1',
  name: 'dev',
  variables: [
    { name: 'id', value: '42', secret: false, enabled: true },
    { name: 'token', value: 'secret-token-value', secret: true, enabled: false },
  ],
};

const byPath = (files: readonly CollectionFile[]) =>
  Object.fromEntries(files.map((file) => [file.path, file.text]));

function read(files: readonly CollectionFile[], id = 'orders-api'): DiskCollection {
  const result = collectionFromFiles(files, { id });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function readError(files: readonly CollectionFile[]): string {
  const result = collectionFromFiles(files, { id: 'c' });
  return result.ok ? 'accepted' : result.error;
}

/** The items as they come back: ids aside, no credential in a header or the URL. */
function withoutIds(items: readonly CollectionItem[]): unknown[] {
  return items.map((item) =>
    item.kind === 'folder'
      ? { ...item, id: undefined, items: withoutIds(item.items) }
      : {
          ...item,
          id: undefined,
          url: withoutCredentialsInUrl(item.url).url,
          headers: withoutCredentialHeaders(item.headers),
        },
  );
}

function allIds(items: readonly CollectionItem[]): string[] {
  return items.flatMap((item) =>
    item.kind === 'folder' ? [item.id, ...allIds(item.items)] : [item.id],
  );
}

describe('collectionToFiles', () => {
  it('writes one file per request, a folder per folder, pretty JSON in a fixed key order', () => {
    const files = collectionToFiles(orders, [dev]);
    expect(files.map((file) => file.path)).toEqual([
      'collection.json',
      'list-orders.request.json',
      'create-order.request.json',
      'admin/folder.json',
      'admin/delete-order.request.json',
      'environments/dev.json',
    ]);
    const text = byPath(files);
    expect(text['collection.json']).toBe(`{
  "version": 1,
  "name": "Orders API",
  "description": "The team’s orders service",
  "variables": [
    {
      "name": "base",
      "value": "http://127.0.0.1:5174/prod",
      "secret": false,
      "enabled": true
    },
    {
      "name": "apiKey",
      "secret": true,
      "enabled": true
    }
  ],
  "order": [
    "list-orders.request.json",
    "admin/",
    "create-order.request.json"
  ]
}
`);
    expect(text['admin/folder.json']).toBe(
      '{\n  "name": "Admin",\n  "order": [\n    "delete-order.request.json"\n  ]\n}\n',
    );
    expect(text['create-order.request.json']).toBe(`{
  "name": "Create order",
  "method": "POST",
  "url": "{{base}}/orders",
  "region": "ca-central-1",
  "service": "execute-api",
  "headers": [
    {
      "name": "accept",
      "value": "application/json",
      "signed": true
    }
  ],
  "body": "{\\"item\\":\\"book\\"}",
  "options": {
    "mode": "header",
    "expiresIn": "${DEFAULT_SAVED_OPTIONS.expiresIn}",
    "payload": "signed",
    "contentSha256Header": null,
    "s3PathRules": null,
    "signSessionToken": true,
    "algorithm": "sigv4",
    "regionSet": ""
  }
}
`);
    expect(text['environments/dev.json']).not.toContain('secret-token-value');
  });

  it('never writes a secret variable’s value', () => {
    fc.assert(
      fc.property(anyCollection, anyEnvironments, (collection, environments) => {
        const secrets = [...collection.variables, ...environments.flatMap((e) => e.variables)]
          .filter((variable) => variable.secret && variable.value.length >= 4)
          .map((variable) => JSON.stringify(variable.value));
        const written = collectionToFiles(collection, environments)
          .map((file) => file.text)
          .join('');
        for (const secret of secrets) expect(written).not.toContain(`"value": ${secret}`);
      }),
    );
  });

  it('writes no credential, should a request hold one', () => {
    const leaky = request('x', 'Leaky', {
      url: 'https://user:pass@example.com/x?X-Amz-Signature=abc&page=2',
      headers: [
        { name: 'Authorization', value: 'AWS4-HMAC-SHA256 Credential=AKID/…', signed: true },
        { name: 'x-api-key', value: '{{apiKey}}', signed: false },
        { name: 'accept', value: '*/*', signed: true },
      ],
    });
    const text = byPath(collectionToFiles({ ...orders, items: [leaky] }))['leaky.request.json']!;
    expect(text).not.toContain('AWS4-HMAC');
    expect(text).not.toContain('pass@');
    expect(text).not.toContain('X-Amz-Signature');
    expect(text).toContain('"url": "https://example.com/x?page=2"');
    expect(JSON.parse(text).headers).toEqual([
      { name: 'Authorization', value: '', signed: true, withheld: true },
      { name: 'x-api-key', value: '', signed: false, withheld: true },
      { name: 'accept', value: '*/*', signed: true },
    ]);
  });

  it('a change to one field of one request changes one line of one file', () => {
    const before = byPath(collectionToFiles(orders));
    const renamedUrl = structuredClone(orders);
    (renamedUrl.items[1] as { items: SavedRequest[] }).items[0]!.url = '{{base}}/v2/orders/{{id}}';
    const after = byPath(collectionToFiles(read(collectionToFiles(renamedUrl)).collection));
    // Read back from disk and written again: ids are paths now, the files are the same ones.
    const changed = Object.keys(after).filter((path) => after[path] !== before[path]);
    expect(changed).toEqual(['admin/delete-order.request.json']);
    const lines = (text: string) => text.split('\n');
    const beforeLines = lines(before['admin/delete-order.request.json']!);
    const afterLines = lines(after['admin/delete-order.request.json']!);
    expect(afterLines.filter((line, index) => line !== beforeLines[index])).toEqual([
      '  "url": "{{base}}/v2/orders/{{id}}",',
    ]);
  });

  it('keeps a request’s file when it is renamed after being read from disk', () => {
    const fromDisk = read(collectionToFiles(orders)).collection;
    const renamed = structuredClone(fromDisk);
    renamed.items[0]!.name = 'All orders';
    const paths = collectionToFiles(renamed).map((file) => file.path);
    expect(paths).toContain('list-orders.request.json');
    expect(byPath(collectionToFiles(renamed))['list-orders.request.json']).toContain(
      '"name": "All orders"',
    );
  });

  it('gives requests and folders of one name in one folder names of their own', () => {
    const twins: Collection = {
      ...orders,
      variables: [],
      items: [
        request('1', 'List'),
        request('2', 'list'),
        request('3', 'list!'),
        { kind: 'folder', id: '4', name: 'list', items: [] },
        { kind: 'folder', id: '5', name: 'List', items: [] },
        { kind: 'folder', id: '6', name: 'environments', items: [] },
      ],
    };
    expect(collectionToFiles(twins).map((file) => file.path)).toEqual([
      'collection.json',
      'list.request.json',
      'list-2.request.json',
      'list-3.request.json',
      'list/folder.json',
      'list-2/folder.json',
      'environments-2/folder.json',
    ]);
  });

  it('takes no path from an id that would leave the folder or hide a file', () => {
    const hostile: Collection = {
      ...orders,
      variables: [],
      items: [
        request('../escape.request.json', 'a'),
        request('/etc/x.request.json', 'b'),
        request('.hidden.request.json', 'c'),
        request('con.request.json', 'd'),
        request('sub/x.request.json', 'e'),
        { kind: 'folder', id: '../', name: 'f', items: [] },
        { kind: 'folder', id: 'x.json/', name: 'g', items: [] },
        { kind: 'folder', id: 'environments/', name: 'h', items: [] },
        { kind: 'folder', id: 'a/b/', name: 'i', items: [] },
      ],
    };
    expect(collectionToFiles(hostile).map((file) => file.path)).toEqual([
      'collection.json',
      'a.request.json',
      'b.request.json',
      'c.request.json',
      'd.request.json',
      'e.request.json',
      'f/folder.json',
      'g/folder.json',
      'h/folder.json',
      'i/folder.json',
    ]);
  });
});

describe('round trip through files', () => {
  it('reads back what it wrote: the same collection, ids from paths, secret values gone', () => {
    fc.assert(
      fc.property(anyCollection, anyEnvironments, (collection, environments) => {
        const files = collectionToFiles(collection, environments);
        const back = read(files, collection.id);

        expect(back.collection.id).toBe(collection.id);
        expect(withoutIds(back.collection.items)).toEqual(withoutIds(collection.items));
        const about = (value: Collection) => ({
          name: value.name,
          description: value.description,
          variables: withoutSecretValues(value.variables),
        });
        expect(about(back.collection)).toEqual(about(collection));
        // Environments come back in the order of their file names.
        const comparable = (list: readonly Environment[]) =>
          list
            .map(({ name, variables }) =>
              JSON.stringify({ name, variables: withoutSecretValues(variables) }),
            )
            .sort();
        expect(comparable(back.environments)).toEqual(comparable(environments));

        // Ids are the files' paths, and the same at every reading.
        const ids = allIds(back.collection.items);
        expect(new Set(ids).size).toBe(ids.length);
        expect(read(files, collection.id)).toEqual(back);
        // Written again, nothing moves.
        const again = byPath(collectionToFiles(back.collection, back.environments));
        const first = byPath(collectionToFiles(collection, environments));
        expect(Object.keys(again).sort()).toEqual(Object.keys(first).sort());
        for (const [path, text] of Object.entries(first)) {
          // Only what was never written differs: a secret's value, which the first write left out too.
          expect(again[path], path).toBe(text);
        }
      }),
    );
  });

  it('writes only safe, distinct paths, whatever the names and ids', () => {
    fc.assert(
      fc.property(anyCollection, anyEnvironments, (collection, environments) => {
        const paths = collectionToFiles(collection, environments).map((file) => file.path);
        expect(new Set(paths.map((path) => path.toLowerCase())).size).toBe(paths.length);
        for (const path of paths) {
          expect(fileRole(path), path).toBeDefined();
          for (const segment of path.split('/')) expect(isSafeFileName(segment), path).toBe(true);
        }
      }),
    );
  });
});

describe('collectionFromFiles', () => {
  const minimal = (extra: CollectionFile[] = []): CollectionFile[] => [
    { path: 'collection.json', text: '{"name":"Hand made"}' },
    ...extra,
  ];

  it('reads files written by hand: defaults for what they leave out', () => {
    const { collection } = read(
      minimal([{ path: 'ping.request.json', text: '{"name":"Ping","method":"GET","url":"/"}' }]),
    );
    expect(collection).toEqual({
      id: 'orders-api',
      name: 'Hand made',
      variables: [],
      items: [
        {
          kind: 'request',
          id: 'ping.request.json',
          name: 'Ping',
          method: 'GET',
          url: '/',
          headers: [],
          body: '',
          options: DEFAULT_SAVED_OPTIONS,
        },
      ],
    });
  });

  it('lists what order names, skips what it names that is gone, then the rest by name', () => {
    const ping = (name: string) => `{"name":"${name}","method":"GET","url":"/"}`;
    const { collection } = read([
      {
        path: 'collection.json',
        text: '{"name":"c","order":["b.request.json","gone.request.json","sub/","b.request.json"]}',
      },
      { path: 'a.request.json', text: ping('a') },
      { path: 'b.request.json', text: ping('b') },
      { path: 'sub/x.request.json', text: ping('x') },
      { path: 'plain/y.request.json', text: ping('y') },
      { path: 'README.md', text: '# not ours' },
      { path: '.git/x.request.json', text: 'not ours either' },
      { path: 'environments/notes/z.json', text: 'not an environment' },
    ]);
    expect(collection.items.map((item) => [item.id, item.name])).toEqual([
      ['b.request.json', 'b'],
      ['sub/', 'sub'],
      ['a.request.json', 'a'],
      ['plain/', 'plain'],
    ]);
  });

  it('takes no secret value from a file that holds one', () => {
    const { collection } = read(
      minimal([]).map((file) => ({
        ...file,
        text: '{"name":"c","variables":[{"name":"k","value":"leaked","secret":true}]}',
      })),
    );
    expect(collection.variables).toEqual([{ name: 'k', value: '', secret: true, enabled: true }]);
  });

  it.each([
    [
      'no collection.json',
      [],
      'collection.json is missing: a collection folder has one at its top',
    ],
    [
      'malformed JSON',
      minimal([{ path: 'admin/x.request.json', text: '{"name": "x",' }]),
      /^admin\/x\.request\.json: not valid JSON \(.+\)$/,
    ],
    [
      'a field of the wrong type',
      minimal([{ path: 'x.request.json', text: '{"name":"x","method":"GET","url":["/"]}' }]),
      'x.request.json: url: expected text, not a list',
    ],
    [
      'a later format',
      [{ path: 'collection.json', text: '{"version":2,"name":"c"}' }],
      'collection.json: format version 2 is not one this playground reads (it reads 1); update the playground',
    ],
    [
      'a path that climbs out',
      minimal([{ path: '../x.request.json', text: '{}' }]),
      '"../x.request.json": not a path inside the collection folder',
    ],
    [
      'an absolute path',
      minimal([{ path: '/etc/x.request.json', text: '{}' }]),
      '"/etc/x.request.json": not a path inside the collection folder',
    ],
    [
      'a backslash',
      minimal([{ path: 'a\\..\\x.request.json', text: '{}' }]),
      '"a\\\\..\\\\x.request.json": not a path inside the collection folder',
    ],
    [
      'a NUL',
      minimal([{ path: 'x\0.request.json', text: '{}' }]),
      /not a path inside the collection folder/,
    ],
    [
      'one path twice',
      minimal([{ path: 'collection.json', text: '{"name":"again"}' }]),
      'collection.json: given twice',
    ],
    [
      'a folder that is also a file',
      minimal([
        { path: 'x.request.json', text: '{"name":"x","method":"GET","url":"/"}' },
        { path: 'x.request.json/folder.json', text: '{}' },
      ]),
      'x.request.json: is both a file and a folder',
    ],
  ])('refuses %s, naming the file', (_label, files, message) => {
    if (typeof message === 'string') expect(readError(files)).toBe(message);
    else expect(readError(files)).toMatch(message);
  });

  it('names the file at fault apart too, for the page to point at', () => {
    const result = collectionFromFiles(
      minimal([{ path: 'admin/x.request.json', text: '{"name": "x",' }]),
      { id: 'c' },
    );
    expect(result).toMatchObject({ ok: false, file: 'admin/x.request.json' });
  });

  it(`refuses folders more than ${COLLECTION_LIMITS.maxDepth} deep`, () => {
    const deep = (levels: number) =>
      `${Array.from({ length: levels }, (_, index) => `f${index}`).join('/')}/x.request.json`;
    const file = (levels: number) => ({
      path: deep(levels),
      text: '{"name":"x","method":"GET","url":"/"}',
    });
    expect(readError(minimal([file(COLLECTION_LIMITS.maxDepth)]))).toBe('accepted');
    expect(readError(minimal([file(COLLECTION_LIMITS.maxDepth + 1)]))).toBe(
      `${deep(COLLECTION_LIMITS.maxDepth + 1)}: folders nest at most ${COLLECTION_LIMITS.maxDepth} deep`,
    );
  });

  it('refuses too many files and too much text before reading any', () => {
    const many = Array.from({ length: COLLECTION_FILE_LIMITS.maxFiles + 1 }, (_, index) => ({
      path: `r${index}.request.json`,
      text: 'never parsed',
    }));
    expect(readError(many)).toBe(
      `more than ${COLLECTION_FILE_LIMITS.maxFiles} files in the collection folder`,
    );
    const huge = minimal([
      { path: 'big.request.json', text: 'x'.repeat(COLLECTION_FILE_LIMITS.maxTotalChars + 1) },
    ]);
    expect(readError(huge)).toBe(
      `big.request.json: the collection's files are over ${COLLECTION_FILE_LIMITS.maxTotalChars} characters in all`,
    );
  });
});

describe('file names', () => {
  it.each([
    ['List orders', 'list-orders'],
    ['GET /users/{id}', 'get-users-id'],
    ['..', 'untitled'],
    ['', 'untitled'],
    ['../../etc/passwd', 'etc-passwd'],
    ['con', '_con'],
    ['LPT1', '_lpt1'],
    ['Crème brûlée', 'crème-brûlée'],
    ['ユーザー取得', 'ユーザー取得'],
    ['\ud800', 'untitled'],
    ['x'.repeat(500), 'x'.repeat(COLLECTION_FILE_LIMITS.maxSlugChars)],
  ])('slugs %j as %j', (name, slug) => {
    expect(fileSlug(name)).toBe(slug);
    expect(isSafeFileName(slug)).toBe(true);
  });

  it('slugs any name into a safe file name', () => {
    fc.assert(fc.property(fc.string({ maxLength: 600 }), (name) => isSafeFileName(fileSlug(name))));
  });

  it.each([
    ['', false],
    ['.', false],
    ['..', false],
    ['.git', false],
    ['a/b', false],
    ['a\\b', false],
    ['a\0b', false],
    ['a:b', false],
    ['nul.request.json', false],
    ['trailing.', false],
    ['trailing ', false],
    ['\ud800x', false],
    ['é'.repeat(128), false],
    ['Orders API', true],
    ['orders-api', true],
    ['é'.repeat(127), true],
  ])('isSafeFileName(%j) is %s', (name, safe) => {
    expect(isSafeFileName(name)).toBe(safe);
  });
});

describe('parseFolderContents and parseDiskCollection', () => {
  it('take what the collections API carries, environments optional in a PUT', () => {
    expect(parseFolderContents({ collection: orders })).toEqual({
      ok: true,
      value: { collection: orders },
    });
    expect(parseDiskCollection({ collection: orders, environments: [dev] })).toEqual({
      ok: true,
      value: { collection: orders, environments: [dev] },
    });
    expect(parseDiskCollection({ collection: orders })).toEqual({
      ok: false,
      error: 'environments: expected a list',
    });
  });

  it.each([
    [null, 'expected an object { "collection": …, "environments": […] }'],
    [{ collection: 5 }, 'collection: expected an object, not a number'],
    [{ collection: { ...orders, name: 7 } }, 'collection.name: expected text, not a number'],
    [
      { collection: orders, environments: [{ ...dev, variables: 1 }] },
      'environments[0].variables: expected a list, not a number',
    ],
    [{ collection: orders, environments: {} }, 'environments: expected a list'],
  ])('say where %j is wrong', (value, error) => {
    expect(parseFolderContents(value)).toEqual({ ok: false, error });
  });
});
