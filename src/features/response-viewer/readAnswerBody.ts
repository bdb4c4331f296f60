// Everything the viewer derives from an answer's bytes before it can show them: what the body is
// and, for JSON, its tree. One function, run in the page for a small body and in a worker for a
// large one (readAnswerBodyWorker.ts), so both give the same result.
import { buildJsonTree, isContainer, type JsonTree } from './jsonTree';
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

/**
 * A ReadAnswer as the worker posts it. The tree's typed arrays are moved (transferred); its member
 * names and leaf values go as two JSON strings, because the structured clone of two arrays of a
 * million values costs the page more (about 1.5 s here) than parsing them back from JSON (a few
 * hundred ms), and a string is copied in one piece.
 */
export interface PackedAnswer {
  body: ShownBody;
  tree: (Omit<JsonTree, 'key' | 'value'> & { keyJson: string; valueJson: string }) | null;
}

export function packAnswer(answer: ReadAnswer): { message: PackedAnswer; transfer: ArrayBuffer[] } {
  const { tree } = answer;
  if (tree === null) return { message: { body: answer.body, tree: null }, transfer: [] };
  const { key, value, ...arrays } = tree;
  return {
    message: {
      body: answer.body,
      // undefined (no name; a container's value) goes as null, and comes back as undefined.
      tree: { ...arrays, keyJson: JSON.stringify(key), valueJson: JSON.stringify(value) },
    },
    transfer: [
      tree.kindCode,
      tree.parent,
      tree.depth,
      tree.position,
      tree.end,
      tree.childCount,
    ].map((array) => array.buffer as ArrayBuffer),
  };
}

export function unpackAnswer(message: PackedAnswer): ReadAnswer {
  if (message.tree === null) return { body: message.body, tree: null };
  const { keyJson, valueJson, ...arrays } = message.tree;
  const key = (JSON.parse(keyJson) as Array<string | null>).map((name) => name ?? undefined);
  const value = JSON.parse(valueJson) as unknown[];
  const tree: JsonTree = { ...arrays, key, value };
  // Objects and arrays have no value of their own (null in JSON, undefined in the tree).
  for (let index = 0; index < value.length; index++) {
    if (isContainer(tree, index)) value[index] = undefined;
  }
  return { body: message.body, tree };
}
