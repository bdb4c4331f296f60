import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { COLLECTION_LIMITS, type CollectionItem } from '../../collections/collectionModel';
import {
  filesToRead,
  importChosenFiles,
  importPathOf,
  MAX_IMPORT_BYTES,
  readChosenFiles,
  type ChosenFile,
} from './importChosenFiles';

const BRUNO_FIXTURES = fileURLToPath(
  new URL('../../../test-support/fixtures/collections/bruno/', import.meta.url),
);

/** A file as the browser hands it over; `text` fails the test if it is read. */
function chosen(webkitRelativePath: string, text = '', size = text.length): ChosenFile {
  return {
    name: webkitRelativePath.split('/').at(-1)!,
    webkitRelativePath,
    size,
    text: () => Promise.resolve(text),
  };
}

/** A folder on disk as `<input webkitdirectory>` gives it: paths start with the folder's name. */
function chosenFolder(folder: string): ChosenFile[] {
  const root = join(BRUNO_FIXTURES, folder);
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((path) => statSync(join(root, path)).isFile())
    .map((path) =>
      chosen(`${folder}/${path.split(/[/\\]/).join('/')}`, readFileSync(join(root, path), 'utf8')),
    );
}

/** The names in a tree, folders as { name: [...] }. */
function names(items: readonly CollectionItem[] = []): unknown[] {
  return items.map((item) =>
    item.kind === 'folder' ? { [item.name]: names(item.items) } : item.name,
  );
}

const options = () => {
  let next = 0;
  return { newId: () => `id-${++next}` };
};

describe('importPathOf', () => {
  it('names a file by its path in the folder chosen, else by its name', () => {
    expect(importPathOf(chosen('orders-api/admin/purge.bru'))).toBe('orders-api/admin/purge.bru');
    expect(importPathOf({ ...chosen('x'), name: 'collection.json', webkitRelativePath: '' })).toBe(
      'collection.json',
    );
    expect(importPathOf({ name: 'env.json', size: 0, text: () => Promise.resolve('') })).toBe(
      'env.json',
    );
  });
});

describe('filesToRead', () => {
  it('reads a folder’s Bruno files only, outside node_modules and .git, and counts the rest', () => {
    const picked = filesToRead(
      [
        chosen('api/bruno.json'),
        chosen('api/orders/list.bru'),
        chosen('api/README.md'),
        chosen('api/.env'),
        chosen('api/node_modules/pkg/x.bru'),
        chosen('api/.git/config'),
      ],
      'folder',
    );
    expect(picked).toMatchObject({
      ok: true,
      files: [{ fileName: 'api/bruno.json' }, { fileName: 'api/orders/list.bru' }],
      notRead: 4,
    });
  });

  it('reads every file chosen one by one (each importer says what it makes of it)', () => {
    const picked = filesToRead(
      [{ ...chosen('x'), name: 'a.json', webkitRelativePath: '' }, chosen('b.yaml')],
      'files',
    );
    expect(picked).toMatchObject({
      ok: true,
      files: [{ fileName: 'a.json' }, { fileName: 'b.yaml' }],
    });
  });

  it('says so when a folder holds no Bruno collection', () => {
    expect(filesToRead([chosen('docs/README.md')], 'folder')).toEqual({
      ok: false,
      error: expect.stringMatching(/^No Bruno collection in this folder/),
    });
  });

  it('refuses too many files or too many bytes before reading any', () => {
    const text = vi.fn(() => Promise.resolve(''));
    const file = (path: string, size = 1): ChosenFile => ({ ...chosen(path), size, text });
    const many = Array.from({ length: COLLECTION_LIMITS.maxImportFiles + 1 }, (_, index) =>
      file(`api/r${index}.bru`),
    );
    expect(filesToRead(many, 'folder')).toEqual({
      ok: false,
      error: `${COLLECTION_LIMITS.maxImportFiles + 1} files were chosen; the playground reads at most ${COLLECTION_LIMITS.maxImportFiles} at once.`,
    });
    expect(filesToRead([file('api/huge.bru', MAX_IMPORT_BYTES + 1)], 'folder')).toEqual({
      ok: false,
      error: '“api/huge.bru” is too large to be a collection.',
    });
    const half = MAX_IMPORT_BYTES / 2 + 1;
    expect(filesToRead([file('a.json', half), file('b.json', half)], 'files')).toEqual({
      ok: false,
      error: expect.stringMatching(/^The files chosen come to 80\.0 MiB; .* at most 80\.0 MiB/),
    });
    expect(text).not.toHaveBeenCalled();
  });
});

describe('readChosenFiles', () => {
  it('hands the importers each file’s path and text', async () => {
    const picked = filesToRead(
      [chosen('api/a.bru', 'get {}'), chosen('api/b/c.bru', 'post {}')],
      'folder',
    );
    expect(picked.ok && (await readChosenFiles(picked.files))).toEqual([
      { fileName: 'api/a.bru', text: 'get {}' },
      { fileName: 'api/b/c.bru', text: 'post {}' },
    ]);
  });
});

describe('importChosenFiles', () => {
  it('keeps a Bruno collection folder’s folders', async () => {
    const result = await importChosenFiles(chosenFolder('orders-api'), 'folder', options());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { collection, environments } = result.workspace;
    expect(collection?.name).toBe('Orders API (Bruno)');
    expect(names(collection?.items)).toEqual([
      { Orders: ['List orders', 'Create order', 'Get order'] },
      { Admin: ['Purge cache'] },
      'Health',
      'Search orders',
    ]);
    expect(environments.map((environment) => environment.name).sort()).toEqual(['dev', 'prod']);
  });

  it('adds a note naming how many files of the folder were not read', async () => {
    const folder = [...chosenFolder('local-gateway'), chosen('local-gateway/README.md', '# hi')];
    const result = await importChosenFiles(folder, 'folder', options());
    expect(result.ok && result.workspace.notes.at(-1)).toBe(
      '1 other file was in the folder and was not read: a Bruno collection is its .bru files and bruno.json.',
    );
  });
});
