import type { CollectionsSlice, SavedFrom } from './collectionsState';
import { locateSavedRequest } from './locateSavedRequest';
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
function savedRequestName(
  collections: Pick<CollectionsSlice, 'browser' | 'disk'>,
  savedFrom: SavedFrom | null,
): string | null {
  return locateSavedRequest(collections, savedFrom)?.item.name ?? null;
}

/**
 * Each tab's form's title while neither it nor the collections change: the tab bar asks after
 * every change to the store, and a tab not on screen keeps its form as it was.
 */
const titles = new WeakMap<RequestFields, { collections: CollectionsSlice; title: string }>();

/** Every open tab's title, in the tab bar's order. */
export function selectTabTitles(state: PlaygroundState): string[] {
  const { collections } = state;
  return state.tabs.list.map((tab) => {
    const request = tab.parked?.request ?? state.request;
    const known = titles.get(request);
    if (known?.collections === collections) return known.title;
    const title = tabTitle(request, savedRequestName(collections, request.savedFrom));
    titles.set(request, { collections, title });
    return title;
  });
}
