// A request's body as the gateway takes it in: within API Gateway's payload limit, the 100
// Continue sent only when the body is wanted, and the body of a request answered without it
// dropped (or its connection closed) so it never costs more than the limit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_GATEWAY_MAX_PAYLOAD_BYTES } from '../../src/transport/limits';

/** API Gateway's payload limit (10 MB). */
export const MAX_BODY_BYTES = API_GATEWAY_MAX_PAYLOAD_BYTES;

/** Requests that sent `Expect: 100-continue`: they get the 100 only once their body is wanted. */
export const awaitingContinue = new WeakMap<IncomingMessage, ServerResponse>();

/** Whether Content-Length already says the body is over the limit. */
function declaredTooLarge(request: IncomingMessage): boolean {
  const declared = request.headers['content-length'];
  return declared !== undefined && Number(declared) > MAX_BODY_BYTES;
}

export type BodyRead =
  { kind: 'complete'; body: Uint8Array } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * The body, read up to MAX_BODY_BYTES and no further: a declared length over the limit is
 * refused before a byte is read, and a body that grows past it (chunked, or longer than it
 * said) stops being read at the limit, so a client cannot make the gateway take in more than
 * the limit before it answers. `aborted`: the client went away before the body was complete.
 */
export function readBody(request: IncomingMessage): Promise<BodyRead> {
  if (declaredTooLarge(request)) return Promise.resolve({ kind: 'too-large' });
  awaitingContinue.get(request)?.writeContinue();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    // The listeners stay on the request, which is done with once read: the first outcome
    // counts, and nothing is kept of what comes after it (a body over the limit is paused).
    let done = false;
    const finish = (result: BodyRead) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      length += chunk.length;
      if (length <= MAX_BODY_BYTES) chunks.push(chunk);
      else {
        request.pause();
        finish({ kind: 'too-large' });
      }
    });
    request.on('end', () =>
      finish({
        kind: 'complete',
        body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
      }),
    );
    request.on('error', () => finish({ kind: 'aborted' }));
    request.on('close', () => {
      if (!request.complete) finish({ kind: 'aborted' });
    });
  });
}

/**
 * For an answer given before the body was read (no such route, a preflight): the body is taken
 * off the wire and dropped, so the connection can carry the next request, but never more of it
 * than the limit; a body that is, or says it is, over the limit closes the connection instead.
 * Returns the headers the answer needs.
 */
export function skipBody(request: IncomingMessage): Record<string, string> {
  if (declaredTooLarge(request) || awaitingContinue.has(request)) return { Connection: 'close' };
  let skipped = 0;
  request.on('data', (chunk: Buffer) => {
    skipped += chunk.length;
    if (skipped > MAX_BODY_BYTES) request.socket.destroy();
  });
  request.resume();
  return {};
}
