// Imports a request written as HTTP text (HTTP/1.1, or the HTTP/2 headers developer tools copy).
import { isLoopbackHost, parseUrl } from '../signing';
import { cleanPastedRequest } from './cleanPastedRequest';
import { finishImport, type ImportRequestResult } from './importCurl';
import { readHttp2Headers, readHttpRequest } from './readHttpRequest';

/** Headers the page (or the browser) sets from the URL and body, so they are not imported. */
const DERIVED_HEADERS = new Set(['content-length', 'connection']);

/** Reads raw HTTP; the error says which line was not understood. */
export function importRawHttp(text: string): ImportRequestResult {
  const cleaned = cleanPastedRequest(text);
  if (!cleaned.ok) return cleaned;
  const trimmed = cleaned.text;
  if (trimmed.trim() === '')
    return { ok: false, error: 'Paste a request: GET /path HTTP/1.1, then its headers.' };
  const parsed = /^:(?:method|authority|path|scheme)\s*:/i.test(trimmed)
    ? readHttp2Headers(trimmed)
    : /^[A-Za-z-]+ \S/.test(trimmed)
      ? readHttpRequest(trimmed)
      : { error: 'The first line must be a request line: GET /path HTTP/1.1' };
  if ('error' in parsed) return { ok: false, error: parsed.error };
  const notes: string[] = [];
  const host = parseUrl(parsed.url).host;
  const headers = parsed.headers.filter(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower === 'host') return value.trim().toLowerCase() !== host.toLowerCase();
    return !DERIVED_HEADERS.has(lower);
  });
  const absoluteTarget = /^[A-Za-z-]+[ \t]+[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(trimmed);
  if (!absoluteTarget && isLoopbackHost(host))
    notes.push(
      'The request gives no scheme: http was assumed for this machine (as the local gateway serves); change it to https if this server uses TLS.',
    );
  const method = /^[A-Za-z-]+$/.test(parsed.method) ? parsed.method : 'GET';
  return { ok: true, request: finishImport({ ...parsed, method, headers }, notes) };
}
