// The saved request a form came from, found without walking its collection: the page asks on every
// keystroke (the Save bar's "Unsaved changes", the tab titles) and a collection may hold hundreds
// of requests. A collection's tree is never changed in place (collectionTree.ts returns new
// lists), so an index made for one list of items holds for as long as that list is in the store;
// a WeakMap lets it go with the list.
import type {
  Collection,
  CollectionItem,
  SavedFolder,
  SavedRequest,
} from '../collections/collectionModel';
import { locateCollection } from './collectionEditor';
import type { CollectionPlace, CollectionsSlice, SavedFrom } from './collectionsState';

interface IndexedItem {
  item: CollectionItem;
  /** The folders leading to it, outermost first (shared by its siblings: not to be changed). */
  folders: readonly SavedFolder[];
}

const indexes = new WeakMap<readonly CollectionItem[], Map<string, IndexedItem>>();

/**
 * Every item of a tree by id, depth first as findItem (collectionTree.ts) walks it: with a
 * repeated id, the first one. Depth is bounded by COLLECTION_LIMITS.maxDepth, which the readers of
 * stored and imported collections enforce.
 */
function indexOf(items: readonly CollectionItem[]): Map<string, IndexedItem> {
  const known = indexes.get(items);
  if (known !== undefined) return known;
  const index = new Map<string, IndexedItem>();
  const visit = (level: readonly CollectionItem[], folders: readonly SavedFolder[]) => {
    for (const item of level) {
      if (!index.has(item.id)) index.set(item.id, { item, folders });
      if (item.kind === 'folder') visit(item.items, [...folders, item]);
    }
  };
  visit(items, []);
  indexes.set(items, index);
  return index;
}

export interface LocatedSavedRequest extends IndexedItem {
  item: SavedRequest;
  place: CollectionPlace;
  collection: Collection;
}

/** The request `savedFrom` names, while its collection holds it; undefined when gone or not read yet. */
export function locateSavedRequest(
  collections: Pick<CollectionsSlice, 'browser' | 'disk'>,
  savedFrom: SavedFrom | null,
): LocatedSavedRequest | undefined {
  if (savedFrom === null) return undefined;
  const located = locateCollection(collections, savedFrom.collectionId);
  if (located === undefined) return undefined;
  const found = indexOf(located.collection.items).get(savedFrom.requestId);
  if (found === undefined || found.item.kind !== 'request') return undefined;
  return {
    item: found.item,
    folders: found.folders,
    place: located.place,
    collection: located.collection,
  };
}
