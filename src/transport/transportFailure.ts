// The title and advice the page shows for each kind of transport failure, in one place for the
// relay and the direct sender.
import { directModeNeeds } from './directModeNeeds';
import type { SendOutcome, TransportFailureKind } from './sendOutcome';

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
    `Send through the relay, or make the API answer the browser: ${directModeNeeds("this page's origin")}; ` +
    'Access-Control-Expose-Headers with x-amzn-ErrorType, x-amzn-RequestId and Date lets the page explain errors.',
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

/** A failure outcome of this kind, with its usual title and advice unless told otherwise. */
export function transportFailure(
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

/**
 * Thrown by a sender when the request ended through sendRequest's own abort (the caller's cancel,
 * or the timeout), so that sendRequest, which knows which of the two it was, words the failure.
 */
export class Aborted extends Error {}
