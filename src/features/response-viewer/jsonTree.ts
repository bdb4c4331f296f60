// A parsed JSON value as a flat list of nodes in document order, so that the tree view can render
// any window of it without walking the value again: each node knows its parent, depth, place
// among its siblings and where its subtree ends. Built without recursion (a 10 MiB body can nest
// deeper than the call stack) and stored in typed arrays (it can hold millions of values).

export type JsonNodeKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

const KINDS: readonly JsonNodeKind[] = ['object', 'array', 'string', 'number', 'boolean', 'null'];

/** Above this many values the tree is not built (memory): the body is shown as text instead. */
export const MAX_TREE_NODES = 2_000_000;

export interface JsonTree {
  readonly size: number;
  /** Index into KINDS, per node. */
  readonly kindCode: Uint8Array;
  /** -1 for the root. */
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  /** The node's place among its siblings (0-based): the array index, or the member's order. */
  readonly position: Int32Array;
  /** One past the last node of the subtree: the subtree is [index, end). */
  readonly end: Int32Array;
  /** Members or items, for objects and arrays; 0 otherwise. */
  readonly childCount: Int32Array;
  /** The member name, for object members; undefined otherwise. */
  readonly key: ReadonlyArray<string | undefined>;
  /** The value, for strings, numbers, booleans and null; undefined for objects and arrays. */
  readonly value: readonly unknown[];
}

export function nodeKind(tree: JsonTree, index: number): JsonNodeKind {
  return KINDS[tree.kindCode[index]!]!;
}

export function isContainer(tree: JsonTree, index: number): boolean {
  return tree.kindCode[index]! <= 1;
}

function kindOf(value: unknown): number {
  if (value === null) return 5;
  if (Array.isArray(value)) return 1;
  switch (typeof value) {
    case 'object':
      return 0;
    case 'string':
      return 2;
    case 'number':
      return 3;
    case 'boolean':
      return 4;
    default:
      // JSON.parse never yields anything else; a value from elsewhere shows as null.
      return 5;
  }
}

/** A typed array twice as long, its start copied. */
function doubled<T extends Int32Array | Uint8Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

interface Frame {
  index: number;
  /** The object's member names, or undefined for an array. */
  keys: string[] | undefined;
  container: Record<string, unknown> | unknown[];
  length: number;
  next: number;
}

/** The tree of a value from JSON.parse; null when it has more than `maxNodes` values. */
export function buildJsonTree(root: unknown, maxNodes = MAX_TREE_NODES): JsonTree | null {
  let capacity = 1024;
  let kindCode = new Uint8Array(capacity);
  let parent = new Int32Array(capacity);
  let depth = new Int32Array(capacity);
  let position = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  let childCount = new Int32Array(capacity);
  const key: Array<string | undefined> = [];
  const value: unknown[] = [];
  let size = 0;
  const stack: Frame[] = [];

  const add = (item: unknown, parentIndex: number, itemKey: string | undefined, place: number) => {
    if (size === capacity) {
      capacity *= 2;
      kindCode = doubled(kindCode);
      parent = doubled(parent);
      depth = doubled(depth);
      position = doubled(position);
      end = doubled(end);
      childCount = doubled(childCount);
    }
    const index = size;
    size += 1;
    const code = kindOf(item);
    kindCode[index] = code;
    parent[index] = parentIndex;
    depth[index] = parentIndex < 0 ? 0 : depth[parentIndex]! + 1;
    position[index] = place;
    key.push(itemKey);
    end[index] = index + 1;
    if (code === 0) {
      const record = item as Record<string, unknown>;
      const keys = Object.keys(record);
      childCount[index] = keys.length;
      value.push(undefined);
      stack.push({ index, keys, container: record, length: keys.length, next: 0 });
    } else if (code === 1) {
      const items = item as unknown[];
      childCount[index] = items.length;
      value.push(undefined);
      stack.push({ index, keys: undefined, container: items, length: items.length, next: 0 });
    } else {
      value.push(code === 5 ? null : item);
    }
  };

  add(root, -1, undefined, 0);
  while (stack.length > 0) {
    if (size > maxNodes) return null;
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.length) {
      const place = frame.next;
      frame.next += 1;
      if (frame.keys === undefined) {
        add((frame.container as unknown[])[place], frame.index, undefined, place);
      } else {
        const name = frame.keys[place]!;
        add((frame.container as Record<string, unknown>)[name], frame.index, name, place);
      }
    } else {
      end[frame.index] = size;
      stack.pop();
    }
  }
  if (size > maxNodes) return null;
  return {
    size,
    kindCode: kindCode.subarray(0, size),
    parent: parent.subarray(0, size),
    depth: depth.subarray(0, size),
    position: position.subarray(0, size),
    end: end.subarray(0, size),
    childCount: childCount.subarray(0, size),
    key,
    value,
  };
}

/**
 * The nodes shown when the `collapsed` containers are closed, in order: a collapsed node is
 * shown, its subtree is not. One pass over the shown nodes (collapsed subtrees are skipped).
 */
export function visibleNodes(tree: JsonTree, collapsed: ReadonlySet<number>): Int32Array {
  const shown = new Int32Array(tree.size);
  let count = 0;
  let index = 0;
  while (index < tree.size) {
    shown[count] = index;
    count += 1;
    index = collapsed.has(index) ? tree.end[index]! : index + 1;
  }
  return shown.subarray(0, count);
}

/** Every container below `index` (itself included): for "collapse all". */
export function containersIn(tree: JsonTree, index = 0): Set<number> {
  const found = new Set<number>();
  for (let node = index; node < tree.end[index]!; node++) {
    if (isContainer(tree, node) && tree.childCount[node]! > 0) found.add(node);
  }
  return found;
}

/** `collapsed` without the ancestors of `index`, so that the node is shown. */
export function revealNode(
  tree: JsonTree,
  collapsed: ReadonlySet<number>,
  index: number,
): ReadonlySet<number> {
  let changed: Set<number> | undefined;
  for (let node = tree.parent[index]!; node >= 0; node = tree.parent[node]!) {
    if (collapsed.has(node)) {
      changed ??= new Set(collapsed);
      changed.delete(node);
    }
  }
  return changed ?? collapsed;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The node's JSONPath in the form most tools accept: `$`, `.name` for a member whose name is an
 * identifier, `["odd key"]` (a JSON string) for any other, `[3]` for an array item.
 */
export function nodePath(tree: JsonTree, index: number): string {
  const steps: string[] = [];
  for (let node = index; tree.parent[node]! >= 0; node = tree.parent[node]!) {
    const name = tree.key[node];
    if (name === undefined) steps.push(`[${tree.position[node]}]`);
    else steps.push(IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);
  }
  return '$' + steps.reverse().join('');
}

/** How a leaf value is written in JSON: strings quoted and escaped, as in the body. */
export function leafText(tree: JsonTree, index: number): string {
  const leaf = tree.value[index];
  // JSON.parse reads "-0" as -0, which JSON.stringify writes as "0".
  if (Object.is(leaf, -0)) return '-0';
  return JSON.stringify(leaf) ?? 'null';
}

/** Search stops after this many matches: the count then reads "10000+". */
export const MAX_MATCHES = 10_000;

/** Nodes searched between two pauses of a search in steps. */
const SEARCH_STEP_NODES = 4096;

/**
 * Nodes whose member name or value (as written in JSON, without the quotes of a string) contains
 * `query`, ignoring case, in document order; at most `maxMatches`. In steps of a few thousand
 * nodes (useSearch runs them between keystrokes): a 10 MiB body has over a million values.
 */
export function* searchTreeSteps(
  tree: JsonTree,
  query: string,
  maxMatches = MAX_MATCHES,
): Generator<undefined, number[], undefined> {
  const needle = query.toLowerCase();
  const matches: number[] = [];
  if (needle === '') return matches;
  for (let index = 0; index < tree.size && matches.length < maxMatches; index++) {
    if (index % SEARCH_STEP_NODES === SEARCH_STEP_NODES - 1) yield;
    const name = tree.key[index];
    if (name !== undefined && name.toLowerCase().includes(needle)) {
      matches.push(index);
      continue;
    }
    if (isContainer(tree, index)) continue;
    const leaf = tree.value[index];
    // As written in JSON: -0 is "-0" (String(-0) is "0").
    const text = typeof leaf === 'string' ? leaf : Object.is(leaf, -0) ? '-0' : String(leaf);
    if (text.toLowerCase().includes(needle)) matches.push(index);
  }
  return matches;
}

/** searchTreeSteps in one go. */
export function searchTree(tree: JsonTree, query: string, maxMatches = MAX_MATCHES): number[] {
  const steps = searchTreeSteps(tree, query, maxMatches);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
