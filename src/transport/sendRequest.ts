// Sends a signed request, through the relay (server/relay) or straight from the browser, and turns
// whatever happens into an answer or a failure that says which kind: the relay, the network, CORS,
// a timeout. Never a bare "Failed to fetch", and never a rejected promise. The senders themselves
// (dispatchRequest.ts) are not part of the page's first script: they load on the first Send, or
// before it when the page preloads them (preloadSending).
import type { OutgoingRequest, SendOutcome, TransportFailure, TransportMode } from './sendOutcome';

// The page, the store and their tests know these types as sendRequest's.
export type {
  HttpAnswer,
  OutgoingRequest,
  SendOutcome,
  TransportFailure,
  TransportFailureKind,
  TransportMode,
} from './sendOutcome';

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

let loading: Promise<typeof import('./dispatchRequest')> | undefined;

/** Loads the senders (once; again after a failed load). */
export function preloadSending(): Promise<typeof import('./dispatchRequest')> {
  loading ??= import('./dispatchRequest').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * The page's own code for sending (the senders, or the store's Send) did not load, a dropped
 * connection to the page's server: nothing was signed or sent.
 */
export function sendingNotLoaded(error: unknown): TransportFailure {
  return {
    kind: 'network',
    title: 'Not sent',
    message: `The page could not load what sends requests (${error instanceof Error ? error.message : String(error)}); nothing was sent.`,
    advice: 'Check that the page’s server is still running, then send again.',
  };
}

/** Sends the request; never throws. */
export async function sendRequest(
  request: OutgoingRequest,
  options: SendOptions,
): Promise<SendOutcome> {
  let senders: typeof import('./dispatchRequest');
  try {
    senders = await preloadSending();
  } catch (error) {
    return { kind: 'failure', failure: sendingNotLoaded(error) };
  }
  return senders.dispatchRequest(request, options);
}
