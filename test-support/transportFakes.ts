// What the transport's tests send and how they answer without a network: a scripted fetch that
// records each call, the relay's answers, and a request as the signer would hand it over.
import { RELAY_HEADER, type RelayResult } from '../src/transport/relayProtocol';
import type { OutgoingRequest, SendOutcome, TransportFailure } from '../src/transport/sendOutcome';

export interface FetchCall {
  url: string;
  init: RequestInit;
}

/** A fetch that answers from a script, one step per call, and records what it was asked. */
export function scriptedFetch(...steps: Array<(call: FetchCall) => Response | Promise<Response>>) {
  const calls: FetchCall[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    const step = steps[calls.length - 1];
    if (!step) throw new Error(`unexpected fetch #${calls.length} to ${call.url}`);
    return step(call);
  }) as typeof fetch;
  return { fetchImpl, calls };
}

/** What fetch throws when nothing answers, or CORS blocks the answer. */
export const networkError = (): never => {
  throw new TypeError('Failed to fetch');
};

/** Never settles until aborted, like a server that does not answer. */
export const hang = (call: FetchCall) =>
  new Promise<Response>((_, reject) => {
    const signal = call.init.signal!;
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

/** The relay's answer carrying this result. */
export function relayAnswer(result: RelayResult, status = 200): Response {
  return new Response(JSON.stringify(result), {
    status,
    headers: { 'content-type': 'application/json', [RELAY_HEADER]: '1' },
  });
}

export function failureOf(outcome: SendOutcome): TransportFailure {
  if (outcome.kind !== 'failure') throw new Error(`expected a failure, got ${outcome.kind}`);
  return outcome.failure;
}

/** A signed POST with a body, Host and Content-Length among its headers. */
export const signedPost: OutgoingRequest = {
  method: 'POST',
  url: 'https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello?a=b%20c',
  headers: [
    ['Host', '42mydti3lg.execute-api.ca-central-1.amazonaws.com'],
    ['Content-Type', 'application/json'],
    ['Content-Length', '17'],
    ['X-Amz-Date', '20150830T123600Z'],
    ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/...'],
  ],
  body: '{"hello":"world"}',
};
