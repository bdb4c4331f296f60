// Sends a signed request, through the relay (server/relay) or straight from the browser, and turns
// whatever happens into an answer or a failure that says which kind: the relay, the network, CORS,
// a timeout. Never a bare "Failed to fetch", and never a rejected promise.
import { base64ToBytes, bytesToBase64 } from './base64';
import { FORBIDDEN_METHODS, isForbiddenRequestHeader } from './forbiddenHeaders';
import { DEFAULT_SEND_TIMEOUT_MS, MAX_SEND_TIMEOUT_MS } from './limits';
import {
  RELAY_HEADER,
  RELAY_PATH,
  type RelayErrorType,
  type RelayFailure,
  type RelayRequest,
  type RelayResult,
} from './relayProtocol';

export type TransportMode = 'relay' | 'direct';

export interface OutgoingRequest {
  method: string;
  /** Absolute URL, exactly as signed. */
  url: string;
  /** The signed header lines, Host included or not. */
  headers: Array<[string, string]>;
  body?: Uint8Array | string | undefined;
}

export interface HttpAnswer {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: Uint8Array;
  /** Milliseconds from sending to the whole answer (through the relay: the relay's own upstream time). */
  timeMs: number;
  /** The answer body's length in bytes. */
  sizeBytes: number;
  via: TransportMode;
}

export type TransportFailureKind =
  | 'cors'
  | 'relay-unreachable'
  | 'relay-refused'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'tls'
  | 'timeout'
  | 'invalid-request'
  | 'body-too-large'
  | 'response-too-large'
  | 'network';

export interface TransportFailure {
  kind: TransportFailureKind;
  /** A few words: "Blocked by CORS", "Connection refused". */
  title: string;
  /** One sentence: what happened. */
  message: string;
  /** One sentence: what to do. */
  advice: string;
  /** Node's or the relay's error code, through the relay (ECONNREFUSED, TIMEOUT, ...). */
  code?: string;
}

export type SendOutcome =
  { kind: 'response'; answer: HttpAnswer } | { kind: 'failure'; failure: TransportFailure };

export interface SendOptions {
  mode: TransportMode;
  /** Where the relay answers; default '/relay' on the page's own origin. */
  relayUrl?: string;
  /** Default DEFAULT_SEND_TIMEOUT_MS (30 s). */
  timeoutMs?: number;
  /** Aborting it ends the request with a 'network' failure titled "Cancelled". */
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

/** The relay's own timeout answer is more telling than the page giving up: let it come first. */
const RELAY_GRACE_MS = 2_000;
/** How long the CORS probe may take before the target counts as unreachable. */
const PROBE_TIMEOUT_MS = 5_000;

/** Headers every signed call may carry that an API's CORS configuration has to allow. */
const CORS_REQUEST_HEADERS = [
  'Authorization',
  'X-Amz-Date',
  'X-Amz-Security-Token',
  'X-Amz-Content-Sha256',
  'Content-Type',
];

const TITLES: Record<TransportFailureKind, string> = {
  cors: 'Blocked by CORS',
  'relay-unreachable': 'Relay not reachable',
  'relay-refused': 'Relay refused the request',
  dns: 'Host not found',
  refused: 'Connection refused',
  reset: 'Connection reset',
  tls: 'TLS handshake failed',
  timeout: 'Timed out',
  'invalid-request': 'Request cannot be sent',
  'body-too-large': 'Body too large',
  'response-too-large': 'Response too large',
  network: 'Network error',
};

const ADVICE: Record<TransportFailureKind, string> = {
  cors:
    `Make the API answer the preflight without auth and send Access-Control-Allow-Origin for this page's origin, ` +
    `Access-Control-Allow-Headers with ${CORS_REQUEST_HEADERS.join(', ')}, and Access-Control-Expose-Headers with ` +
    'x-amzn-ErrorType, x-amzn-RequestId, Date — or send through the relay.',
  'relay-unreachable': 'Start the playground with npm start, or switch to direct.',
  'relay-refused':
    'Open the playground at the address npm start prints (http://127.0.0.1:5173) and send from that page.',
  dns: "Check the host name in the URL, and this machine's network connection.",
  refused: "Check that the API is running and that the URL's host and port are right.",
  reset: "Check the server's log, and whether it expects https:// rather than http://.",
  tls: 'Use http:// for a plain-HTTP server, or a certificate the relay trusts (NODE_EXTRA_CA_CERTS).',
  timeout: 'Check that the API is reachable and answers in time, or allow it more time.',
  'invalid-request':
    'Correct the method, URL or header the message names, then sign and send again.',
  'body-too-large': 'Send a smaller body.',
  'response-too-large': 'Ask the API for less at a time (a smaller page or range).',
  network:
    "Check the URL's host and port, that the API is running, and that this machine is online.",
};

function failure(
  kind: TransportFailureKind,
  message: string,
  extra: { title?: string; advice?: string; code?: string } = {},
): SendOutcome {
  return {
    kind: 'failure',
    failure: {
      kind,
      title: extra.title ?? TITLES[kind],
      message,
      advice: extra.advice ?? ADVICE[kind],
      ...(extra.code === undefined ? {} : { code: extra.code }),
    },
  };
}

const cancelled = () =>
  failure('network', 'The request was cancelled before an answer arrived.', {
    title: 'Cancelled',
    advice: 'Send it again when you are ready.',
  });

// ---------------------------------------------------------------------------------------------
// What a browser's fetch may send

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

// ---------------------------------------------------------------------------------------------
// Sending

/** The request went through our own abort: the caller's cancel, or the timeout. */
class Aborted extends Error {}

function bodyBytes(body: OutgoingRequest['body']): Uint8Array {
  if (body === undefined) return new Uint8Array(0);
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

const RELAY_FAILURE_KINDS: Record<RelayErrorType, TransportFailureKind> = {
  'forbidden-origin': 'relay-refused',
  'forbidden-host': 'relay-refused',
  'bad-request': 'invalid-request',
  'invalid-target': 'invalid-request',
  'body-too-large': 'body-too-large',
  'response-too-large': 'response-too-large',
  dns: 'dns',
  refused: 'refused',
  reset: 'reset',
  tls: 'tls',
  timeout: 'timeout',
  network: 'network',
  internal: 'network',
};

function fromRelayFailure(error: RelayFailure['error']): SendOutcome {
  const kind = RELAY_FAILURE_KINDS[error.type] ?? 'network';
  return failure(kind, error.message, {
    ...(error.type === 'internal'
      ? {
          title: 'Relay failed',
          advice: "See the log of the terminal running npm start; it's a bug.",
        }
      : {}),
    ...(error.code === undefined ? {} : { code: error.code }),
  });
}

async function viaRelay(
  request: OutgoingRequest,
  relayUrl: string,
  timeoutMs: number,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
): Promise<SendOutcome> {
  const body = bodyBytes(request.body);
  const relayRequest: RelayRequest = {
    method: request.method,
    url: request.url,
    headers: request.headers,
    ...(body.length > 0 ? { bodyBase64: bytesToBase64(body) } : {}),
    timeoutMs: Math.min(MAX_SEND_TIMEOUT_MS, Math.max(1, Math.round(timeoutMs))),
  };
  let response: Response;
  try {
    response = await fetchImpl(relayUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(relayRequest),
      cache: 'no-store',
      signal,
    });
  } catch {
    if (signal.aborted) throw new Aborted();
    return failure(
      'relay-unreachable',
      `The relay at ${relayUrl} did not answer: the server that served this page has stopped, or has no relay.`,
    );
  }
  if (!response.headers.has(RELAY_HEADER)) {
    return failure(
      'relay-unreachable',
      `${relayUrl} answered ${response.status} but not as the relay: this page is not served by npm start (under vite dev, for example).`,
    );
  }
  let result: RelayResult;
  let bytes: Uint8Array;
  try {
    result = (await response.json()) as RelayResult;
    if (result.kind === 'failure') return fromRelayFailure(result.error);
    bytes = base64ToBytes(result.bodyBase64);
  } catch {
    if (signal.aborted) throw new Aborted();
    return failure('network', `The relay's answer (status ${response.status}) could not be read.`, {
      title: 'Unreadable relay answer',
      advice: 'Restart npm start and send again.',
    });
  }
  return {
    kind: 'response',
    answer: {
      status: result.status,
      statusText: result.statusText,
      headers: result.headers,
      body: bytes,
      timeMs: result.timings.totalMs,
      sizeBytes: bytes.length,
      via: 'relay',
    },
  };
}

/** Whether anything answers at the URL at all, asked the one way CORS cannot block. */
async function answersWithoutCors(
  url: string,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
): Promise<boolean> {
  const probe = new AbortController();
  const stop = () => probe.abort();
  signal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(stop, PROBE_TIMEOUT_MS);
  try {
    // An opaque answer, but an answer: the server is there, and only CORS kept it from the page.
    await fetchImpl(url, {
      method: 'HEAD',
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      signal: probe.signal,
    });
    return true;
  } catch {
    if (signal.aborted) throw new Aborted();
    return false;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

async function direct(
  request: OutgoingRequest,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
): Promise<SendOutcome> {
  let parsed: URL;
  try {
    parsed = new URL(request.url);
  } catch {
    return failure('invalid-request', 'The URL is not an absolute http:// or https:// URL.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return failure(
      'invalid-request',
      `A browser sends only http:// and https:// URLs, not ${parsed.protocol}.`,
    );
  }
  const method = request.method;
  if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
    return failure('invalid-request', `Browsers never send ${method} requests.`, {
      advice: 'Send it through the relay, or use another method.',
    });
  }
  const body = request.body === '' || request.body?.length === 0 ? undefined : request.body;
  const upper = method.toUpperCase();
  if (body !== undefined && (upper === 'GET' || upper === 'HEAD')) {
    return failure('invalid-request', `A browser cannot send a body with ${upper}.`, {
      advice: 'Remove the body, or send it through the relay.',
    });
  }
  const headers = new Headers();
  for (const [name, value] of splitBrowserHeaders(request.headers).sendable) {
    try {
      headers.append(name, value);
    } catch {
      return failure(
        'invalid-request',
        `The header "${name}" has a name or value that a browser cannot send (a line break, or a character outside Latin-1).`,
      );
    }
  }

  const started = performance.now();
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method,
      headers,
      // Any Uint8Array is a BufferSource; the DOM typings only ask for one backed by an ArrayBuffer.
      ...(body === undefined ? {} : { body: body as BodyInit }),
      redirect: 'manual',
      cache: 'no-store',
      credentials: 'omit',
      signal,
    });
  } catch {
    if (signal.aborted) throw new Aborted();
    const origin = originOf(request.url);
    if (await answersWithoutCors(request.url, fetchImpl, signal)) {
      return failure(
        'cors',
        `The server at ${origin} answered, but its CORS headers do not allow this page to send this request or read the answer, so the browser blocked it.`,
      );
    }
    return failure(
      'network',
      `The browser could not connect to ${origin}: the host does not resolve, nothing listens there, or it is offline.`,
      { title: 'Could not connect' },
    );
  }
  if (response.type === 'opaqueredirect') {
    return failure(
      'network',
      'The API answered with a redirect, which a browser hides from the page.',
      { title: 'Redirected', advice: 'Send it through the relay to see where it points.' },
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    if (signal.aborted) throw new Aborted();
    return failure(
      'reset',
      `The connection to ${originOf(request.url)} broke while the answer was arriving.`,
    );
  }
  return {
    kind: 'response',
    answer: {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      body: bytes,
      timeMs: performance.now() - started,
      sizeBytes: bytes.length,
      via: 'direct',
    },
  };
}

/** Sends the request; never throws. */
export async function sendRequest(
  request: OutgoingRequest,
  options: SendOptions,
): Promise<SendOutcome> {
  const external = options.signal;
  if (external?.aborted) return cancelled();
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const cancel = () => controller.abort();
  external?.addEventListener('abort', cancel, { once: true });
  const timer = setTimeout(
    () => {
      timedOut = true;
      controller.abort();
    },
    options.mode === 'relay' ? timeoutMs + RELAY_GRACE_MS : timeoutMs,
  );
  try {
    return options.mode === 'relay'
      ? await viaRelay(
          request,
          options.relayUrl ?? RELAY_PATH,
          timeoutMs,
          fetchImpl,
          controller.signal,
        )
      : await direct(request, fetchImpl, controller.signal);
  } catch (error) {
    if (timedOut) {
      return failure(
        'timeout',
        `No answer came within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 100) / 10} s` : `${timeoutMs} ms`}.`,
      );
    }
    if (external?.aborted) return cancelled();
    // Not ours to throw: a bug, reported as a failure rather than a rejected promise.
    return failure(
      'network',
      `Sending failed unexpectedly (${error instanceof Error ? error.message : String(error)}).`,
    );
  } finally {
    clearTimeout(timer);
    external?.removeEventListener('abort', cancel);
  }
}
