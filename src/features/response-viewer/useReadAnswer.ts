import { useEffect, useMemo, useState } from 'react';
import { readAnswerBody, unpackAnswer, type PackedAnswer, type ReadAnswer } from './readAnswerBody';

/** Up to this size a body is read in the page at once; above it, in a worker. */
export const READ_IN_PAGE_MAX_BYTES = 512 * 1024;

/**
 * What the body is and its JSON tree: at once for a small body; for a large one, from a worker
 * (undefined meanwhile), so that parsing 10 MiB does not freeze the page. If the worker cannot
 * start or fails, the page reads the body itself.
 */
export function useReadAnswer(
  bytes: Uint8Array,
  contentType: string | undefined,
): ReadAnswer | undefined {
  const inPage = bytes.byteLength <= READ_IN_PAGE_MAX_BYTES;
  const read = useMemo(
    () => (inPage ? readAnswerBody(bytes, contentType) : undefined),
    [inPage, bytes, contentType],
  );
  const [fromWorker, setFromWorker] = useState<{ bytes: Uint8Array; answer: ReadAnswer }>();

  useEffect(() => {
    if (inPage) return;
    let worker: Worker | undefined;
    const readHere = () => setFromWorker({ bytes, answer: readAnswerBody(bytes, contentType) });
    try {
      worker = new Worker(new URL('./readAnswerBodyWorker.ts', import.meta.url), {
        type: 'module',
      });
    } catch {
      const timer = setTimeout(readHere, 0);
      return () => clearTimeout(timer);
    }
    worker.onmessage = (event: MessageEvent<PackedAnswer>) => {
      setFromWorker({ bytes, answer: unpackAnswer(event.data) });
      worker?.terminate();
    };
    worker.onerror = () => {
      worker?.terminate();
      readHere();
    };
    // A copy goes to the worker: the page keeps the answer's bytes for Hex and Save.
    const copy = bytes.slice();
    worker.postMessage({ bytes: copy, contentType }, [copy.buffer]);
    return () => worker?.terminate();
  }, [inPage, bytes, contentType]);

  if (inPage) return read;
  return fromWorker?.bytes === bytes ? fromWorker.answer : undefined;
}
