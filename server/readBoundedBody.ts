// Reading a request body off the connection within a limit, and dropping the rest of an upload
// that was refused: for the relay's envelope and the collections API's JSON alike.
import type { IncomingMessage } from 'node:http';

const MiB = 1024 * 1024;
/** After a refusal, the rest of the upload is read and dropped up to this much, then cut off. */
const MAX_DRAIN_BYTES = 64 * MiB;

/**
 * The body's bytes, or `tooLarge()` as soon as it is over `limit` (declared in Content-Length or
 * counted), without keeping the rest.
 */
export function readBoundedBody(
  request: IncomingMessage,
  limit: number,
  tooLarge: () => Error,
): Promise<Buffer> {
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
