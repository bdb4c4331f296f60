import { describe, expect, it } from 'vitest';
import {
  COLLECTION_LIMITS,
  DEFAULT_SAVED_OPTIONS,
  type CollectionItem,
  type SavedFolder,
} from '../collections/collectionModel';
import {
  cleanName,
  countRequests,
  findItem,
  folderChoices,
  insertAfter,
  isValidDestination,
  moveBy,
  moveInto,
  removeItem,
  withNewIds,
} from './collectionTree';

const request = (id: string): CollectionItem => ({
  kind: 'request',
  id,
  name: id,
  method: 'GET',
  url: 'https://example.com/',
  headers: [],
  body: '',
  options: DEFAULT_SAVED_OPTIONS,
});
const folder = (id: string, items: CollectionItem[]): SavedFolder => ({
  kind: 'folder',
  id,
  name: id.toUpperCase(),
  items,
});

/** a, F[ b, G[ c ] ], d */
const tree: CollectionItem[] = [
  request('a'),
  folder('f', [request('b'), folder('g', [request('c')])]),
  request('d'),
];
const ids = (items: readonly CollectionItem[]): unknown[] =>
  items.map((item) => (item.kind === 'folder' ? { [item.id]: ids(item.items) } : item.id));

describe('collectionTree', () => {
  it('finds an item with the folders leading to it', () => {
    const found = findItem(tree, 'c')!;
    expect(found.item.id).toBe('c');
    expect(found.folders.map((each) => each.id)).toEqual(['f', 'g']);
    expect(findItem(tree, 'nope')).toBeUndefined();
  });

  it('moves an item up or down among its siblings, and not past either end', () => {
    expect(ids(moveBy(tree, 'd', -1))).toEqual(['a', 'd', { f: ['b', { g: ['c'] }] }]);
    expect(ids(moveBy(tree, 'b', 1))).toEqual(['a', { f: [{ g: ['c'] }, 'b'] }, 'd']);
    expect(ids(moveBy(tree, 'a', -1))).toEqual(ids(tree));
    expect(ids(moveBy(tree, 'd', 1))).toEqual(ids(tree));
  });

  it('moves an item into another folder, or to the top level', () => {
    expect(ids(moveInto(tree, 'a', 'g'))).toEqual([{ f: ['b', { g: ['c', 'a'] }] }, 'd']);
    expect(ids(moveInto(tree, 'c', null))).toEqual(['a', { f: ['b', { g: [] }] }, 'd', 'c']);
  });

  it('never moves a folder into itself or into a folder inside it', () => {
    expect(isValidDestination(tree, 'f', 'f')).toBe(false);
    expect(isValidDestination(tree, 'f', 'g')).toBe(false);
    expect(ids(moveInto(tree, 'f', 'g'))).toEqual(ids(tree));
    expect(isValidDestination(tree, 'g', null)).toBe(true);
  });

  it('never nests folders deeper than the model allows', () => {
    let deep: SavedFolder = folder('deep0', []);
    for (let level = 1; level < COLLECTION_LIMITS.maxDepth; level += 1)
      deep = folder(`deep${level}`, [deep]);
    const items = [deep, folder('other', [folder('inner', [])])];
    expect(isValidDestination(items, 'inner', 'deep0')).toBe(false);
    expect(isValidDestination(items, 'other', 'deep1')).toBe(false);
  });

  it('inserts after an item, and removes one wherever it is', () => {
    expect(ids(insertAfter(tree, 'b', request('b2')))).toEqual([
      'a',
      { f: ['b', 'b2', { g: ['c'] }] },
      'd',
    ]);
    expect(ids(removeItem(tree, 'g'))).toEqual(['a', { f: ['b'] }, 'd']);
  });

  it('names folders by their path', () => {
    expect(folderChoices(tree)).toEqual([
      { id: 'f', label: 'F' },
      { id: 'g', label: 'F / G' },
    ]);
  });

  it('gives a copy new ids throughout', () => {
    const copy = withNewIds(tree[1] as SavedFolder);
    const all = [...JSON.stringify(copy).matchAll(/"id":"([^"]+)"/g)].map((match) => match[1]);
    expect(all).toHaveLength(4);
    expect(all.some((id) => ['f', 'b', 'g', 'c'].includes(id!))).toBe(false);
    expect(new Set(all).size).toBe(4);
    expect(countRequests(tree)).toBe(4);
  });

  it('cleans a name: trimmed, bounded, never empty', () => {
    expect(cleanName('  Items  ', 'x')).toBe('Items');
    expect(cleanName('   ', 'New folder')).toBe('New folder');
    expect(cleanName('n'.repeat(10_000), 'x')).toHaveLength(COLLECTION_LIMITS.maxNameChars);
  });
});
