import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildJsonTree,
  containersIn,
  leafText,
  nodeKind,
  nodePath,
  revealNode,
  searchTreeSteps,
  searchTree,
  visibleNodes,
  type JsonTree,
} from './jsonTree';

function tree(value: unknown): JsonTree {
  const built = buildJsonTree(value);
  if (built === null) throw new Error('tree not built');
  return built;
}

/** The value a JSONPath of nodePath's form names, read back from the value (no library). */
function readPath(root: unknown, path: string): unknown {
  expect(path.startsWith('$')).toBe(true);
  let rest = path.slice(1);
  let current = root;
  while (rest !== '') {
    const step =
      /^\.([A-Za-z_$][A-Za-z0-9_$]*)/.exec(rest) ??
      /^\[(\d+)\]/.exec(rest) ??
      /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (step === null) throw new Error(`unreadable path step: ${rest}`);
    const name = step[1]!.startsWith('"')
      ? (JSON.parse(step[1]!) as string)
      : /^\d+$/.test(step[1]!) && Array.isArray(current)
        ? Number(step[1])
        : step[1]!;
    current = (current as Record<string | number, unknown>)[name];
    rest = rest.slice(step[0].length);
  }
  return current;
}

const jsonValue = fc.jsonValue({ maxDepth: 5 });

describe('buildJsonTree', () => {
  it('lists every value once, in document order, each subtree contiguous', () => {
    const built = tree({ a: [1, 'x', null], 'odd key': { b: true } });
    expect(Array.from({ length: built.size }, (_, index) => nodeKind(built, index))).toEqual([
      'object',
      'array',
      'number',
      'string',
      'null',
      'object',
      'boolean',
    ]);
    expect(Array.from(built.end.subarray(0, 7))).toEqual([7, 5, 3, 4, 5, 7, 7]);
    expect(Array.from(built.childCount.subarray(0, 7))).toEqual([2, 3, 0, 0, 0, 1, 0]);
  });

  it('builds 100,000 levels of nesting without recursion', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    const built = tree(deep);
    expect(built.size).toBe(100_000);
    expect(built.depth[99_999]).toBe(99_999);
  });

  it('gives up (null) above the node limit', () => {
    expect(buildJsonTree(new Array(100).fill(0), 50)).toBeNull();
    expect(buildJsonTree(new Array(49).fill(0), 50)).not.toBeNull();
  });

  it('on random JSON: each subtree ends after its descendants, and leaves read back as JSON', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const built = tree(value);
        for (let index = 0; index < built.size; index++) {
          const parent = built.parent[index]!;
          if (parent >= 0) {
            expect(index).toBeGreaterThan(parent);
            expect(built.end[index]).toBeLessThanOrEqual(built.end[parent]!);
            expect(built.depth[index]).toBe(built.depth[parent]! + 1);
          }
          const kind = nodeKind(built, index);
          if (kind === 'object' || kind === 'array') {
            // A container's subtree holds exactly its children's subtrees.
            let child = index + 1;
            for (let count = 0; count < built.childCount[index]!; count++)
              child = built.end[child]!;
            expect(child).toBe(built.end[index]);
          }
        }
        expect(built.end[0]).toBe(built.size);
      }),
      { numRuns: 500 },
    );
  });
});

describe('nodePath', () => {
  it('writes identifiers with a dot, other names as JSON strings, items by index', () => {
    const value = { items: [0, 1, 2, { 'odd key': 'v', $ok_1: 1 }] };
    const built = tree(value);
    const paths = Array.from({ length: built.size }, (_, index) => nodePath(built, index));
    expect(paths).toEqual([
      '$',
      '$.items',
      '$.items[0]',
      '$.items[1]',
      '$.items[2]',
      '$.items[3]',
      '$.items[3]["odd key"]',
      '$.items[3].$ok_1',
    ]);
  });

  it('on random JSON, names the node it was made for', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const built = tree(value);
        for (let index = 0; index < built.size; index++) {
          if (nodeKind(built, index) === 'object' || nodeKind(built, index) === 'array') continue;
          expect(readPath(value, nodePath(built, index))).toStrictEqual(
            JSON.parse(leafText(built, index)),
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('visibleNodes', () => {
  it('hides the subtree of a collapsed node, not the node', () => {
    const built = tree({ a: [1, 2], b: 3 });
    expect(Array.from(visibleNodes(built, new Set()))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(visibleNodes(built, new Set([1])))).toEqual([0, 1, 4]);
    expect(Array.from(visibleNodes(built, new Set([0])))).toEqual([0]);
  });

  it('on random JSON and random collapsed sets: shows exactly the nodes with no collapsed ancestor', () => {
    fc.assert(
      fc.property(jsonValue, fc.array(fc.nat(), { maxLength: 10 }), (value, picks) => {
        const built = tree(value);
        const collapsed = new Set(picks.map((pick) => pick % built.size));
        const expected: number[] = [];
        for (let index = 0; index < built.size; index++) {
          let hidden = false;
          for (let node = built.parent[index]!; node >= 0; node = built.parent[node]!) {
            if (collapsed.has(node)) hidden = true;
          }
          if (!hidden) expected.push(index);
        }
        expect(Array.from(visibleNodes(built, collapsed))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('revealNode', () => {
  it('opens every collapsed ancestor and nothing else', () => {
    const built = tree({ a: { b: { c: 1 } }, d: [1] });
    const all = containersIn(built);
    const shown = revealNode(built, all, 3);
    expect(Array.from(visibleNodes(built, shown))).toContain(3);
    expect(shown.has(3)).toBe(false);
    expect(shown.has(4)).toBe(true);
  });
});

describe('searchTree', () => {
  it('finds member names and values, ignoring case, in document order', () => {
    const built = tree({ Name: 'x', list: ['has NAME inside', 42], other: null });
    expect(searchTree(built, 'name')).toEqual([1, 3]);
    expect(searchTree(built, '42')).toEqual([4]);
    expect(searchTree(built, 'null')).toEqual([5]);
    expect(searchTree(built, '')).toEqual([]);
  });

  it('stops at the match limit', () => {
    expect(searchTree(tree(new Array(50).fill('a')), 'a', 10)).toHaveLength(10);
  });

  it('finds -0 as the body writes it', () => {
    expect(searchTree(tree({ zero: -0, one: 1 }), '-0')).toEqual([1]);
  });

  it('searches a large tree in steps, pausing every few thousand nodes', () => {
    const built = tree(Array.from({ length: 20_000 }, (_, index) => `item ${index}`));
    const steps = searchTreeSteps(built, 'item 19999');
    let pauses = 0;
    for (let step = steps.next(); ; step = steps.next(), pauses++) {
      if (step.done) {
        expect(step.value).toEqual([20_000]);
        break;
      }
    }
    expect(pauses).toBe(Math.floor(built.size / 4096));
  });

  it('on random JSON: a node matches exactly when its name or value contains the query', () => {
    // Queries from the texts themselves too (separators, case changes, İ), not only short ones.
    const text = fc.string({
      maxLength: 2,
      unit: fc.constantFrom('a', 'A', 'İ', 'i', '\n', '0', '-'),
    });
    fc.assert(
      fc.property(
        fc.oneof(jsonValue, fc.dictionary(text, text)),
        fc.oneof(fc.string({ maxLength: 2 }), text),
        (value, query) => {
          const built = tree(value);
          const found = new Set(searchTree(built, query));
          for (let index = 0; index < built.size; index++) {
            const name = built.key[index];
            const kind = nodeKind(built, index);
            const leaf = built.value[index];
            const text =
              kind === 'object' || kind === 'array'
                ? undefined
                : typeof leaf === 'string'
                  ? leaf
                  : Object.is(leaf, -0)
                    ? '-0'
                    : String(leaf);
            const needle = query.toLowerCase();
            const expected =
              needle !== '' &&
              ((name?.toLowerCase().includes(needle) ?? false) ||
                (text?.toLowerCase().includes(needle) ?? false));
            expect(found.has(index)).toBe(expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
