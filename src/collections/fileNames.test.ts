import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collection as anyCollection,
  environments as anyEnvironments,
} from '../../test-support/collectionArbitraries';
import { collectionToFiles } from './collectionFiles';
import { orders, request } from './collectionFilesTestSupport';
import type { Collection } from './collectionModel';
import { fileSlug, isSafeFileName } from './fileNames';
import { COLLECTION_FILE_LIMITS, fileRole } from './folderLayout';

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

describe('the names collectionToFiles gives', () => {
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
