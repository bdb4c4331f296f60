// What the Collections panel and the Save bar do to saved requests and folders: save the form
// (Save, Save as…), open one into the form, rename, duplicate, reorder, move, delete (with undo).
import { COLLECTION_LIMITS, type SavedRequest } from '../collections/collectionModel';
import { locateCollection, type CollectionEditor } from './collectionEditor';
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
import type { CollectionsSlice, SaveResult } from './collectionsState';
import type { StoreGet, StoreSet } from './playgroundState';
import { savedContentOf, savedRequestFields } from './savedRequest';

export type ItemActions = Pick<
  CollectionsSlice,
  | 'newFolder'
  | 'saveRequest'
  | 'saveRequestAs'
  | 'openRequest'
  | 'renameItem'
  | 'duplicateRequest'
  | 'moveItem'
  | 'moveItemTo'
  | 'deleteItem'
>;

export function createItemActions(
  set: StoreSet,
  get: StoreGet,
  { editItems }: CollectionEditor,
): ItemActions {
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
      set((state) => ({
        collections: {
          ...state.collections,
          undo: {
            message:
              item.kind === 'folder'
                ? `Deleted the folder “${item.name}” and what it held.`
                : `Deleted “${item.name}”.`,
            place: before!.place,
            collection: before!.collection,
            index: before!.index,
          },
        },
      }));
    },
  };
}
