// Reading the relay request's JSON envelope off the connection, within a limit (readBoundedBody).
import type { IncomingMessage } from 'node:http';
import { readBoundedBody } from '../readBoundedBody';
import { RelayError } from './relayError';
import { formatBytes } from './relayText';

const MiB = 1024 * 1024;
/** Room in the JSON envelope for method, URL and headers, besides the Base64 body. */
const ENVELOPE_ALLOWANCE = 1 * MiB;

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
  return readBoundedBody(
    request,
    limit,
    () =>
      new RelayError(
        'body-too-large',
        413,
        `The request body is over the relay's limit of ${formatBytes(bodyLimit)}, so the relay did not send it; send a smaller body.`,
      ),
  );
}
