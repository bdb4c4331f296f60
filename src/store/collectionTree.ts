// Edits of a collection's tree of folders and requests, each returning a new tree (the store's
// state is never changed in place). Folder depth is bounded by COLLECTION_LIMITS.maxDepth, which
// the reader of stored and imported collections enforces, so the recursion here is bounded too.
import {
  COLLECTION_LIMITS,
  type CollectionItem,
  type SavedFolder,
  type SavedRequest,
} from '../collections/collectionModel';

let idCounter = 0;
/** Unique within a tab and across reloads: ids are stored. */
export function newItemId(prefix: 'c' | 'f' | 'r' | 'e'): string {
  idCounter += 1;
  return `${prefix}${Date.now().toString(36)}${idCounter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** A name as kept: trimmed, within the model's bound, never empty. */
export function cleanName(name: string, fallback: string): string {
  const trimmed = name.trim().slice(0, COLLECTION_LIMITS.maxNameChars);
  return trimmed === '' ? fallback : trimmed;
}

export interface FoundItem {
  item: CollectionItem;
  /** The folders leading to it, outermost first. */
  folders: SavedFolder[];
}

export function findItem(
  items: readonly CollectionItem[],
  id: string,
  folders: SavedFolder[] = [],
): FoundItem | undefined {
  for (const item of items) {
    if (item.id === id) return { item, folders };
    if (item.kind === 'folder') {
      const found = findItem(item.items, id, [...folders, item]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export function findRequest(
  items: readonly CollectionItem[],
  id: string,
): SavedRequest | undefined {
  const found = findItem(items, id);
  return found?.item.kind === 'request' ? found.item : undefined;
}

/** The siblings list holding `id` replaced by what `edit` makes of it; other lists kept as they are. */
function editSiblings(
  items: readonly CollectionItem[],
  id: string,
  edit: (siblings: readonly CollectionItem[], index: number) => CollectionItem[],
): CollectionItem[] {
  const index = items.findIndex((item) => item.id === id);
  if (index >= 0) return edit(items, index);
  return items.map((item) =>
    item.kind === 'folder' && findItem(item.items, id) !== undefined
      ? { ...item, items: editSiblings(item.items, id, edit) }
      : item,
  );
}

/** The item replaced by `update`'s result. */
export function updateItem(
  items: readonly CollectionItem[],
  id: string,
  update: (item: CollectionItem) => CollectionItem,
): CollectionItem[] {
  return editSiblings(items, id, (siblings, index) =>
    siblings.map((item, at) => (at === index ? update(item) : item)),
  );
}

export function removeItem(items: readonly CollectionItem[], id: string): CollectionItem[] {
  return editSiblings(items, id, (siblings, index) => siblings.filter((_, at) => at !== index));
}

/** The item put right after the item `afterId` (a duplicate goes next to its original). */
export function insertAfter(
  items: readonly CollectionItem[],
  afterId: string,
  item: CollectionItem,
): CollectionItem[] {
  return editSiblings(items, afterId, (siblings, index) => [
    ...siblings.slice(0, index + 1),
    item,
    ...siblings.slice(index + 1),
  ]);
}

/** The item appended to a folder's items, or to the top level when `folderId` is null. */
export function appendTo(
  items: readonly CollectionItem[],
  folderId: string | null,
  item: CollectionItem,
): CollectionItem[] {
  if (folderId === null) return [...items, item];
  return updateItem(items, folderId, (folder) =>
    folder.kind === 'folder' ? { ...folder, items: [...folder.items, item] } : folder,
  );
}

/** One place up (-1) or down (+1) among its siblings; unchanged at either end. */
export function moveBy(
  items: readonly CollectionItem[],
  id: string,
  delta: -1 | 1,
): CollectionItem[] {
  return editSiblings(items, id, (siblings, index) => {
    const target = index + delta;
    if (target < 0 || target >= siblings.length) return [...siblings];
    const moved = [...siblings];
    [moved[index], moved[target]] = [moved[target]!, moved[index]!];
    return moved;
  });
}

/** Whether an item may move into a folder: not itself, not one inside it, not too deep. */
export function isValidDestination(
  items: readonly CollectionItem[],
  id: string,
  folderId: string | null,
): boolean {
  if (folderId === null) return true;
  const moving = findItem(items, id);
  const target = findItem(items, folderId);
  if (moving === undefined || target === undefined || target.item.kind !== 'folder') return false;
  if (target.item.id === id || target.folders.some((folder) => folder.id === id)) return false;
  return target.folders.length + 1 + depthOf(moving.item) <= COLLECTION_LIMITS.maxDepth;
}

/** Levels of folders an item holds, itself included (0 for a request). */
function depthOf(item: CollectionItem): number {
  if (item.kind === 'request') return 0;
  return 1 + Math.max(0, ...item.items.map(depthOf));
}

/** The item moved to the end of another folder (null: the top level). */
export function moveInto(
  items: readonly CollectionItem[],
  id: string,
  folderId: string | null,
): CollectionItem[] {
  const found = findItem(items, id);
  if (found === undefined || !isValidDestination(items, id, folderId)) return [...items];
  return appendTo(removeItem(items, id), folderId, found.item);
}

export interface FolderChoice {
  id: string;
  /** "Folder / Subfolder". */
  label: string;
}

/** Every folder, depth first, named by its path. */
export function folderChoices(
  items: readonly CollectionItem[],
  path: readonly string[] = [],
): FolderChoice[] {
  return items.flatMap((item) => {
    if (item.kind !== 'folder') return [];
    const here = [...path, item.name];
    return [{ id: item.id, label: here.join(' / ') }, ...folderChoices(item.items, here)];
  });
}

/** A copy with new ids throughout (a duplicate, or an import that already exists). */
export function withNewIds<Item extends CollectionItem>(item: Item): Item {
  if (item.kind === 'request') return { ...item, id: newItemId('r') };
  return { ...item, id: newItemId('f'), items: item.items.map(withNewIds) };
}

export function countRequests(items: readonly CollectionItem[]): number {
  return items.reduce(
    (count, item) => count + (item.kind === 'request' ? 1 : countRequests(item.items)),
    0,
  );
}
