// On disk an item's id is its file's path (collections/collectionFiles.ts), so a request saved
// into a disk collection gets a new id when the server writes it. The server keeps the tree's
// order and shape, so the ids are matched by place: the nth item of a folder sent is the nth
// item of the folder written.
import type { CollectionItem } from '../collections/collectionModel';
import type { SavedFrom } from './collectionsState';

/** Old id → new id, for every item at the same place (and of the same kind) in both trees. */
export function idChanges(
  sent: readonly CollectionItem[],
  onDisk: readonly CollectionItem[],
  changes: Map<string, string> = new Map(),
): Map<string, string> {
  sent.forEach((item, index) => {
    const written = onDisk[index];
    if (written === undefined || written.kind !== item.kind) return;
    if (written.id !== item.id) changes.set(item.id, written.id);
    if (item.kind === 'folder' && written.kind === 'folder')
      idChanges(item.items, written.items, changes);
  });
  return changes;
}

/** The tree with every changed id replaced. */
export function withIds(
  items: readonly CollectionItem[],
  changes: ReadonlyMap<string, string>,
): CollectionItem[] {
  return items.map((item) => {
    const id = changes.get(item.id) ?? item.id;
    return item.kind === 'request'
      ? { ...item, id }
      : { ...item, id, items: withIds(item.items, changes) };
  });
}

/** A form's (or a tab's) saved request under its new id, when it is one that changed. */
export function movedSavedFrom(
  from: SavedFrom | null,
  collectionId: string,
  changes: ReadonlyMap<string, string>,
): SavedFrom | null {
  if (from === null || from.collectionId !== collectionId) return from;
  const requestId = changes.get(from.requestId);
  return requestId === undefined ? from : { collectionId, requestId };
}
