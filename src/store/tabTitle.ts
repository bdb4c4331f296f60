import { locateCollection } from './collectionEditor';
import type { CollectionsSlice, SavedFrom } from './collectionsState';
import { findRequest } from './collectionTree';
import type { PlaygroundState, RequestFields } from './playgroundState';

/** Longer titles are cut: the tab bar shows a few words, and a pasted URL can be any length. */
export const MAX_TAB_TITLE_CHARS = 80;

/** The URL's path, or the URL as typed when it does not parse (still being typed, a variable). */
function pathOf(url: string): string {
  const trimmed = url.trim();
  if (trimmed === '') return '(no URL)';
  try {
    return new URL(trimmed).pathname;
  } catch {
    return trimmed;
  }
}

/**
 * A tab's name: the name of the saved request it was opened from, when there is one, else the
 * method and the URL's path ("POST /prod/hello").
 */
export function tabTitle(
  request: Pick<RequestFields, 'method' | 'url'>,
  savedName: string | null = null,
): string {
  const method = request.method.trim();
  const title =
    savedName !== null && savedName.trim() !== ''
      ? savedName.trim()
      : (method === '' ? '' : `${method} `) + pathOf(request.url);
  return title.length <= MAX_TAB_TITLE_CHARS
    ? title
    : `${title.slice(0, MAX_TAB_TITLE_CHARS - 1)}…`;
}

/** The saved request's name while its collection holds it; null when none, not read yet or gone. */
export function savedRequestName(
  collections: Pick<CollectionsSlice, 'browser' | 'disk'>,
  savedFrom: SavedFrom | null,
): string | null {
  if (savedFrom === null) return null;
  const located = locateCollection(collections, savedFrom.collectionId);
  return (located && findRequest(located.collection.items, savedFrom.requestId)?.name) ?? null;
}

/** Every open tab's title, in the tab bar's order. */
export function selectTabTitles(state: PlaygroundState): string[] {
  return state.tabs.list.map((tab) => {
    const request = tab.parked?.request ?? state.request;
    return tabTitle(request, savedRequestName(state.collections, request.savedFrom));
  });
}
