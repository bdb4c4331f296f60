// Sends a request straight from the browser with fetch, and tells a CORS block apart from a
// server that is not there (fetch says "Failed to fetch" for both).
import { FORBIDDEN_METHODS, splitBrowserHeaders } from './forbiddenHeaders';
import type { OutgoingRequest, SendOutcome } from './sendOutcome';
import { Aborted, transportFailure } from './transportFailure';

/** How long the CORS probe may take before the target counts as unreachable. */
const PROBE_TIMEOUT_MS = 5_000;

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

/** Sends with the browser's fetch; throws Aborted only when `signal` ended it. */
export async function sendDirect(
  request: OutgoingRequest,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
): Promise<SendOutcome> {
  let parsed: URL;
  try {
    parsed = new URL(request.url);
  } catch {
    return transportFailure(
      'invalid-request',
      'The URL is not an absolute http:// or https:// URL.',
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return transportFailure(
      'invalid-request',
      `A browser sends only http:// and https:// URLs, not ${parsed.protocol}.`,
    );
  }
  const method = request.method;
  if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
    return transportFailure('invalid-request', `Browsers never send ${method} requests.`, {
      advice: 'Send it through the relay, or use another method.',
    });
  }
  const body = request.body === '' || request.body?.length === 0 ? undefined : request.body;
  const upper = method.toUpperCase();
  if (body !== undefined && (upper === 'GET' || upper === 'HEAD')) {
    return transportFailure('invalid-request', `A browser cannot send a body with ${upper}.`, {
      advice: 'Remove the body, or send it through the relay.',
    });
  }
  const headers = new Headers();
  for (const [name, value] of splitBrowserHeaders(request.headers).sendable) {
    try {
      headers.append(name, value);
    } catch {
      return transportFailure(
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
      return transportFailure(
        'cors',
        `The server at ${origin} answered, but its CORS headers do not allow this page to send this request or read the answer, so the browser blocked it.`,
      );
    }
    return transportFailure(
      'network',
      `The browser could not connect to ${origin}: the host does not resolve, nothing listens there, or it is offline.`,
      { title: 'Could not connect' },
    );
  }
  if (response.type === 'opaqueredirect') {
    return transportFailure(
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
    return transportFailure(
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
