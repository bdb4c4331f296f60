import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collection as anyCollection, environment } from '../../test-support/collectionArbitraries';
import {
  COLLECTION_LIMITS,
  DEFAULT_SAVED_OPTIONS,
  type Collection,
  type CollectionItem,
  type SavedRequest,
} from './collectionModel';
import { MAX_FOLDERS, parseCollection, parseEnvironment } from './validateCollection';

const request = (id: string, extra: Partial<SavedRequest> = {}): SavedRequest => ({
  kind: 'request',
  id,
  name: `request ${id}`,
  method: 'GET',
  url: 'http://127.0.0.1:5174/prod/hello',
  headers: [{ name: 'accept', value: '*/*', signed: true }],
  body: '',
  options: { ...DEFAULT_SAVED_OPTIONS },
  ...extra,
});

const collectionOf = (items: CollectionItem[]): Collection => ({
  id: 'c',
  name: 'Orders',
  variables: [{ name: 'stage', value: 'prod', secret: false, enabled: true }],
  items,
});

/** A chain of `depth` folders, one inside the other, with a request at the bottom. */
function nested(depth: number): CollectionItem[] {
  let items: CollectionItem[] = [request('leaf')];
  for (let level = depth; level >= 1; level -= 1) {
    items = [{ kind: 'folder', id: `f${level}`, name: `folder ${level}`, items }];
  }
  return items;
}

const error = (value: unknown) => {
  const result = parseCollection(value);
  return result.ok ? 'accepted' : result.error;
};

describe('parseCollection', () => {
  it('accepts every collection of the model and gives it back unchanged', () => {
    fc.assert(
      fc.property(anyCollection, (collection) => {
        expect(parseCollection(collection)).toEqual({ ok: true, value: collection });
      }),
    );
  });

  it('drops fields the model does not have (what an older or newer page stored)', () => {
    const unknownField = { colour: 'red' };
    const stored = { ...collectionOf([{ ...request('a'), ...unknownField }]), extra: 1 };
    const result = parseCollection(stored);
    expect(result).toEqual({ ok: true, value: collectionOf([request('a')]) });
  });

  it.each([
    ['not an object', 5, 'expected an object, not a number'],
    ['null', null, 'expected an object, not null'],
    ['a missing name', { id: 'c', variables: [], items: [] }, 'name: expected text, not nothing'],
    [
      'a URL that is not text, deep in a folder',
      collectionOf([
        request('a'),
        { kind: 'folder', id: 'f', name: 'f', items: [request('b', { url: 5 as never })] },
      ]),
      'items[1].items[0].url: expected text, not a number',
    ],
    [
      'an unknown kind of item',
      collectionOf([{ kind: 'link', id: 'x' } as never]),
      'items[0].kind: must be "request" or "folder"',
    ],
    [
      'an unknown signing mode',
      collectionOf([
        request('a', { options: { ...DEFAULT_SAVED_OPTIONS, mode: 'cookie' as never } }),
      ]),
      'items[0].options.mode: must be "header" or "query"',
    ],
    [
      'a header that is not an object',
      collectionOf([request('a', { headers: ['accept: */*' as never] })]),
      'items[0].headers[0]: expected an object, not a string',
    ],
    [
      'a name over the limit',
      collectionOf([request('a', { name: 'x'.repeat(COLLECTION_LIMITS.maxNameChars + 1) })]),
      `items[0].name: longer than ${COLLECTION_LIMITS.maxNameChars} characters`,
    ],
    ['an empty id', collectionOf([request('')]), 'items[0].id: empty'],
    [
      'two items with one id',
      collectionOf([request('a'), { kind: 'folder', id: 'f', name: 'f', items: [request('a')] }]),
      'items[1].items[0].id: "a" is the id of another item too',
    ],
  ])('refuses %s, naming where', (_label, value, message) => {
    expect(error(value)).toBe(message);
  });

  it(`refuses more than ${COLLECTION_LIMITS.maxVariables} variables`, () => {
    const variables = Array.from({ length: COLLECTION_LIMITS.maxVariables + 1 }, (_, index) => ({
      name: `v${index}`,
      value: '',
      secret: false,
      enabled: true,
    }));
    expect(error({ ...collectionOf([]), variables })).toBe(
      `variables: more than ${COLLECTION_LIMITS.maxVariables} entries`,
    );
  });

  it(`takes folders ${COLLECTION_LIMITS.maxDepth} deep and refuses one more`, () => {
    expect(error(collectionOf(nested(COLLECTION_LIMITS.maxDepth)))).toBe('accepted');
    expect(error(collectionOf(nested(COLLECTION_LIMITS.maxDepth + 1)))).toMatch(
      new RegExp(
        `^items\\[0\\](\\.items\\[0\\]){${COLLECTION_LIMITS.maxDepth}}: folders nest at most ${COLLECTION_LIMITS.maxDepth} deep$`,
      ),
    );
  });

  it('refuses a tree nested 100,000 deep without running out of stack', () => {
    expect(error(collectionOf(nested(100_000)))).toMatch(/folders nest at most/);
  });

  it(`refuses more than ${COLLECTION_LIMITS.maxRequests} requests and ${MAX_FOLDERS} folders`, () => {
    const requests = Array.from({ length: COLLECTION_LIMITS.maxRequests + 1 }, (_, index) =>
      request(`r${index}`),
    );
    expect(error(collectionOf(requests))).toBe(
      `items[${COLLECTION_LIMITS.maxRequests}]: more than ${COLLECTION_LIMITS.maxRequests} requests in one collection`,
    );
    const folders = Array.from({ length: MAX_FOLDERS + 1 }, (_, index) => ({
      kind: 'folder' as const,
      id: `f${index}`,
      name: 'f',
      items: [],
    }));
    expect(error(collectionOf(folders))).toBe(
      `items[${MAX_FOLDERS}]: more than ${MAX_FOLDERS} folders in one collection`,
    );
  });
});

describe('parseEnvironment', () => {
  it('accepts every environment of the model', () => {
    fc.assert(
      fc.property(environment, (value) => {
        expect(parseEnvironment(value)).toEqual({ ok: true, value });
      }),
    );
  });

  it('names the variable that is wrong', () => {
    expect(
      parseEnvironment({
        id: 'dev',
        name: 'dev',
        variables: [{ name: 'stage', value: 'dev', secret: 'no', enabled: true }],
      }),
    ).toEqual({ ok: false, error: 'variables[0].secret: expected true or false, not a string' });
  });
});
