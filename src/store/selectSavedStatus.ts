import type { CollectionPlace } from './collectionsState';
import { locateSavedRequest } from './locateSavedRequest';
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

/** The last answer and what it was worked out from (each slice is replaced when it changes). */
let last:
  (Pick<PlaygroundState, 'request' | 'options' | 'collections'> & { status: SavedStatus }) | null =
  null;

/**
 * Which saved request the form came from and whether it has unsaved changes: the form, converted
 * as Save would convert it, against what is saved. Cheap enough for every keystroke: the saved
 * request is looked up by id (locateSavedRequest), whatever the collection holds, and the form
 * converted once.
 */
export function selectSavedStatus(state: PlaygroundState): SavedStatus {
  // The store changes more often than these (each signing's result): the last answer stands.
  const { request, options, collections } = state;
  if (
    last !== null &&
    last.request === request &&
    last.options === options &&
    last.collections === collections
  )
    return last.status;
  const status = savedStatus(state);
  last = { request, options, collections, status };
  return status;
}

function savedStatus(state: PlaygroundState): SavedStatus {
  const from = state.request.savedFrom;
  if (from === null) return { kind: 'none' };
  const found = locateSavedRequest(state.collections, from);
  if (found === undefined) {
    // Not read yet is not gone.
    const { status, disk } = state.collections;
    return status === 'loading' || disk?.status === 'loading'
      ? { kind: 'none' }
      : { kind: 'missing' };
  }
  const { content } = savedContentOf(state.request, state.options);
  return {
    kind: sameContent(content, found.item) ? 'saved' : 'modified',
    place: found.place,
    collectionId: found.collection.id,
    collectionName: found.collection.name,
    path: [...found.folders.map((folder) => folder.name), found.item.name].join(' / '),
  };
}
