// The one way the collections slice changes a collection: find it (in the browser or on disk),
// put the changed one in its list, and have it written where it is kept.
import type { Collection } from '../collections/collectionModel';
import type { CollectionWriter } from './collectionWrites';
import type { CollectionPlace, CollectionsSlice } from './collectionsState';
import type { StoreGet, StoreSet } from './playgroundState';

export interface Located {
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

export interface CollectionEditor {
  /** The collection's list in its place with `collection` in it (replaced, or put at `index`). */
  placeCollection(place: CollectionPlace, collection: Collection, index?: number): void;
  /** Applies an edit to one collection, shows it and writes it. */
  edit(id: string, change: (collection: Collection) => Collection): Located | undefined;
  editItems(
    id: string,
    change: (items: Collection['items']) => Collection['items'],
  ): Located | undefined;
}

export function createCollectionEditor(
  set: StoreSet,
  get: StoreGet,
  writer: CollectionWriter,
): CollectionEditor {
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

  return { placeCollection, edit, editItems };
}
