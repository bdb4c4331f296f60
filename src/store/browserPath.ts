import { parseUrl } from '../signing';

export interface BrowserPath {
  /** The path as typed. */
  written: string;
  /** The path the browser sends, and so the one signed. */
  sent: string;
}

/**
 * The URL with its path as a browser's fetch sends it, when that differs from the path typed:
 * the WHATWG URL parser resolves '.' and '..' segments (%2e too: /a/b/.. and /a/b/%2e%2e go out
 * as /a/), reads '\' as '/', and percent-encodes spaces, non-ASCII and a few delimiters. Only the
 * path: how the query is escaped does not change its canonical form. Undefined when the browser
 * sends the path as typed, or when the URL is not one it can send (the validator says why).
 */
export function withBrowserPath(url: string): { url: string; path: BrowserPath } | undefined {
  const parsed = parseUrl(url);
  if (parsed.scheme !== 'http' && parsed.scheme !== 'https') return undefined;
  let sent: string;
  try {
    sent = new URL(url).pathname;
  } catch {
    return undefined;
  }
  // An empty path goes out as '/', which is also what the signer signs for it.
  if (sent === parsed.path || (parsed.path === '' && sent === '/')) return undefined;
  const afterScheme = url.indexOf('://') + 3;
  const pathStart = afterScheme + url.slice(afterScheme).search(/[/?\\#]|$/);
  return {
    url: url.slice(0, pathStart) + sent + url.slice(pathStart + parsed.path.length),
    path: { written: parsed.path, sent },
  };
}
