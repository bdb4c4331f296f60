import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SAVED_OPTIONS,
  type CollectionItem,
  type SavedFolder,
} from '../collections/collectionModel';
import { idChanges, movedSavedFrom, withIds } from './diskIds';

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
  name: id,
  items,
});

describe('diskIds', () => {
  const sent = [request('r1'), folder('f1', [request('r2')]), request('kept.request.json')];
  const onDisk = [
    request('a.request.json'),
    folder('f/', [request('f/b.request.json')]),
    request('kept.request.json'),
  ];

  it('matches the items by place, folders included, and leaves unchanged ids out', () => {
    expect([...idChanges(sent, onDisk)]).toEqual([
      ['r1', 'a.request.json'],
      ['f1', 'f/'],
      ['r2', 'f/b.request.json'],
    ]);
  });

  it('matches nothing where the kinds differ or the server has fewer items', () => {
    expect(idChanges([request('r1'), request('r2')], [folder('x/', [])]).size).toBe(0);
  });

  it('renames the ids in a tree and in a saved request reference', () => {
    const changes = idChanges(sent, onDisk);
    const ids = (items: readonly CollectionItem[]): unknown[] =>
      items.map((item) => (item.kind === 'folder' ? [item.id, ids(item.items)] : item.id));
    expect(ids(withIds(sent, changes))).toEqual(ids(onDisk));
    expect(movedSavedFrom({ collectionId: 'c', requestId: 'r2' }, 'c', changes)).toEqual({
      collectionId: 'c',
      requestId: 'f/b.request.json',
    });
    expect(movedSavedFrom({ collectionId: 'other', requestId: 'r2' }, 'c', changes)).toEqual({
      collectionId: 'other',
      requestId: 'r2',
    });
    expect(movedSavedFrom(null, 'c', changes)).toBeNull();
  });
});
