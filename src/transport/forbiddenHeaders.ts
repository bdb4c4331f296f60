// What a page's fetch may not send (the Fetch standard's forbidden request-headers and methods),
// shared by the direct transport and the importers that warn about pasted headers.

/** Fetch's forbidden request-header names: the browser drops them, or sets them itself. */
const FORBIDDEN_HEADER_NAMES = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);
const METHOD_OVERRIDE_HEADERS = new Set([
  'x-http-method',
  'x-http-method-override',
  'x-method-override',
]);
export const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** Whether a page's fetch may not set this header (the Fetch standard's forbidden request-header). */
export function isForbiddenRequestHeader(name: string, value = ''): boolean {
  const lower = name.toLowerCase();
  if (FORBIDDEN_HEADER_NAMES.has(lower)) return true;
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  return (
    METHOD_OVERRIDE_HEADERS.has(lower) &&
    value.split(',').some((method) => FORBIDDEN_METHODS.has(method.trim().toUpperCase()))
  );
}

/**
 * Splits headers into those the browser sends as given and those it drops. Host and Content-Length
 * are dropped only to be sent by the browser itself, with the values the URL and body give; any
 * other dropped header that was signed makes the signature fail, which the UI can warn about.
 */
export function splitBrowserHeaders(headers: ReadonlyArray<readonly [string, string]>): {
  sendable: Array<[string, string]>;
  dropped: Array<[string, string]>;
} {
  const sendable: Array<[string, string]> = [];
  const dropped: Array<[string, string]> = [];
  for (const [name, value] of headers) {
    (isForbiddenRequestHeader(name, value) ? dropped : sendable).push([name, value]);
  }
  return { sendable, dropped };
}
