/** A URL split into the parts SigV4 needs, each kept exactly as written (the wire form). */
export interface ParsedUrl {
  /** Lower-case scheme without ':' ('' when the text had none). */
  scheme: string;
  /** Authority as written: host, optional port; user info removed. */
  authority: string;
  /** Value for the Host header: lower-case host, port only when not the scheme's default. */
  host: string;
  /** Path as written, '' when absent. */
  path: string;
  /** Query as written, without '?'; null when the URL has no '?'. */
  query: string | null;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/**
 * Splits a URL without normalizing it. `new URL()` would resolve '..', re-encode the path and
 * rewrite the query, but SigV4 signs the bytes that go on the wire, so only the host goes through
 * the URL parser (for IDNA, lower case and default ports). Never throws: text that is not a URL
 * still yields parts, and the validator says what is wrong with it.
 */
export function parseUrl(url: string): ParsedUrl {
  let rest = url;
  let scheme = '';
  const schemeMatch = SCHEME.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1]!.toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
  }
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) rest = rest.slice(0, hashAt);

  let authority = '';
  if (schemeMatch) {
    // Browsers end an http(s) authority at '\' too (WHATWG URL reads it as '/').
    const end = rest.search(scheme === 'http' || scheme === 'https' ? /[/?\\]/ : /[/?]/);
    authority = end < 0 ? rest : rest.slice(0, end);
    rest = end < 0 ? '' : rest.slice(end);
    const at = authority.lastIndexOf('@');
    if (at >= 0) authority = authority.slice(at + 1);
  }
  const queryAt = rest.indexOf('?');
  const path = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const query = queryAt < 0 ? null : rest.slice(queryAt + 1);
  return { scheme, authority, host: hostHeaderValue(scheme, authority), path, query };
}

function hostHeaderValue(scheme: string, authority: string): string {
  if (authority === '') return '';
  try {
    const parsed = new URL(`${scheme === '' ? 'http' : scheme}://${authority}/`);
    const port =
      parsed.port !== '' && parsed.port !== DEFAULT_PORTS[scheme] ? `:${parsed.port}` : '';
    return parsed.hostname + port;
  } catch {
    return authority.toLowerCase();
  }
}

/** Hosts that name this machine (port removed): served over plain http, like the local gateway. */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$|\.localhost$/;

/** Whether a host (with or without its port) names this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOST.test(host.toLowerCase().replace(/:\d+$/, ''));
}

/**
 * The scheme to assume for a host typed or pasted without one: http for this machine (nothing
 * local serves TLS by default), https for everything else (every AWS endpoint).
 */
export function schemeForHost(host: string): 'http' | 'https' {
  return isLoopbackHost(host) ? 'http' : 'https';
}
