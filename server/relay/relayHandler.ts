// The relay: the page signs a request in the browser and POSTs it here as JSON (see
// src/transport/relayProtocol.ts); the relay sends it on to its target exactly as signed and brings
// the answer back, because most real APIs do not allow browser origins. It never sees a secret key,
// and it never logs headers, query strings or bodies.
//
// What node:http can and cannot send byte-exactly (Node 20, checked by relayHandler.test.ts):
// - The request-target is the path and query as written in the URL (never through `new URL()`);
//   the relay refuses characters that cannot go on the wire as written (controls, space, non-ASCII)
//   instead of letting Node reject or re-encode them.
// - Headers are passed to node:http as a flat array (the rawHeaders format), so names keep their
//   case, lines keep their order and repeated names stay separate lines. Host is sent as given
//   (setHost: false); only when the page gives none does the relay add the one a browser would.
// - Node always sends the method in upper case, so a method that is not already upper case is
//   refused: its signature covers the method as written.
// - Node appends `Connection: close` (a fresh connection per request) unless the page sent its own
//   Connection header, and the relay appends `Content-Length` when the page sent neither it nor
//   Transfer-Encoding and Node would otherwise frame the body in chunks. Neither is ever signed.
// - A Content-Length that disagrees with the body would desynchronize the connection, so it is
//   refused; so is Transfer-Encoding other than plain `chunked`, or together with Content-Length.
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import type { ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseUrl, type ParsedUrl } from '../../src/signing';
import {
  RELAY_HEADER,
  type RelayErrorType,
  type RelayFailure,
  type RelayRequest,
  type RelayResponse,
  type RelayTimings,
} from '../../src/transport/relayProtocol';
import { localHosts } from '../localHosts';

const MiB = 1024 * 1024;
/** The largest request body the relay carries (decoded bytes), like API Gateway's 10 MB. */
export const DEFAULT_MAX_BODY_BYTES = 10 * MiB;
/** The largest answer body the relay brings back. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * MiB;
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The longest timeout a page may ask for. */
export const MAX_TIMEOUT_MS = 10 * 60_000;
/** Room in the JSON envelope for method, URL and headers, besides the Base64 body. */
const ENVELOPE_ALLOWANCE = 1 * MiB;
/** After a 413, the rest of the upload is read and dropped up to this much, then cut off. */
const MAX_DRAIN_BYTES = 64 * MiB;

export interface RelayHandlerOptions {
  /** The port the app (and so the relay) is served on; a function when it is known only later. */
  port: number | (() => number);
  /** Request body limit in decoded bytes; default 10 MiB. */
  maxBodyBytes?: number;
  /** Answer body limit in bytes; default 10 MiB. */
  maxResponseBytes?: number;
  /** Upstream timeout when the page gives none; default 30 s. */
  defaultTimeoutMs?: number;
  /** Where the one line per request goes; default console.log. */
  log?: (line: string) => void;
}

type Status = 400 | 403 | 405 | 413 | 415 | 500 | 502 | 504;

class RelayError extends Error {
  constructor(
    readonly type: RelayErrorType,
    readonly status: Status,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What node:http accepts in a header value (it writes the value as Latin-1). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** The bytes a request-target can carry as written. */
const NOT_ON_THE_WIRE = /[^\x21-\x7e]/;
/** Base64 alphabet and padding; with a length check, since a grouped pattern overflows the stack. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (text: string) => text.length % 4 === 0 && BASE64.test(text);
/** Methods node:http sends without chunked framing when no body length is given. */
const NO_BODY_BY_DEFAULT = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE']);
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

function formatBytes(bytes: number): string {
  if (bytes % MiB === 0) return `${bytes / MiB} MiB`;
  const mib =
    bytes >= MiB ? (bytes / MiB).toFixed(2) : String(Math.round((bytes / MiB) * 1000) / 1000);
  return bytes >= MiB ? `${mib} MiB (${bytes} bytes)` : `${bytes} bytes (${mib} MiB)`;
}

const roundMs = (ms: number) => Math.round(ms * 10) / 10;

/** Text from the page, safe for a log line: no line breaks or other controls, bounded length. */
function forLog(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

// ---------------------------------------------------------------------------------------------
// Reading and checking the relay request

interface Target {
  method: string;
  url: ParsedUrl;
  /** The scheme as the relay connects with it. */
  secure: boolean;
  /** Where to connect: host name or IP (IPv6 without brackets), and port. */
  hostname: string;
  port: number;
  /** The request-target: path and query exactly as written. */
  requestTarget: string;
  headers: Array<[string, string]>;
  body: Buffer;
  timeoutMs: number;
}

function badRequest(message: string): RelayError {
  return new RelayError('bad-request', 400, message);
}

function invalidTarget(message: string, code?: string): RelayError {
  return new RelayError('invalid-target', 400, message, code);
}

function readEnvelope(request: IncomingMessage, limit: number, bodyLimit: number): Promise<Buffer> {
  const tooLarge = () =>
    new RelayError(
      'body-too-large',
      413,
      `The request body is over the relay's limit of ${formatBytes(bodyLimit)}, so the relay did not send it; send a smaller body.`,
    );
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length <= limit) {
        chunks.push(chunk);
        return;
      }
      // Stop keeping the body; the caller answers 413 at once and drops the rest of the upload.
      request.off('data', onData);
      request.off('end', onEnd);
      chunks.length = 0;
      reject(tooLarge());
    };
    const onEnd = () => resolve(Buffer.concat(chunks, length));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', reject);
  });
}

function parseRelayRequest(
  text: string,
  maxBodyBytes: number,
  defaultTimeoutMs: number,
): { relayRequest: RelayRequest; body: Buffer } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw badRequest(`The relay request is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw badRequest('The relay request must be a JSON object with method, url and headers.');
  }
  const fields = raw as Record<string, unknown>;
  const { method, url, headers, bodyBase64, timeoutMs } = fields;
  if (typeof method !== 'string' || method === '') {
    throw badRequest('The relay request needs "method", a non-empty string such as "POST".');
  }
  if (typeof url !== 'string' || url === '') {
    throw badRequest('The relay request needs "url", an absolute http:// or https:// URL.');
  }
  if (!Array.isArray(headers)) {
    throw badRequest('The relay request needs "headers", a list of [name, value] pairs.');
  }
  headers.forEach((pair: unknown, index) => {
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      typeof pair[0] !== 'string' ||
      typeof pair[1] !== 'string'
    ) {
      throw badRequest(`"headers[${index}]" must be a [name, value] pair of strings.`);
    }
  });
  if (bodyBase64 !== undefined && (typeof bodyBase64 !== 'string' || !isBase64(bodyBase64))) {
    throw badRequest('"bodyBase64" must be a Base64 string (standard alphabet, padded).');
  }
  if (
    timeoutMs !== undefined &&
    (typeof timeoutMs !== 'number' ||
      !Number.isInteger(timeoutMs) ||
      timeoutMs < 1 ||
      timeoutMs > MAX_TIMEOUT_MS)
  ) {
    throw badRequest(
      `"timeoutMs" must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}.`,
    );
  }
  const base64 = bodyBase64 ?? '';
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const bodyLength = (base64.length / 4) * 3 - padding;
  if (bodyLength > maxBodyBytes) {
    throw new RelayError(
      'body-too-large',
      413,
      `The request body is ${formatBytes(bodyLength)}, over the relay's limit of ${formatBytes(maxBodyBytes)}, so the relay did not send it; send a smaller body.`,
    );
  }
  return {
    relayRequest: {
      method,
      url,
      headers: headers as Array<[string, string]>,
      bodyBase64: base64,
      timeoutMs: timeoutMs ?? defaultTimeoutMs,
    },
    body: Buffer.from(base64, 'base64'),
  };
}

/** Everything about the target that can be checked before connecting. */
function prepareTarget(relayRequest: RelayRequest, body: Buffer): Target {
  const { method } = relayRequest;
  const url = parseUrl(relayRequest.url);
  if (url.scheme !== 'http' && url.scheme !== 'https') {
    throw badRequest(
      `"url" must start with http:// or https:// (got ${JSON.stringify(forLog(relayRequest.url.slice(0, 40)))}).`,
    );
  }
  if (url.authority === '') throw badRequest('"url" has no host name.');
  let hostname: string;
  let port: number;
  try {
    // Only the authority goes through the URL parser (IDNA, IPv6 brackets, default port).
    const parsed = new URL(`${url.scheme}://${url.authority}/`);
    hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    port = parsed.port === '' ? DEFAULT_PORTS[url.scheme]! : Number(parsed.port);
  } catch {
    throw badRequest(
      `"url" has a host that is not valid: ${JSON.stringify(forLog(url.authority))}.`,
    );
  }

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

  const headers = relayRequest.headers.map(([name, value]) => [name, value] as [string, string]);
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

  return {
    method,
    url,
    secure: url.scheme === 'https',
    hostname,
    port,
    requestTarget,
    headers,
    body,
    timeoutMs: relayRequest.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

// ---------------------------------------------------------------------------------------------
// Sending it on

const TLS_CODES = new Set([
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'HOSTNAME_MISMATCH',
]);

const isTlsCode = (code: string) =>
  TLS_CODES.has(code) ||
  code.startsWith('ERR_TLS_') ||
  code.startsWith('ERR_SSL_') ||
  code.startsWith('CERT_');

class UpstreamTimeout extends Error {}
class ResponseTooLarge extends Error {}
class PageGone extends Error {}

/** The error code, looking inside the AggregateError of Node's happy-eyeballs connect. */
function errorCode(error: Error): string {
  const own = (error as NodeJS.ErrnoException).code;
  if (own) return own;
  const inner = (error as Partial<AggregateError>).errors?.[0] as NodeJS.ErrnoException | undefined;
  return inner?.code ?? '';
}

/** Maps whatever went wrong with the target to a relay error the page can explain. */
export function classifyUpstreamError(
  error: Error,
  where: string,
  hostname: string,
  timeoutMs: number,
  maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES,
): RelayError {
  if (error instanceof RelayError) return error;
  if (error instanceof UpstreamTimeout) {
    return new RelayError(
      'timeout',
      504,
      `The target at ${where} gave no complete answer within ${timeoutMs} ms; check that the API is not stuck, or allow a longer timeout.`,
      'TIMEOUT',
    );
  }
  if (error instanceof PageGone) {
    return new RelayError(
      'network',
      502,
      'The page closed the relay request before the answer came, so the relay dropped it.',
      'PAGE_CLOSED',
    );
  }
  if (error instanceof ResponseTooLarge) {
    return new RelayError(
      'response-too-large',
      502,
      `The target at ${where} answered with a body over the relay's limit of ${formatBytes(maxResponseBytes)}, so the relay stopped reading it; ask for less (a range or a smaller page).`,
      'RESPONSE_TOO_LARGE',
    );
  }
  const code = errorCode(error);
  const detail = error.message || code;
  if (code === 'ENOTFOUND') {
    return new RelayError(
      'dns',
      502,
      `The host name ${hostname} does not resolve (DNS lookup failed); check the URL's host name for typos.`,
      code,
    );
  }
  if (code === 'EAI_AGAIN') {
    return new RelayError(
      'dns',
      502,
      `The DNS lookup of ${hostname} failed for now (EAI_AGAIN); check the network connection and try again.`,
      code,
    );
  }
  if (code === 'ECONNREFUSED') {
    return new RelayError(
      'refused',
      502,
      `Nothing is listening at ${where} (connection refused). Is the API running, and is the port right?`,
      code,
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(detail)) {
    return new RelayError(
      'reset',
      502,
      `The target at ${where} closed the connection before a complete answer (${detail}); check the server's log, and whether it expects https:// rather than http://.`,
      code || 'ECONNRESET',
    );
  }
  if (isTlsCode(code)) {
    const certificate = code !== 'EPROTO' && !code.startsWith('ERR_SSL_');
    return new RelayError(
      'tls',
      502,
      certificate
        ? `The TLS certificate of ${where} is not trusted (${code}: ${detail}); use a certificate the relay's Node trusts, for example through NODE_EXTRA_CA_CERTS.`
        : `The TLS handshake with ${where} failed (${detail.split('\n')[0]}); if the server speaks plain HTTP, use http:// instead of https://.`,
      code,
    );
  }
  if (code === 'ETIMEDOUT') {
    return new RelayError(
      'timeout',
      504,
      `Connecting to ${where} timed out (ETIMEDOUT); check the host and port, and any firewall in between.`,
      code,
    );
  }
  if (
    code === 'ERR_INVALID_CHAR' ||
    code === 'ERR_UNESCAPED_CHARACTERS' ||
    code === 'ERR_INVALID_HTTP_TOKEN' ||
    code === 'ERR_INVALID_URL' ||
    code === 'ERR_INVALID_ARG_VALUE'
  ) {
    return invalidTarget(`Node refused to send the request as given: ${detail}.`, code);
  }
  if (code.startsWith('HPE_')) {
    return new RelayError(
      'network',
      502,
      `The target at ${where} answered with something that is not valid HTTP/1.1 (${detail}); check the port, and whether it expects https://.`,
      code,
    );
  }
  return new RelayError(
    'network',
    502,
    `The request to ${where} failed (${code ? `${code}: ` : ''}${detail}); check that the target is reachable from this machine.`,
    code || undefined,
  );
}

function sendUpstream(
  target: Target,
  maxResponseBytes: number,
  onRequest: (request: ClientRequest) => void,
): Promise<RelayResponse> {
  const started = performance.now();
  const since = () => roundMs(performance.now() - started);
  const timings: Partial<RelayTimings> = {};
  return new Promise((resolve, reject) => {
    let upstream: ClientRequest | undefined;
    let socket: Socket | undefined;
    let settled = false;
    const finish = (error: Error | null, response?: RelayResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // A fresh connection per request; never left open for reuse.
      upstream?.destroy();
      socket?.destroy();
      if (error) reject(error);
      else resolve(response!);
    };
    const timer = setTimeout(() => {
      const error = new UpstreamTimeout('timeout');
      upstream?.destroy(error);
      finish(error);
    }, target.timeoutMs);

    try {
      upstream = (target.secure ? httpsRequest : httpRequest)({
        method: target.method,
        host: target.hostname,
        port: target.port,
        path: target.requestTarget,
        // The rawHeaders format: names keep their case, order and repetitions.
        headers: target.headers.flat(),
        setHost: false,
        agent: false,
        insecureHTTPParser: false,
      });
    } catch (error) {
      finish(error as Error);
      return;
    }
    onRequest(upstream);
    upstream.on('socket', (opened: Socket) => {
      socket = opened;
      opened.once('lookup', () => (timings.dnsMs = since()));
      opened.once('connect', () => (timings.connectMs = since()));
      opened.once('secureConnect', () => (timings.tlsMs = since()));
      opened.prependOnceListener('data', () => (timings.firstByteMs ??= since()));
    });
    upstream.on('error', (error) => finish(error));
    upstream.on('upgrade', () =>
      finish(
        new RelayError(
          'network',
          502,
          'The target switched protocols (101, for example to WebSocket), which the relay cannot carry; leave out the Upgrade header.',
          'UPGRADE',
        ),
      ),
    );
    upstream.on('response', (response: IncomingMessage) => {
      timings.firstByteMs ??= since();
      const chunks: Buffer[] = [];
      let length = 0;
      response.on('data', (chunk: Buffer) => {
        length += chunk.length;
        if (length > maxResponseBytes) finish(new ResponseTooLarge('too large'));
        else chunks.push(chunk);
      });
      response.on('error', (error) => finish(error));
      response.on('end', () => {
        const headers: Array<[string, string]> = [];
        const raw = response.rawHeaders;
        for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i]!, raw[i + 1]!]);
        finish(null, {
          kind: 'response',
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers,
          bodyBase64: Buffer.concat(chunks, length).toString('base64'),
          timings: { ...timings, firstByteMs: timings.firstByteMs ?? since(), totalMs: since() },
        });
      });
    });
    upstream.end(target.body);
  });
}

// ---------------------------------------------------------------------------------------------
// The handler

/** The relay's request handler, for POST /relay on the app's own origin (any node:http server). */
export function createRelayHandler(
  options: RelayHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const envelopeLimit = Math.ceil(maxBodyBytes / 3) * 4 + ENVELOPE_ALLOWANCE;
  const log = options.log ?? ((line: string) => console.log(line));
  const appPort = typeof options.port === 'function' ? options.port : () => options.port as number;

  /**
   * Why this caller may not use the relay, if it may not. The relay sends whatever it is asked to,
   * wherever (loopback included), so only the playground page itself may ask: another site's
   * page must not be able to make it send anything, even blind.
   */
  function refuseCaller(req: IncomingMessage): RelayError | undefined {
    if (req.method !== 'POST') {
      return new RelayError(
        'bad-request',
        405,
        `The relay answers only POST requests, not ${forLog(req.method ?? '')}.`,
      );
    }
    const hosts = localHosts(appPort());
    const host = req.headers.host ?? '';
    if (!hosts.has(host)) {
      return new RelayError(
        'forbidden-host',
        403,
        `The relay answers only at ${[...hosts].slice(0, 2).join(' or ')}; open the playground at that address (a different host name can mean DNS rebinding).`,
      );
    }
    // The page's own origin is the address the request came to: a browser sends Origin on every
    // POST, "null" from sandboxed frames and data: URLs.
    const origin = req.headers.origin;
    if (origin !== `http://${host}`) {
      return new RelayError(
        'forbidden-origin',
        403,
        origin === undefined
          ? 'The relay answers only requests from the playground page, and this one has no Origin header; send it from the page.'
          : `The relay answers only requests from the playground page (http://${host}), not from ${forLog(origin)}.`,
      );
    }
    // Browsers that say where a request comes from must say it comes from the page itself.
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') {
      return new RelayError(
        'forbidden-origin',
        403,
        `The relay answers only requests from the playground page, and the browser says this one comes from ${forLog(site)}.`,
      );
    }
    // Another site can POST text/plain, form data or nothing without asking (no CORS preflight),
    // never application/json: requiring it keeps every cross-site request a preflighted one,
    // which the relay never allows.
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return new RelayError(
        'bad-request',
        415,
        `The relay takes only Content-Type: application/json, not ${JSON.stringify(forLog(req.headers['content-type'] ?? ''))}.`,
      );
    }
    return undefined;
  }

  function send(res: ServerResponse, status: number, result: RelayResponse | RelayFailure) {
    if (res.headersSent || res.destroyed) return;
    const body = JSON.stringify(result);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      [RELAY_HEADER]: '1',
      ...(status === 405 ? { Allow: 'POST' } : {}),
    });
    res.end(body);
  }

  function fail(res: ServerResponse, error: RelayError) {
    const failure: RelayFailure = {
      kind: 'failure',
      error: {
        type: error.type,
        message: error.message,
        ...(error.code === undefined ? {} : { code: error.code }),
      },
    };
    send(res, error.status, failure);
  }

  /** After an early 413: drop the rest of the upload so the browser reads the answer, within reason. */
  function drain(req: IncomingMessage) {
    let dropped = 0;
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > MAX_DRAIN_BYTES) req.socket.destroy();
    });
    req.resume();
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const elapsed = () => `${Math.round(performance.now() - started)}ms`;

    // 1. Who is asking: only POST, only to this relay's own host, only from the app's own page.
    const refusal = refuseCaller(req);
    if (refusal) {
      req.resume();
      fail(res, refusal);
      log(
        `relay refused ${refusal.status === 405 ? `${forLog(req.method ?? '-')} ` : ''}${refusal.status} ${refusal.type}`,
      );
      return;
    }

    // 2. What to send: the JSON envelope, within the body limit, with every field checked.
    let target: Target;
    try {
      const envelope = await readEnvelope(req, envelopeLimit, maxBodyBytes).catch(
        (error: Error) => {
          if (error instanceof RelayError) throw error;
          throw badRequest(`The relay could not read the request (${error.message}).`);
        },
      );
      const { relayRequest, body } = parseRelayRequest(
        envelope.toString('utf8'),
        maxBodyBytes,
        defaultTimeoutMs,
      );
      target = prepareTarget(relayRequest, body);
    } catch (error) {
      if (!(error instanceof RelayError)) throw error;
      const relayError = error;
      if (!req.complete) drain(req);
      fail(res, relayError);
      log(`relay refused ${relayError.status} ${relayError.type}`);
      return;
    }

    // 3. Send it on, and bring the answer back (or say what went wrong).
    const where = `${target.hostname.includes(':') ? `[${target.hostname}]` : target.hostname}:${target.port}`;
    const logTarget = `${target.method} ${forLog(`${target.url.scheme}://${target.url.authority}${target.requestTarget.split('?')[0]}`)}`;
    let upstream: ClientRequest | undefined;
    // The page went away: stop the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished)
        upstream?.destroy(new PageGone('The page closed the relay request.'));
    });
    try {
      const response = await sendUpstream(target, maxResponseBytes, (request) => {
        upstream = request;
      });
      send(res, 200, response);
      log(`relay ${logTarget} ${response.status} ${elapsed()}`);
    } catch (error) {
      const relayError = classifyUpstreamError(
        error as Error,
        where,
        target.hostname,
        target.timeoutMs,
        maxResponseBytes,
      );
      fail(res, relayError);
      log(
        `relay ${logTarget} ${relayError.type}${relayError.code ? ` ${relayError.code}` : ''} ${elapsed()}`,
      );
    }
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug of ours: say so rather than leave the page waiting.
      fail(
        res,
        new RelayError(
          'internal',
          500,
          `The relay failed unexpectedly (${(error as Error).message}); see the server's log.`,
        ),
      );
      log(`relay error 500 ${forLog((error as Error).message)}`);
    });
  };
}
