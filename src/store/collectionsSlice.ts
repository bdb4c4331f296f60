import {
  COLLECTION_LIMITS,
  type Collection,
  type SavedRequest,
} from '../collections/collectionModel';
import {
  appendTo,
  cleanName,
  countRequests,
  findItem,
  findRequest,
  insertAfter,
  moveBy,
  moveInto,
  newItemId,
  removeItem,
  updateItem,
  withNewIds,
} from './collectionTree';
import { createCollectionWriter, type CollectionWriter } from './collectionWrites';
import type { CollectionsRepository } from './collectionsRepository';
import type {
  CollectionPlace,
  CollectionsSlice,
  EnvironmentsSlice,
  SaveResult,
} from './collectionsState';
import { createEnvironmentsSlice } from './environmentsSlice';
import type { StoreGet, StoreSet } from './playgroundState';
import { readStoredWorkspace } from './readStoredWorkspace';
import { savedContentOf, savedRequestFields, storableItems } from './savedRequest';

interface Located {
  place: CollectionPlace;
  collection: Collection;
  index: number;
}

/** The collection with this id, in the browser or on disk. */
export function locateCollection(
  state: Pick<CollectionsSlice, 'browser' | 'disk'>,
  id: string,
): Located | undefined {
  const index = state.browser.findIndex((collection) => collection.id === id);
  if (index >= 0) return { place: 'browser', collection: state.browser[index]!, index };
  const onDisk = state.disk?.collections.findIndex((collection) => collection.id === id) ?? -1;
  if (onDisk >= 0)
    return { place: 'disk', collection: state.disk!.collections[onDisk]!, index: onDisk };
  return undefined;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The collections and environments slices, on one repository and one writer: their writes are
 * reported in one place (collections.error) and `settled` waits for both.
 */
export function createCollectionSlices(
  set: StoreSet,
  get: StoreGet,
  repository: CollectionsRepository,
): { collections: CollectionsSlice; environments: EnvironmentsSlice } {
  const writer = createCollectionWriter(repository, (error) =>
    set((state) => ({ collections: { ...state.collections, error } })),
  );
  return {
    collections: createCollectionsSlice(set, get, repository, writer),
    environments: createEnvironmentsSlice(set, get, writer),
  };
}

function createCollectionsSlice(
  set: StoreSet,
  get: StoreGet,
  repository: CollectionsRepository,
  writer: CollectionWriter,
): CollectionsSlice {
  const patch = (fields: Partial<CollectionsSlice>) =>
    set((state) => ({ collections: { ...state.collections, ...fields } }));
  let loading: Promise<void> | null = null;

  /** The collection's list in its place with `collection` in it (replaced, or put at `index`). */
  const placeCollection = (place: CollectionPlace, collection: Collection, index?: number) =>
    set(({ collections }) => {
      const list =
        place === 'browser' ? collections.browser : (collections.disk?.collections ?? []);
      const at = list.findIndex((candidate) => candidate.id === collection.id);
      const next =
        at >= 0
          ? list.map((candidate, i) => (i === at ? collection : candidate))
          : [
              ...list.slice(0, index ?? list.length),
              collection,
              ...list.slice(index ?? list.length),
            ];
      if (place === 'browser')
        return { collections: { ...collections, browser: next, undo: null } };
      if (collections.disk === null) return {};
      return {
        collections: {
          ...collections,
          disk: { ...collections.disk, collections: next },
          undo: null,
        },
      };
    });

  /** Applies an edit to one collection, shows it and writes it. */
  const edit = (
    id: string,
    change: (collection: Collection) => Collection,
  ): Located | undefined => {
    const found = locateCollection(get().collections, id);
    if (found === undefined) return undefined;
    const changed = change(found.collection);
    if (changed === found.collection) return found;
    placeCollection(found.place, changed);
    writer.put(found.place, changed);
    return { ...found, collection: changed };
  };

  const editItems = (id: string, change: (items: Collection['items']) => Collection['items']) =>
    edit(id, (collection) => ({ ...collection, items: change(collection.items) }));

  const saveInto = (collectionId: string, request: SavedRequest, folderId: string | null) => {
    const found = locateCollection(get().collections, collectionId);
    if (found === undefined) return 'That collection no longer exists.';
    if (countRequests(found.collection.items) >= COLLECTION_LIMITS.maxRequests)
      return `“${found.collection.name}” holds ${COLLECTION_LIMITS.maxRequests} requests, the most one collection may.`;
    editItems(collectionId, (items) => appendTo(items, folderId, request));
    return null;
  };

  const setSavedFrom = (collectionId: string, requestId: string) =>
    set((state) => ({ request: { ...state.request, savedFrom: { collectionId, requestId } } }));

  return {
    status: 'loading',
    error: null,
    skipped: [],
    browser: [],
    disk: null,
    undo: null,

    load: () => {
      loading ??= (async () => {
        try {
          const loaded = readStoredWorkspace(await repository.read());
          // Whatever was made while the database was being read stays, after what was stored.
          set(({ collections, environments }) => ({
            collections: {
              ...collections,
              status: 'ready',
              skipped: loaded.skipped,
              browser: [
                ...loaded.collections,
                ...collections.browser.filter(
                  (made) => !loaded.collections.some((stored) => stored.id === made.id),
                ),
              ],
            },
            environments: {
              ...environments,
              status: 'ready',
              list: [
                ...loaded.environments,
                ...environments.list.filter(
                  (made) => !loaded.environments.some((stored) => stored.id === made.id),
                ),
              ],
              activeId: environments.activeId ?? loaded.activeEnvironmentId,
            },
          }));
        } catch (error) {
          set(({ collections, environments }) => ({
            collections: {
              ...collections,
              status: 'ready',
              error: `Collections cannot be kept in this browser (${reason(error)}): what you save lasts until the tab closes.`,
            },
            environments: { ...environments, status: 'ready' },
          }));
        }
      })();
      return loading;
    },

    connectDisk: async (source) => {
      writer.connectDisk(source);
      patch({ disk: { folder: source.folder, status: 'loading', collections: [] } });
      let listed: Awaited<ReturnType<typeof source.list>>;
      try {
        listed = await source.list();
      } catch (error) {
        listed = { ok: false, error: reason(error) };
      }
      patch({
        disk: {
          folder: source.folder,
          status: 'ready',
          collections: listed.ok ? listed.collections : [],
        },
        ...(listed.ok
          ? {}
          : { error: `Could not read the collections in ${source.folder}: ${listed.error}` }),
      });
    },

    createCollection: (name) => {
      const collection: Collection = {
        id: newItemId('c'),
        name: cleanName(name, 'New collection'),
        variables: [],
        items: [],
      };
      placeCollection('browser', collection);
      writer.put('browser', collection);
      return collection.id;
    },

    renameCollection: (id, name) =>
      void edit(id, (collection) => ({ ...collection, name: cleanName(name, collection.name) })),

    deleteCollection: (id) => {
      const found = locateCollection(get().collections, id);
      if (found === undefined || found.place !== 'browser') return;
      writer.remove('browser', found.collection);
      patch({
        browser: get().collections.browser.filter((collection) => collection.id !== id),
        undo: {
          message: `Deleted the collection “${found.collection.name}”.`,
          place: 'browser',
          collection: found.collection,
          index: found.index,
        },
      });
    },

    importWorkspace: (workspace) => {
      if (workspace.collection !== undefined) {
        // A fresh id: importing the same file twice gives two collections, not one overwritten.
        const collection: Collection = {
          ...workspace.collection,
          id: newItemId('c'),
          items: storableItems(workspace.collection.items),
        };
        placeCollection('browser', collection);
        writer.put('browser', collection);
      }
      get().environments.addEnvironments(workspace.environments);
      if (workspace.keys !== undefined) get().credentials.fillIdentity(workspace.keys);
    },

    newFolder: (collectionId, parentId, name) => {
      const folder = {
        kind: 'folder' as const,
        id: newItemId('f'),
        name: cleanName(name, 'New folder'),
        items: [],
      };
      const found = locateCollection(get().collections, collectionId);
      if (found === undefined) return null;
      if (parentId !== null) {
        const parent = findItem(found.collection.items, parentId);
        if (parent?.item.kind !== 'folder') return null;
        if (parent.folders.length + 2 > COLLECTION_LIMITS.maxDepth) return null;
      }
      editItems(collectionId, (items) => appendTo(items, parentId, folder));
      return folder.id;
    },

    saveRequest: (): SaveResult => {
      const { request, options, collections } = get();
      const from = request.savedFrom;
      if (from === null)
        return { ok: false, error: 'This request was not saved yet: use Save as….' };
      const found = locateCollection(collections, from.collectionId);
      const saved = found && findRequest(found.collection.items, from.requestId);
      if (saved === undefined)
        return { ok: false, error: 'Its saved request no longer exists: use Save as….' };
      const { content, notKept } = savedContentOf(request, options);
      editItems(from.collectionId, (items) =>
        updateItem(items, from.requestId, (item) => ({ ...(item as SavedRequest), ...content })),
      );
      return { ok: true, requestId: from.requestId, notKept };
    },

    saveRequestAs: ({ collectionId, folderId, name }): SaveResult => {
      const { request, options } = get();
      const { content, notKept } = savedContentOf(request, options);
      const saved: SavedRequest = {
        kind: 'request',
        id: newItemId('r'),
        name: cleanName(name, `${request.method} ${request.url}`),
        ...content,
      };
      const problem = saveInto(collectionId, saved, folderId);
      if (problem !== null) return { ok: false, error: problem };
      setSavedFrom(collectionId, saved.id);
      return { ok: true, requestId: saved.id, notKept };
    },

    openRequest: (collectionId, requestId) => {
      const found = locateCollection(get().collections, collectionId);
      const saved = found && findRequest(found.collection.items, requestId);
      if (saved === undefined) return;
      const fields = savedRequestFields(saved);
      set((state) => ({
        request: { ...state.request, ...fields.request, savedFrom: { collectionId, requestId } },
        options: { ...state.options, ...fields.options },
      }));
    },

    renameItem: (collectionId, itemId, name) =>
      void editItems(collectionId, (items) =>
        updateItem(items, itemId, (item) => ({ ...item, name: cleanName(name, item.name) })),
      ),

    duplicateRequest: (collectionId, requestId) => {
      const found = locateCollection(get().collections, collectionId);
      const original = found && findRequest(found.collection.items, requestId);
      if (original === undefined) return null;
      const copy = withNewIds({
        ...original,
        name: cleanName(`${original.name} copy`, original.name),
      });
      editItems(collectionId, (items) => insertAfter(items, requestId, copy));
      return copy.id;
    },

    moveItem: (collectionId, itemId, delta) =>
      void editItems(collectionId, (items) => moveBy(items, itemId, delta)),

    moveItemTo: (collectionId, itemId, folderId) =>
      void editItems(collectionId, (items) => moveInto(items, itemId, folderId)),

    deleteItem: (collectionId, itemId) => {
      const before = locateCollection(get().collections, collectionId);
      const item = before && findItem(before.collection.items, itemId)?.item;
      if (item === undefined) return;
      editItems(collectionId, (items) => removeItem(items, itemId));
      patch({
        undo: {
          message:
            item.kind === 'folder'
              ? `Deleted the folder “${item.name}” and what it held.`
              : `Deleted “${item.name}”.`,
          place: before!.place,
          collection: before!.collection,
          index: before!.index,
        },
      });
    },

    undoDeletion: () => {
      const undo = get().collections.undo;
      if (undo === null) return;
      placeCollection(undo.place, undo.collection, undo.index);
      writer.put(undo.place, undo.collection);
    },

    dismissUndo: () => patch({ undo: null }),
    dismissError: () => patch({ error: null }),

    settled: () => writer.settled(),
  };
}
