// Sends a request through the relay (server/relay): the page posts it as a RelayRequest to its
// own origin, the relay sends exactly those bytes upstream and answers with a RelayResult.
import { base64ToBytes, bytesToBase64 } from './base64';
import { withTraceQuestion } from './iamDecisionHeader';
import { MAX_SEND_TIMEOUT_MS } from './limits';
import {
  RELAY_HEADER,
  type RelayErrorType,
  type RelayFailure,
  type RelayRequest,
  type RelayResult,
} from './relayProtocol';
import type { OutgoingRequest, SendOutcome, TransportFailureKind } from './sendOutcome';
import { Aborted, transportFailure } from './transportFailure';

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
  return transportFailure(kind, error.message, {
    ...(error.type === 'internal'
      ? {
          title: 'Relay failed',
          advice: "See the log of the terminal running npm start; it's a bug.",
        }
      : {}),
    ...(error.code === undefined ? {} : { code: error.code }),
  });
}

/** Sends through the relay at relayUrl; throws Aborted only when `signal` ended it. */
export async function sendViaRelay(
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
    // The local gateway's decision trace is asked for here, after signing and out of every view
    // of the request: it is a question to the playground's own gateway, not part of the request.
    headers: withTraceQuestion(request.url, request.headers),
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
    return transportFailure(
      'relay-unreachable',
      `The relay at ${relayUrl} did not answer: the server that served this page has stopped, or has no relay.`,
    );
  }
  if (!response.headers.has(RELAY_HEADER)) {
    return transportFailure(
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
    return transportFailure(
      'network',
      `The relay's answer (status ${response.status}) could not be read.`,
      {
        title: 'Unreadable relay answer',
        advice: 'Restart npm start and send again.',
      },
    );
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
