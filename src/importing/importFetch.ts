// Imports a fetch(…) call as Chrome's DevTools write it ("Copy as fetch" and "Copy as fetch
// (Node.js)"): fetch("url", { "headers": {…}, "body": "…" | null, "method": "POST", … });
// The arguments are read as data (readJsLiteral), never run. Never throws.
import { cleanPastedRequest, FETCH_BINDING } from './cleanPastedRequest';
import { finishImport, type ImportRequestResult } from './importCurl';
import { isError, JsLiteralReader, type JsObject, type JsValue } from './readJsLiteral';
import { MAX_COMMAND_LENGTH } from './shellWords';

/** Options of fetch that say how the browser sends, not what: noted, not imported. */
const BROWSER_OPTIONS = new Set([
  'mode',
  'credentials',
  'cache',
  'redirect',
  'referrerPolicy',
  'integrity',
  'keepalive',
  'signal',
  'priority',
  'duplex',
  'window',
]);

const isObject = (value: JsValue): value is JsObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a fetch(…) snippet; the error says which part could not be read. */
export function importFetch(text: string): ImportRequestResult {
  const cleaned = cleanPastedRequest(text);
  if (!cleaned.ok) return cleaned;
  const snippet = cleaned.text;
  if (snippet.length > MAX_COMMAND_LENGTH)
    return { ok: false, error: `The snippet is longer than ${MAX_COMMAND_LENGTH} characters.` };
  const reader = new JsLiteralReader(snippet);
  // `const response = await fetch(…)`: the name it is given changes nothing.
  const binding = FETCH_BINDING.exec(snippet.slice(0, 200));
  if (binding) reader.at = binding[0].length;
  reader.eat('await');
  if (!reader.eat('fetch') || !reader.eat('('))
    return { ok: false, error: 'A fetch snippet starts with fetch(.' };
  const url = reader.readValue();
  if (isError(url))
    return { ok: false, error: `The URL of fetch(…) could not be read: ${url.error}` };
  if (typeof url !== 'string')
    return { ok: false, error: 'The first argument of fetch(…) must be the URL, as a string.' };
  let options: JsObject = {};
  if (reader.eat(',')) {
    reader.skipBlank();
    if (!reader.eat(')')) {
      const value = reader.readValue();
      if (isError(value))
        return { ok: false, error: `The options of fetch(…) could not be read: ${value.error}` };
      if (!isObject(value))
        return { ok: false, error: 'The second argument of fetch(…) must be an object { … }.' };
      options = value;
      reader.eat(',');
      if (!reader.eat(')'))
        return {
          ok: false,
          error: `Expected “)” after the options of fetch(…), found ${reader.here()}.`,
        };
    }
  } else if (!reader.eat(')'))
    return { ok: false, error: `Expected “,” or “)” after the URL, found ${reader.here()}.` };
  reader.eat(';');
  reader.skipBlank();
  const notes: string[] = [];
  if (snippet.startsWith('.', reader.at))
    notes.push('What is done with the answer (.then(…) and the like) was left out.');
  else if (reader.at < snippet.length)
    notes.push('Only the first fetch(…) was read; the text after it was left out.');

  const headers: Array<[string, string]> = [];
  const given = options.headers;
  if (isObject(given)) {
    for (const [name, value] of Object.entries(given)) {
      if (typeof value === 'string' || typeof value === 'number')
        headers.push([name, String(value)]);
      else return { ok: false, error: `The header ${name} has no text value.` };
    }
  } else if (Array.isArray(given)) {
    for (const pair of given) {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string')
        return { ok: false, error: 'headers must be [name, value] pairs.' };
      headers.push([pair[0], String(pair[1])]);
    }
  } else if (given !== undefined && given !== null)
    return { ok: false, error: 'headers must be an object of names and values.' };

  const method = options.method ?? 'GET';
  if (typeof method !== 'string' || !/^[A-Za-z-]+$/.test(method))
    return { ok: false, error: 'method must be a string such as "POST".' };
  const body = options.body;
  if (body !== undefined && body !== null && typeof body !== 'string')
    return {
      ok: false,
      error:
        'The body is not a string (a FormData, Blob or object is built by code): paste it as text, or use JSON.stringify({…}).',
    };
  const referrer = options.referrer;
  if (typeof referrer === 'string' && referrer !== '' && !/^about:client$/.test(referrer)) {
    // The browser sends the referrer as a Referer header, as "Copy as cURL" shows.
    if (!headers.some(([name]) => name.toLowerCase() === 'referer'))
      headers.push(['Referer', referrer]);
  }
  if (
    options.credentials === 'include' &&
    !headers.some(([name]) => name.toLowerCase() === 'cookie')
  )
    notes.push(
      'credentials: "include" sends the browser’s cookies for the site; they are not in the snippet, so none were imported.',
    );
  const dropped = Object.keys(options).filter((key) => BROWSER_OPTIONS.has(key));
  if (dropped.length > 0)
    notes.push(`Left out, as they do not change the request: ${dropped.join(', ')}.`);
  const unknown = Object.keys(options).filter(
    (key) => !BROWSER_OPTIONS.has(key) && !['headers', 'method', 'body', 'referrer'].includes(key),
  );
  if (unknown.length > 0) notes.push(`Not understood, and left out: ${unknown.join(', ')}.`);
  return {
    ok: true,
    request: finishImport(
      { method, url, headers, body: typeof body === 'string' ? body : '' },
      notes,
    ),
  };
}
