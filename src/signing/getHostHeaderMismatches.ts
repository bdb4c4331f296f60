import { HOST_HEADER } from './constants';
import type { HeaderList } from './getCanonicalHeaders';
import { parseUrl } from './parseUrl';

export interface HostHeaderMismatch {
  /** The header's index in the request's header list. */
  index: number;
  /** The Host header's value, trimmed. */
  headerHost: string;
  /** The host the URL sends to, as the signer would write it (parseUrl's host). */
  urlHost: string;
}

/**
 * Every Host header whose host is not the URL's. The signer signs the Host header it is given,
 * so such a request goes to one server signed for another: that server (or anyone on the way)
 * can replay it to the named host. Hosts compare as the signer writes them: lower case, without
 * the scheme's default port.
 */
export function getHostHeaderMismatches(url: string, headers: HeaderList): HostHeaderMismatch[] {
  const target = parseUrl(url);
  if (target.host === '') return [];
  const scheme = target.scheme === '' ? 'http' : target.scheme;
  const mismatches: HostHeaderMismatch[] = [];
  headers.forEach(([name, value], index) => {
    if (name.trim().toLowerCase() !== HOST_HEADER) return;
    const headerHost = value.trim();
    const named = parseUrl(`${scheme}://${headerHost}/`);
    const same = named.authority === headerHost && named.host === target.host;
    if (!same) mismatches.push({ index, headerHost, urlHost: target.host });
  });
  return mismatches;
}
