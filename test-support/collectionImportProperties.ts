// What every collection importer promises, whatever it is given, and the inputs the fuzz tests
// give them: random text, fixtures with random edits (as text, and as parsed JSON with a random
// part replaced), and very large or very deep files.
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  COLLECTION_LIMITS,
  walkRequests,
  withoutSecretValues,
  type CollectionItem,
} from '../src/collections/collectionModel';
import { checkImportLimits } from '../src/importing/collections/checkImportLimits';
import type { ImportWorkspaceResult } from '../src/importing/collections/importedWorkspace';
import { MIN_EMBEDDED_KEY_CHARS } from '../src/importing/collections/withoutImportedKeys';
import { anyText } from './arbitraries';

/** The workspace as it may be stored: secret variables without their values. */
function storedForm(result: Extract<ImportWorkspaceResult, { ok: true }>): string {
  const { collection, environments } = result.workspace;
  return JSON.stringify([
    collection === undefined
      ? null
      : { ...collection, variables: withoutSecretValues(collection.variables) },
    environments.map((environment) => ({
      ...environment,
      variables: withoutSecretValues(environment.variables),
    })),
  ]);
}

/** The texts a workspace stores that came from the file: variables' and requests' values. */
function storedTexts(result: Extract<ImportWorkspaceResult, { ok: true }>): string[] {
  const { collection, environments } = result.workspace;
  const variables = [
    ...withoutSecretValues(collection?.variables ?? []),
    ...environments.flatMap((environment) => withoutSecretValues(environment.variables)),
  ];
  const texts = variables.map((variable) => variable.value);
  for (const { request } of walkRequests(collection?.items ?? [])) {
    texts.push(request.url, request.body, request.description ?? '', request.region ?? '');
    texts.push(request.service ?? '', ...request.headers.map((header) => header.value));
  }
  return texts.filter((text) => text.trim() !== '');
}

function ids(items: readonly CollectionItem[], into: string[]): string[] {
  for (const item of items) {
    into.push(item.id);
    if (item.kind === 'folder') ids(item.items, into);
  }
  return into;
}

/**
 * Either a workspace within COLLECTION_LIMITS whose keys are nowhere but in `keys`, or one
 * readable sentence. `secrets` are keys the input held that must not be stored either way.
 */
export function expectWellFormed(
  result: ImportWorkspaceResult,
  secrets: readonly string[] = [],
): void {
  if (!result.ok) {
    expect(typeof result.error).toBe('string');
    expect(result.error.trim()).not.toBe('');
    expect(result.error.length).toBeLessThan(2000);
    expect(result.error).not.toMatch(/\[object Object\]|undefined|NaN/);
    return;
  }
  const { workspace } = result;
  expect(checkImportLimits(workspace)).toBeUndefined();
  const stored = storedForm(result);
  const keys = [workspace.keys?.secretAccessKey, workspace.keys?.sessionToken, ...secrets].filter(
    (key): key is string => key !== undefined && key.trim() !== '',
  );
  // A key of a few characters (a fuzzed `true`) is found inside any JSON and is left inside other
  // text (withoutImportedKeys.ts): a real-sized one is nowhere, a short one is no value of its own.
  for (const key of keys)
    if (key.length >= MIN_EMBEDDED_KEY_CHARS) expect(stored).not.toContain(key);
  const shortKeys = new Set(keys.map((key) => key.trim()));
  for (const text of storedTexts(result)) expect(shortKeys.has(text.trim())).toBe(false);
  const itemIds = ids(workspace.collection?.items ?? [], []);
  expect(new Set(itemIds).size).toBe(itemIds.length);
  for (const { request } of walkRequests(workspace.collection?.items ?? [])) {
    expect(request.method).not.toBe('');
    for (const header of request.headers) expect(header.name.trim()).not.toBe('');
  }
  for (const note of workspace.notes) expect(note).not.toMatch(/\[object Object\]|undefined/);
}

/** One random edit of a text: a cut, an insertion, a replaced character, a repeated slice. */
function edit(text: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: text.length });
  return fc.oneof(
    fc
      .tuple(at, fc.nat({ max: 200 }))
      .map(([start, length]) => text.slice(0, start) + text.slice(start + length)),
    fc
      .tuple(at, anyText(20))
      .map(([start, inserted]) => text.slice(0, start) + inserted + text.slice(start)),
    fc
      .tuple(
        at,
        fc.constantFrom(
          '{',
          '}',
          '[',
          ']',
          '"',
          ':',
          ',',
          '\n',
          ' ',
          "'",
          '~',
          '-',
          '{{',
          '}}',
          '#',
        ),
      )
      .map(([start, char]) => text.slice(0, start) + char + text.slice(start + 1)),
    fc.tuple(at, at).map(([a, b]) => {
      const [start, end] = a <= b ? [a, b] : [b, a];
      return text.slice(0, end) + text.slice(start, end) + text.slice(end);
    }),
    at.map((end) => text.slice(0, end)),
  );
}

/** A fixture's text after one to four random edits. */
export function editedText(text: string): fc.Arbitrary<string> {
  return fc.integer({ min: 1, max: 4 }).chain((count) => {
    let arbitrary = fc.constant(text);
    for (let i = 0; i < count; i++) arbitrary = arbitrary.chain(edit);
    return arbitrary;
  });
}

/** Every path to a value inside `value`, up to `limit` of them (no recursion past depth 32). */
function pathsOf(value: unknown, limit = 2000): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && paths.length < limit) {
    const next = stack.pop()!;
    paths.push(next.path);
    if (next.path.length >= 32 || typeof next.value !== 'object' || next.value === null) continue;
    for (const [key, child] of Object.entries(next.value))
      stack.push({
        value: child,
        path: [...next.path, Array.isArray(next.value) ? Number(key) : key],
      });
  }
  return paths;
}

function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    copy[Number(key)] = replaced(copy[Number(key)], rest, by);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  copy[key] = replaced(copy[key], rest, by);
  return copy;
}

/** A parsed document with one of its parts (any depth) replaced by random JSON. */
export function editedDocument(document: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(document);
  const anyJson = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(null, '', 0, -1, 1e308, true, [], {}, '{{x}}', '__proto__', 'x'.repeat(600)),
  );
  return fc
    .tuple(fc.constantFrom(...paths), anyJson)
    .map(([path, by]) => replaced(document, path, by));
}

/** Random text, biased towards the characters the formats are made of. */
export function formatLikeText(tokens: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...tokens), anyText(12)), { maxLength: 60 })
    .map((parts) => parts.join(''));
}

/** Nested `depth` times: `open` repeated, then `close` repeated (a hostile file's shape). */
export function nested(open: string, inner: string, close: string, depth: number): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** One character over the largest file an importer reads (made when asked: 20 MiB). */
export function tooBigText(): string {
  return 'x'.repeat(COLLECTION_LIMITS.maxFileChars + 1);
}
