import type { RequestFields } from './playgroundState';

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
