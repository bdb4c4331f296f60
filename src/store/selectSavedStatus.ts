import { locateCollection } from './collectionEditor';
import type { CollectionPlace } from './collectionsState';
import { findItem } from './collectionTree';
import type { PlaygroundState } from './playgroundState';
import { sameContent, savedContentOf } from './savedRequest';

export type SavedStatus =
  /** The form did not come from a saved request. */
  | { kind: 'none' }
  /** It did, and that request (or its collection) was deleted since. */
  | { kind: 'missing' }
  | {
      /** 'modified': saving would change the saved request. */
      kind: 'saved' | 'modified';
      place: CollectionPlace;
      /** On disk, the collection's folder name. */
      collectionId: string;
      collectionName: string;
      /** Folder names and then the request's own, joined with " / ". */
      path: string;
    };

/**
 * Which saved request the form came from and whether it has unsaved changes: the form, converted
 * as Save would convert it, against what is saved. Cheap enough for every keystroke: one walk of a
 * collection and one conversion.
 */
export function selectSavedStatus(state: PlaygroundState): SavedStatus {
  const from = state.request.savedFrom;
  if (from === null) return { kind: 'none' };
  const located = locateCollection(state.collections, from.collectionId);
  const found = located && findItem(located.collection.items, from.requestId);
  if (found === undefined || found.item.kind !== 'request') {
    // Not read yet is not gone.
    const { status, disk } = state.collections;
    return status === 'loading' || disk?.status === 'loading'
      ? { kind: 'none' }
      : { kind: 'missing' };
  }
  const { content } = savedContentOf(state.request, state.options);
  return {
    kind: sameContent(content, found.item) ? 'saved' : 'modified',
    place: located!.place,
    collectionId: located!.collection.id,
    collectionName: located!.collection.name,
    path: [...found.folders.map((folder) => folder.name), found.item.name].join(' / '),
  };
}
