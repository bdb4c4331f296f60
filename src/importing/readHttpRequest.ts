// Reads a request written as HTTP text: an HTTP/1.1 request (request line, headers, body) or the
// HTTP/2 headers browsers' developer tools copy. Shared by importing (importRawHttp) and the
// signature check (diagnosis/checkSignature).
import { parseUrl, schemeForHost } from '../signing';

export interface HttpRequestText {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: string;
}

const hasHeader = (headers: ReadonlyArray<readonly [string, string]>, name: string) =>
  headers.some(([key]) => key.toLowerCase() === name);

/**
 * An HTTP/1.1 request as text. A request line with an absolute URL gives the URL; otherwise the
 * Host header does, with https assumed.
 */
export function readHttpRequest(text: string): HttpRequestText | { error: string } {
  const normalized = text.replace(/\r\n/g, '\n');
  const blank = normalized.indexOf('\n\n');
  const head = blank < 0 ? normalized : normalized.slice(0, blank);
  const body = blank < 0 ? '' : normalized.slice(blank + 2);
  const [requestLine = '', ...headerLines] = head.split('\n');
  const words = requestLine.trim().split(' ');
  if (words.length < 2)
    return { error: 'The first line must be a request line: GET /path HTTP/1.1' };
  const method = words[0]!;
  const target = (
    /^HTTP\/\S+$/i.test(words.at(-1)!) && words.length > 2 ? words.slice(1, -1) : words.slice(1)
  ).join(' ');
  const headers: Array<[string, string]> = [];
  for (const line of headerLines) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      headers.at(-1)![1] += `\n${line}`;
      continue;
    }
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `Not a header line: ${line}` };
    headers.push([
      line.slice(0, colon).trim(),
      line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, ''),
    ]);
  }
  let url: string;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(target)) {
    url = target;
    if (!hasHeader(headers, 'host')) headers.unshift(['Host', parseUrl(target).host]);
  } else {
    const host = headers.find(([name]) => name.toLowerCase() === 'host')?.[1]?.trim();
    if (host === undefined || host === '')
      return { error: 'The request has no Host header, so its URL cannot be known.' };
    // No scheme on the wire: AWS endpoints are https; this machine (the local gateway) is http.
    url = `${schemeForHost(host)}://${host}${target.startsWith('/') || target.startsWith('?') ? '' : '/'}${target}`;
  }
  return { method, url, headers, body };
}

/**
 * HTTP/2 headers as browsers' developer tools copy them: pseudo-headers (:method, :authority,
 * :path, :scheme) instead of a request line. :authority is what AWS signs as host.
 */
export function readHttp2Headers(text: string): HttpRequestText | { error: string } {
  const normalized = text.replace(/\r\n/g, '\n');
  const blank = normalized.indexOf('\n\n');
  const head = blank < 0 ? normalized : normalized.slice(0, blank);
  const body = blank < 0 ? '' : normalized.slice(blank + 2);
  const pseudo = new Map<string, string>();
  const headers: Array<[string, string]> = [];
  for (const line of head.split('\n')) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':', line.startsWith(':') ? 1 : 0);
    if (colon <= 0) return { error: `Not a header line: ${line}` };
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (name.startsWith(':')) pseudo.set(name.toLowerCase(), value);
    else headers.push([name, value]);
  }
  const authority = pseudo.get(':authority');
  if (authority === undefined || authority === '')
    return { error: 'The HTTP/2 headers have no :authority, so the URL cannot be known.' };
  if (!hasHeader(headers, 'host')) headers.unshift(['host', authority]);
  const path = pseudo.get(':path') ?? '/';
  return {
    method: pseudo.get(':method') ?? 'GET',
    url: `${pseudo.get(':scheme') ?? 'https'}://${authority}${path.startsWith('/') ? '' : '/'}${path}`,
    headers,
    body,
  };
}
