// The one place a request becomes text: the curl command and the HTTP text of "Request to send"
// (Copy as curl, Copy) and of the Export (signed curl, curl --aws-sigv4, raw HTTP). What curl
// would change on the way (globs, dot segments, an '@' body, an empty header, its own
// Content-Type) is decided here once, so every command sends the bytes that were signed. Pure.
import { parseUrl } from '../signing';

/** A request as it goes on the wire: the URL and headers exactly as signed. */
export interface RequestToRender {
  method: string;
  url: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body?: string | Uint8Array | ArrayBuffer | undefined;
}

/** A body as the renderers see it: none, text (valid UTF-8), or other bytes. */
export type RenderedBody =
  { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'binary'; bytes: Uint8Array };

/** Tells text from bytes: bytes that are valid UTF-8 are written as text. */
export function readBody(body: RequestToRender['body']): RenderedBody {
  if (body === undefined) return { kind: 'none' };
  if (typeof body === 'string')
    return body === '' ? { kind: 'none' } : { kind: 'text', text: body };
  const bytes = body instanceof Uint8Array ? body : new Uint8Array(body);
  if (bytes.length === 0) return { kind: 'none' };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'binary', bytes };
  }
}

const isBytes = (body: RequestToRender['body']): body is Uint8Array | ArrayBuffer =>
  body !== undefined && typeof body !== 'string';

/** Bytes as base64, for a command or code to decode (btoa takes one char per byte). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * One bash word that reads back as the text: bare when that is safe, '…' when the text has no
 * quote or control character, $'…' otherwise — so a line break or a carriage return survives a
 * paste into a terminal as the two characters \n, not as a keystroke. Neither form expands $,
 * backticks or (bash 5, interactive) '!'. `latin1`: characters U+0080–U+00FF become the single
 * bytes \xHH, as browsers and Node send a header value, instead of their two UTF-8 bytes.
 */
export function bashQuote(text: string, { latin1 = false } = {}): string {
  if (/^[A-Za-z0-9_.,:/@%+=-]+$/.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  const needsEscapes = latin1 ? /['\u0000-\u001f\u007f-\u00ff]/ : /['\u0000-\u001f\u007f]/;
  if (!needsEscapes.test(text)) return `'${text}'`;
  let quoted = "$'";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === '\\' || char === "'") quoted += `\\${char}`;
    else if (char === '\n') quoted += '\\n';
    else if (char === '\r') quoted += '\\r';
    else if (char === '\t') quoted += '\\t';
    else if (code < 0x20 || code === 0x7f || (latin1 && code >= 0x80 && code <= 0xff))
      quoted += `\\x${code.toString(16).padStart(2, '0')}`;
    else quoted += char;
  }
  return `${quoted}'`;
}

/**
 * Linux refuses a single argument over 128 KiB (MAX_ARG_STRLEN) with "Argument list too long":
 * a body longer than this goes to curl on its standard input, from bash's own printf (a
 * builtin, so no such limit).
 */
const MAX_BODY_ARGUMENT_BYTES = 64 * 1024;

/**
 * How a command carries a body: as one argument, or piped from a printf before the command.
 * Bash cannot pass a NUL byte in an argument, so text holding one travels as base64 like bytes.
 */
export function shellBody(
  body: RenderedBody,
): { kind: 'none' } | { kind: 'argument'; text: string } | { kind: 'pipe'; pipe: string } {
  if (body.kind === 'none') return { kind: 'none' };
  if (body.kind === 'text' && !body.text.includes('\u0000')) {
    if (new TextEncoder().encode(body.text).length <= MAX_BODY_ARGUMENT_BYTES)
      return { kind: 'argument', text: body.text };
    return { kind: 'pipe', pipe: `printf '%s' ${bashQuote(body.text)} | ` };
  }
  const bytes = body.kind === 'binary' ? body.bytes : new TextEncoder().encode(body.text);
  return { kind: 'pipe', pipe: `printf '%s' '${toBase64(bytes)}' | base64 -d | ` };
}

/**
 * The URL as curl must be given it: curl refuses spaces and control characters, and escapes
 * non-ASCII itself in lower-case hex (%c3%a9), which the server then reads as other bytes than a
 * browser's %C3%A9. Those are written as a browser sends them (UTF-8, upper-case hex); every
 * other character stays as signed, '[' '{' and the like included (-g keeps curl from globbing).
 * In the query this is what the signature expects (AWS decodes it before signing); a path that
 * needed it was not signed as it can go on the wire, which the request form warns about.
 */
export function curlUrl(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u{10ffff}]/gu, (char) =>
    Array.from(
      new TextEncoder().encode(char),
      (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    ).join(''),
  );
}

/** Where a header's value comes from: written out, or read from an environment variable. */
export type HeaderVariable = (header: readonly [string, string]) => string | null;

const noVariables: HeaderVariable = () => null;

export interface CurlOptions {
  /** Arguments that make curl sign by itself (--aws-sigv4, --user), already quoted. */
  signingArgs?: readonly string[];
  /** The environment variable a header's value is read from instead of written out. */
  headerVariable?: HeaderVariable;
  /**
   * The file a binary body was read from: curl reads it again (--data-binary @file). Without
   * it, the bytes travel in the command as base64.
   */
  bodyFileName?: string | undefined;
}

/**
 * One -H argument. curl reads "Name:" as "do not send Name" and "Name;" as Name with an empty
 * value, so an empty (or blank: SigV4 trims it) value is written the second way. A value goes as
 * Latin-1 bytes, the bytes the page sends (see validateSigningInput's warning on them).
 */
function curlHeader(header: readonly [string, string], variable: string | null): string {
  const [name, value] = header;
  if (variable !== null) return `-H ${bashQuote(`${name}: `)}"$${variable}"`;
  const line = value.trim() === '' ? `${name};` : `${name}: ${value}`;
  return `-H ${bashQuote(line, { latin1: true })}`;
}

const hasHeader = (headers: RequestToRender['headers'], name: string) =>
  headers.some(([key]) => key.toLowerCase() === name);

/**
 * The request as a curl command that sends the same bytes: --path-as-is keeps curl from removing
 * dot segments and -g from reading [] and {} as globs, either of which would change the signed
 * path; --data-raw sends a body starting with '@' as it is, where -d and --data-binary would send
 * a file's content instead; "-H 'Content-Type:'" stops curl adding a form Content-Type the
 * request does not have. curl's own Accept, User-Agent and (for a large body) Expect are not
 * signed, so they change nothing.
 */
export function toCurl(request: RequestToRender, options: CurlOptions = {}): string {
  const headerVariable = options.headerVariable ?? noVariables;
  const body = readBody(request.body);
  const bodyArgs: string[] = [];
  let pipe = '';
  if (body.kind !== 'none' && isBytes(request.body) && options.bodyFileName !== undefined) {
    bodyArgs.push(`--data-binary ${bashQuote(`@${options.bodyFileName}`)}`);
  } else {
    const carried = shellBody(body);
    if (carried.kind === 'argument') bodyArgs.push(`--data-raw ${bashQuote(carried.text)}`);
    if (carried.kind === 'pipe') {
      pipe = carried.pipe;
      bodyArgs.push('--data-binary @-');
    }
  }
  // Not when curl signs (--aws-sigv4): before 8.3 it signs a header removed this way (curl
  // issue 11664), and then the server misses it. It signs its own Content-Type instead.
  const curlSigns = (options.signingArgs ?? []).length > 0;
  if (body.kind !== 'none' && !curlSigns && !hasHeader(request.headers, 'content-type'))
    bodyArgs.push(`-H 'Content-Type:'`);

  const method = request.method.toUpperCase();
  let first = `${pipe}curl --path-as-is -g`;
  if (method === 'HEAD' && body.kind === 'none') first += ' --head';
  else if (method !== 'GET' || body.kind !== 'none') first += ` -X ${bashQuote(request.method)}`;
  const lines = [
    `${first} ${bashQuote(curlUrl(request.url))}`,
    ...(options.signingArgs ?? []),
    ...request.headers.map((header) => curlHeader(header, headerVariable(header))),
    ...bodyArgs,
  ];
  return lines.join(' \\\n  ');
}

/** What stands for a binary body in HTTP text: the bytes themselves are not text. */
export function binaryBodyNote(byteLength: number, fileName?: string): string {
  return `(${byteLength} bytes${fileName ? ` from ${fileName}` : ''})`;
}

export interface HttpTextOptions {
  /**
   * 'url': the request line is the method and the whole URL, as "Request to send" shows it.
   * 'wire': HTTP/1.1 as it goes on the wire — the path and query, Host first when the request
   * has none, Content-Length for a body — to paste into an HTTP client or send over a socket.
   */
  form: 'url' | 'wire';
  /** A header whose value is left out: "<left out: $VARIABLE>" stands in its place. */
  headerVariable?: HeaderVariable;
  /** Named in the note that stands for a binary body. */
  bodyFileName?: string | undefined;
}

/** The request as HTTP text: request line, headers, an empty line and the body. */
export function toHttpText(request: RequestToRender, options: HttpTextOptions): string {
  const headerVariable = options.headerVariable ?? noVariables;
  // "Request to send" shows bytes from a file as a note, whatever they hold; this text is its copy.
  const body =
    options.form === 'url' && isBytes(request.body)
      ? { kind: 'binary' as const, bytes: new Uint8Array(request.body) }
      : readBody(request.body);
  const headers = [...request.headers];
  let requestLine = `${request.method} ${request.url}`;
  if (options.form === 'wire') {
    const { host, path, query } = parseUrl(request.url);
    requestLine = `${request.method} ${path === '' ? '/' : path}${query === null ? '' : `?${query}`} HTTP/1.1`;
    if (!hasHeader(headers, 'host')) headers.unshift(['Host', host]);
    if (body.kind !== 'none' && !hasHeader(headers, 'content-length')) {
      const length =
        body.kind === 'text' ? new TextEncoder().encode(body.text).length : body.bytes.length;
      headers.push(['Content-Length', String(length)]);
    }
  }
  const lines = [
    requestLine,
    ...headers.map((header) => {
      const variable = headerVariable(header);
      return `${header[0]}: ${variable === null ? header[1] : `<left out: $${variable}>`}`;
    }),
  ];
  if (body.kind === 'text') lines.push('', body.text);
  else if (body.kind === 'binary')
    lines.push(
      '',
      options.form === 'wire' ? '' : binaryBodyNote(body.bytes.length, options.bodyFileName),
    );
  else if (options.form === 'wire') lines.push('', '');
  return lines.join('\n');
}
