// The worker that reads a large answer body (parse, tree) off the page's thread: a 10 MiB JSON
// takes a second or more to parse and flatten, during which the page would not respond.
import { packAnswer, readAnswerBody } from './readAnswerBody';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ bytes: Uint8Array; contentType?: string }>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { message, transfer } = packAnswer(
    readAnswerBody(event.data.bytes, event.data.contentType),
  );
  scope.postMessage(message, transfer);
};
