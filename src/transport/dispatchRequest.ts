// Sends a signed request, through the relay (server/relay) or straight from the browser, and turns
// whatever happens into an answer or a failure that says which kind: the relay, the network, CORS,
// a timeout. Never a bare "Failed to fetch", and never a rejected promise. Loaded by sendRequest
// when a request is first sent (the page preloads it after its first signature).
import { DEFAULT_SEND_TIMEOUT_MS } from './limits';
import { RELAY_PATH } from './relayProtocol';
import { sendDirect } from './sendDirect';
import type { SendOptions } from './sendRequest';
import type { OutgoingRequest, SendOutcome } from './sendOutcome';
import { sendViaRelay } from './sendViaRelay';
import { transportFailure } from './transportFailure';

/** The relay's own timeout answer is more telling than the page giving up: let it come first. */
const RELAY_GRACE_MS = 2_000;

const cancelled = () =>
  transportFailure('network', 'The request was cancelled before an answer arrived.', {
    title: 'Cancelled',
    advice: 'Send it again when you are ready.',
  });

/** Sends the request; never throws. */
export async function dispatchRequest(
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
      ? await sendViaRelay(
          request,
          options.relayUrl ?? RELAY_PATH,
          timeoutMs,
          fetchImpl,
          controller.signal,
        )
      : await sendDirect(request, fetchImpl, controller.signal);
  } catch (error) {
    if (timedOut) {
      return transportFailure(
        'timeout',
        `No answer came within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 100) / 10} s` : `${timeoutMs} ms`}.`,
      );
    }
    if (external?.aborted) return cancelled();
    // Not ours to throw: a bug, reported as a failure rather than a rejected promise.
    return transportFailure(
      'network',
      `Sending failed unexpectedly (${error instanceof Error ? error.message : String(error)}).`,
    );
  } finally {
    clearTimeout(timer);
    external?.removeEventListener('abort', cancel);
  }
}
