// Everything the viewer derives from an answer's bytes before it can show them: what the body is
// and, for JSON, its tree. One function, run in the page for a small body and in a worker for a
// large one (readAnswerBodyWorker.ts), so both give the same result.
import { buildJsonTree, type JsonTree } from './jsonTree';
import { readBody, type ReadBody } from './readBody';

/** The body as the viewer keeps it: JSON as its text and tree, not the parsed value. */
export type ShownBody = Exclude<ReadBody, { kind: 'json' }> | { kind: 'json'; text: string };

export interface ReadAnswer {
  body: ShownBody;
  /** The JSON tree; null when the body is not JSON or has too many values for a tree. */
  tree: JsonTree | null;
}

export function readAnswerBody(bytes: Uint8Array, contentType: string | undefined): ReadAnswer {
  const body = readBody(bytes, contentType);
  if (body.kind !== 'json') return { body, tree: null };
  return { body: { kind: 'json', text: body.text }, tree: buildJsonTree(body.value) };
}

/** The buffers of a tree's typed arrays: moved, not copied, from the worker to the page. */
export function treeBuffers(tree: JsonTree | null): ArrayBuffer[] {
  if (tree === null) return [];
  return [tree.kindCode, tree.parent, tree.depth, tree.position, tree.end, tree.childCount].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
