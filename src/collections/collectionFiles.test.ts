import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collection as anyCollection,
  environments as anyEnvironments,
} from '../../test-support/collectionArbitraries';
import { withoutCredentialHeaders, withoutCredentialsInUrl } from '../request/credentialFields';
import { collectionFromFiles, collectionToFiles } from './collectionFiles';
import { byPath, dev, orders, read, readError } from './collectionFilesTestSupport';
import {
  COLLECTION_LIMITS,
  DEFAULT_SAVED_OPTIONS,
  withoutSecretValues,
  type Collection,
  type CollectionItem,
  type Environment,
  type SavedRequest,
} from './collectionModel';
import { COLLECTION_FILE_LIMITS, type CollectionFile } from './folderLayout';

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
});

describe('collectionFromFiles', () => {
  const minimal = (extra: CollectionFile[] = []): CollectionFile[] => [
    { path: 'collection.json', text: '{"name":"Hand made"}' },
    ...extra,
  ];

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
