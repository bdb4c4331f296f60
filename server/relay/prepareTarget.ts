// Everything about the target that can be checked before connecting, so that what goes on the
// wire is exactly what was signed, or nothing is sent at all. What node:http can and cannot send
// byte-exactly (Node 20, checked by sendUpstream.test.ts):
// - The request-target is the path and query as written in the URL (never through `new URL()`);
//   the relay refuses characters that cannot go on the wire as written (controls, space, non-ASCII)
//   instead of letting Node reject or re-encode them.
// - Host is sent as given (setHost: false); only when the page gives none does the relay add the
//   one a browser would.
// - Node always sends the method in upper case, so a method that is not already upper case is
//   refused: its signature covers the method as written.
// - The relay appends `Content-Length` when the page sent neither it nor Transfer-Encoding and
//   Node would otherwise frame the body in chunks. It is never signed.
// - A Content-Length that disagrees with the body would desynchronize the connection, so it is
//   refused; so is Transfer-Encoding other than plain `chunked`, or together with Content-Length.
import { parseUrl, type ParsedUrl } from '../../src/signing';
import type { RelayRequest } from '../../src/transport/relayProtocol';
import { badRequest, invalidTarget } from './relayError';
import { forLog } from './relayText';

/** A relay request checked and ready to go on the wire. */
export interface Target {
  method: string;
  url: ParsedUrl;
  /** The scheme as the relay connects with it. */
  secure: boolean;
  /** Where to connect: host name or IP (IPv6 without brackets), and port. */
  hostname: string;
  port: number;
  /** The request-target: path and query exactly as written. */
  requestTarget: string;
  /** Header lines in order, as given, plus the Host or Content-Length the relay adds. */
  headers: Array<[string, string]>;
  body: Buffer;
  timeoutMs: number;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What node:http accepts in a header value (it writes the value as Latin-1). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** The bytes a request-target can carry as written. */
const NOT_ON_THE_WIRE = /[^\x21-\x7e]/;
/** Methods node:http sends without chunked framing when no body length is given. */
const NO_BODY_BY_DEFAULT = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE']);
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

/** The target of a parsed relay request; a 400 RelayError saying what cannot be sent and why. */
export function prepareTarget(
  relayRequest: RelayRequest & { timeoutMs: number },
  body: Buffer,
): Target {
  const { method } = relayRequest;
  const url = parseUrl(relayRequest.url);
  const { hostname, port } = connectTo(url, relayRequest.url);
  checkMethod(method);
  const requestTarget = wireRequestTarget(url);
  const headers = wireHeaders(relayRequest.headers, method, url, body);
  return {
    method,
    url,
    secure: url.scheme === 'https',
    hostname,
    port,
    requestTarget,
    headers,
    body,
    timeoutMs: relayRequest.timeoutMs,
  };
}

/** Host name and port to connect to, from the URL's scheme and authority. */
function connectTo(url: ParsedUrl, written: string): { hostname: string; port: number } {
  if (url.scheme !== 'http' && url.scheme !== 'https') {
    throw badRequest(
      `"url" must start with http:// or https:// (got ${JSON.stringify(forLog(written.slice(0, 40)))}).`,
    );
  }
  if (url.authority === '') throw badRequest('"url" has no host name.');
  try {
    // Only the authority goes through the URL parser (IDNA, IPv6 brackets, default port).
    const parsed = new URL(`${url.scheme}://${url.authority}/`);
    return {
      hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: parsed.port === '' ? DEFAULT_PORTS[url.scheme]! : Number(parsed.port),
    };
  } catch {
    throw badRequest(
      `"url" has a host that is not valid: ${JSON.stringify(forLog(url.authority))}.`,
    );
  }
}

function checkMethod(method: string): void {
  if (!TOKEN.test(method)) {
    throw invalidTarget(
      `The method ${JSON.stringify(forLog(method))} is not a valid HTTP method name.`,
    );
  }
  if (method !== method.toUpperCase()) {
    throw invalidTarget(
      `The method "${method}" is not in upper case, and Node sends every method in upper case, so the request would not match its signature; use "${method.toUpperCase()}".`,
    );
  }
  if (method === 'CONNECT') throw invalidTarget('The relay cannot send CONNECT requests.');
}

/** Path and query exactly as written, if every byte of them can go on the wire that way. */
function wireRequestTarget(url: ParsedUrl): string {
  const path = url.path === '' ? '/' : url.path;
  const requestTarget = url.query === null ? path : `${path}?${url.query}`;
  const bad = NOT_ON_THE_WIRE.exec(requestTarget);
  if (bad) {
    const char = bad[0];
    const what =
      char === ' '
        ? 'a space'
        : char.charCodeAt(0) < 0x20 || char === '\u007f'
          ? 'a control character'
          : `the non-ASCII character "${char}"`;
    throw invalidTarget(
      `The URL's path or query contains ${what}, which cannot go on the wire as written; percent-encode it (and sign the encoded URL).`,
    );
  }
  return requestTarget;
}

/** The page's header lines, checked, plus the Host and Content-Length a browser would add. */
function wireHeaders(
  given: Array<[string, string]>,
  method: string,
  url: ParsedUrl,
  body: Buffer,
): Array<[string, string]> {
  const headers = given.map(([name, value]) => [name, value] as [string, string]);
  let hasHost = false;
  const contentLengths: string[] = [];
  const transferEncodings: string[] = [];
  headers.forEach(([name, value], index) => {
    if (!TOKEN.test(name)) {
      throw invalidTarget(
        `Header name ${JSON.stringify(forLog(name))} (headers[${index}]) is not a valid HTTP header name.`,
      );
    }
    if (!HEADER_VALUE.test(value)) {
      throw invalidTarget(
        `Header "${name}" (headers[${index}]) has a line break, control or non-Latin-1 character in its value, which cannot be sent; remove it.`,
      );
    }
    const lower = name.toLowerCase();
    if (lower === 'host') hasHost = true;
    else if (lower === 'content-length') contentLengths.push(value);
    else if (lower === 'transfer-encoding') transferEncodings.push(value);
  });
  if (contentLengths.length > 0 && transferEncodings.length > 0) {
    throw invalidTarget(
      'The request has both Content-Length and Transfer-Encoding, which servers read differently; remove one.',
    );
  }
  if (contentLengths.some((value) => value.trim() !== String(body.length))) {
    throw invalidTarget(
      `The Content-Length header (${forLog(contentLengths.join(', '))}) does not match the body's ${body.length} bytes; correct it or leave it out.`,
    );
  }
  if (
    transferEncodings.length > 1 ||
    transferEncodings.some((v) => v.trim().toLowerCase() !== 'chunked')
  ) {
    throw invalidTarget(
      'The relay sends Transfer-Encoding only as a single "chunked"; remove the header to send the body with a Content-Length.',
    );
  }
  // HTTP/1.1 needs a Host line; a browser would send this one.
  if (!hasHost) headers.unshift(['Host', url.host]);
  if (
    contentLengths.length === 0 &&
    transferEncodings.length === 0 &&
    (body.length > 0 || !NO_BODY_BY_DEFAULT.has(method))
  ) {
    headers.push(['Content-Length', String(body.length)]);
  }
  return headers;
}
