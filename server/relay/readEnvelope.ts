// Reading the relay request's JSON envelope off the connection, within a limit, and dropping the
// rest of an upload the relay has already refused.
import type { IncomingMessage } from 'node:http';
import { RelayError } from './relayError';
import { formatBytes } from './relayText';

const MiB = 1024 * 1024;
/** Room in the JSON envelope for method, URL and headers, besides the Base64 body. */
const ENVELOPE_ALLOWANCE = 1 * MiB;
/** After a 413, the rest of the upload is read and dropped up to this much, then cut off. */
const MAX_DRAIN_BYTES = 64 * MiB;

/** The largest envelope that can carry a body of `maxBodyBytes`: its Base64 plus the allowance. */
export function envelopeLimit(maxBodyBytes: number): number {
  return Math.ceil(maxBodyBytes / 3) * 4 + ENVELOPE_ALLOWANCE;
}

/**
 * The envelope's bytes, or a 413 RelayError as soon as it is over `limit` (declared or counted),
 * without keeping the rest. `bodyLimit` is only for the message: it is the limit the page knows.
 */
export function readEnvelope(
  request: IncomingMessage,
  limit: number,
  bodyLimit: number,
): Promise<Buffer> {
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

/**
 * After an early refusal: drop the rest of the upload so the browser reads the answer instead of a
 * broken connection, within reason.
 */
export function dropRestOfUpload(request: IncomingMessage): void {
  let dropped = 0;
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > MAX_DRAIN_BYTES) request.socket.destroy();
  });
  request.resume();
}
