import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SAVED_OPTIONS,
  type Collection,
  type CollectionItem,
  type SavedRequest,
} from '../collections/collectionModel';
import type { CollectionsSlice } from './collectionsState';
import { updateItem } from './collectionTree';
import { locateSavedRequest } from './locateSavedRequest';
import { selectSavedStatus } from './selectSavedStatus';
import { createTestStore } from './storeTestSupport';
import { selectTabTitles } from './tabTitle';

const request = (id: string, name = id): SavedRequest => ({
  kind: 'request',
  id,
  name,
  method: 'GET',
  url: `https://example.com/${id}`,
  headers: [],
  body: '',
  options: DEFAULT_SAVED_OPTIONS,
});

/** 500 requests in 10 folders of 50, the last folder holding a subfolder with one more. */
function bigTree(): CollectionItem[] {
  return Array.from({ length: 10 }, (_, folder) => ({
    kind: 'folder' as const,
    id: `f${folder}`,
    name: `Folder ${folder + 1}`,
    items: [
      ...Array.from({ length: 50 }, (_, at) => request(`r${folder * 50 + at}`)),
      ...(folder === 9
        ? [{ kind: 'folder' as const, id: 'deep', name: 'Deep', items: [request('last', 'Last')] }]
        : []),
    ],
  }));
}

const collection = (items: CollectionItem[]): Collection => ({
  id: 'c1',
  name: 'Bench',
  variables: [],
  items,
});

const slice = (browser: Collection[]): Pick<CollectionsSlice, 'browser' | 'disk'> => ({
  browser,
  disk: null,
});

/** The same list, counting how often its items are read (by index or by iterating it). */
function countingReads<Item>(items: Item[]): { items: Item[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { items: proxy, reads: () => reads };
}

describe('locateSavedRequest', () => {
  it('finds a request in folders, with the folders leading to it', () => {
    const found = locateSavedRequest(slice([collection(bigTree())]), {
      collectionId: 'c1',
      requestId: 'last',
    });
    expect(found?.item.name).toBe('Last');
    expect(found?.place).toBe('browser');
    expect(found?.folders.map((folder) => folder.name)).toEqual(['Folder 10', 'Deep']);
  });

  it('finds nothing for a folder’s id, an unknown id or an unknown collection', () => {
    const collections = slice([collection(bigTree())]);
    expect(locateSavedRequest(collections, { collectionId: 'c1', requestId: 'deep' })).toBe(
      undefined,
    );
    expect(locateSavedRequest(collections, { collectionId: 'c1', requestId: 'r500' })).toBe(
      undefined,
    );
    expect(locateSavedRequest(collections, { collectionId: 'c2', requestId: 'r1' })).toBe(
      undefined,
    );
    expect(locateSavedRequest(collections, null)).toBe(undefined);
  });

  it('reads a collection’s items once, however often it is asked', () => {
    const counted = countingReads(bigTree());
    const collections = slice([collection(counted.items)]);
    expect(locateSavedRequest(collections, { collectionId: 'c1', requestId: 'r0' })).toBeDefined();
    const afterFirst = counted.reads();
    expect(afterFirst).toBeGreaterThan(0);
    for (const requestId of ['r499', 'last', 'r250', 'nothing'])
      locateSavedRequest(collections, { collectionId: 'c1', requestId });
    expect(counted.reads()).toBe(afterFirst);
  });

  it('sees an edited tree: an edit makes a new list of items', () => {
    const before = collection(bigTree());
    const from = { collectionId: 'c1', requestId: 'last' };
    expect(locateSavedRequest(slice([before]), from)?.item.name).toBe('Last');
    const after = {
      ...before,
      items: updateItem(before.items, 'last', (item) => ({ ...item, name: 'Renamed' })),
    };
    expect(locateSavedRequest(slice([after]), from)?.item.name).toBe('Renamed');
  });
});

describe('a keystroke with 500 saved requests', () => {
  it('reads none of them: the Save bar and the tab titles look the saved request up by id', async () => {
    const store = createTestStore();
    const state = () => store.getState();
    await state().collections.load();
    const counted = countingReads(bigTree());
    store.setState({
      collections: { ...state().collections, browser: [collection(counted.items)] },
    });
    state().tabs.openNew();
    state().collections.openRequest('c1', 'last');
    expect(selectSavedStatus(state())).toMatchObject({
      kind: 'saved',
      path: 'Folder 10 / Deep / Last',
    });
    expect(selectTabTitles(state())).toEqual(['POST /prod/hello', 'Last']);

    const readsBeforeTyping = counted.reads();
    for (const text of ['{', '{"', '{"a', '{"a"', '{"a":1}']) {
      state().request.setField('bodyText', text);
      expect(selectSavedStatus(state())).toMatchObject({
        kind: 'modified',
        path: 'Folder 10 / Deep / Last',
      });
      expect(selectTabTitles(state())).toEqual(['POST /prod/hello', 'Last']);
    }
    expect(counted.reads()).toBe(readsBeforeTyping);
  });
});
