// Random collections and environments of the one model (src/collections/collectionModel.ts), for
// property tests: every one of them is valid (parseCollection accepts it), and their names and
// ids are chosen to be hard on whatever turns them into something else. Names repeat (two
// requests called "list"), collide once slugged ("List" and "list!"), are empty, are `..`, `con`,
// a path, a lone surrogate; ids are sometimes what a file on disk would give (`a.request.json`)
// and sometimes an attack on it (`../x.request.json`).
import fc from 'fast-check';
import type {
  Collection,
  CollectionItem,
  Environment,
  SavedFolder,
  SavedHeader,
  SavedOptions,
  SavedRequest,
  Variable,
} from '../src/collections/collectionModel';
import { anyText } from './arbitraries';

/** Names people give, and names that are hard on file names. */
export const itemName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'list',
    'List',
    'list!',
    '',
    '.',
    '..',
    '../etc/passwd',
    'a/b',
    'C:\\windows',
    'con',
    'NUL',
    'collection',
    'folder',
    'environments',
    ' spaced ',
    'Ünïcödé',
    'ユーザー取得',
    '\ud800',
    'x'.repeat(500),
  ),
  anyText(40),
);

/** Ids as the page makes them, as the disk format makes them, and as an attacker would. */
export const itemId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    'get.request.json',
    'Get User.request.json',
    'admin/',
    'admin',
    'admin/get.request.json',
    'admin/sub/',
    '../x.request.json',
    '/etc/x.request.json',
    'environments/',
    '../',
    'folder.json',
    'a\\b.request.json',
    '.hidden.request.json',
    'con.request.json',
    'environments/dev.json',
  ),
  anyText(30).filter((text) => text !== ''),
);

const savedOptions: fc.Arbitrary<SavedOptions> = fc.record({
  mode: fc.constantFrom('header', 'query'),
  expiresIn: fc.constantFrom('900', '60', '', 'abc'),
  payload: fc.constantFrom('signed', 'unsigned'),
  contentSha256Header: fc.constantFrom(null, true, false),
  s3PathRules: fc.constantFrom(null, true, false),
  signSessionToken: fc.boolean(),
  algorithm: fc.constantFrom('sigv4', 'sigv4a'),
  regionSet: fc.constantFrom('', 'us-*', '{{regions}}'),
});

const savedHeader: fc.Arbitrary<SavedHeader> = fc.record(
  {
    name: fc.constantFrom('content-type', 'x-amz-security-token', 'Accept', ''),
    value: anyText(20),
    signed: fc.boolean(),
    withheld: fc.boolean(),
  },
  { requiredKeys: ['name', 'value', 'signed'] },
);

/** An AWS profile's name, as a request or an environment names the one it signs with. */
const profileName = fc.constantFrom('default', 'reader', 'my profile', 'ünïcode');

export const savedRequest: fc.Arbitrary<SavedRequest> = fc.record(
  {
    kind: fc.constant('request' as const),
    id: itemId,
    name: itemName,
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'custom'),
    url: fc.oneof(fc.constant('{{base}}/prod/hello'), fc.webUrl(), anyText(40)),
    headers: fc.array(savedHeader, { maxLength: 3 }),
    body: fc.oneof(fc.constant(''), fc.json(), anyText(60)),
    region: fc.constantFrom('us-east-1', '{{region}}', ''),
    service: fc.constantFrom('execute-api', 's3', ''),
    options: savedOptions,
    description: anyText(30),
    profile: profileName,
  },
  {
    requiredKeys: ['kind', 'id', 'name', 'method', 'url', 'headers', 'body', 'options'],
  },
);

/** A tree of requests and folders, at most `depth` folders deep. */
export function collectionItems(depth = 3): fc.Arbitrary<CollectionItem[]> {
  const { items } = fc.letrec<{ items: CollectionItem[]; folder: SavedFolder }>((tie) => ({
    items: fc.array(
      fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { weight: 3, arbitrary: savedRequest },
        { weight: 1, arbitrary: tie('folder') },
      ),
      { maxLength: 5 },
    ) as fc.Arbitrary<CollectionItem[]>,
    folder: fc.record({
      kind: fc.constant('folder' as const),
      id: itemId,
      name: itemName,
      items: tie('items') as fc.Arbitrary<CollectionItem[]>,
    }),
  }));
  return items.map((tree) => pruneDepth(tree, depth)).map(uniqueIds);
}

function pruneDepth(items: CollectionItem[], depth: number): CollectionItem[] {
  return items
    .filter((item) => item.kind === 'request' || depth > 0)
    .map((item) =>
      item.kind === 'folder' ? { ...item, items: pruneDepth(item.items, depth - 1) } : item,
    );
}

/** The model wants ids unique in a collection: a repeated one gets a counter. */
function uniqueIds(items: CollectionItem[]): CollectionItem[] {
  const seen = new Set<string>();
  const visit = (level: CollectionItem[]): CollectionItem[] =>
    level.map((item) => {
      let id = item.id;
      for (let number = 2; seen.has(id); number += 1) id = `${item.id}#${number}`;
      seen.add(id);
      return item.kind === 'folder' ? { ...item, id, items: visit(item.items) } : { ...item, id };
    });
  return visit(items);
}

export const variable: fc.Arbitrary<Variable> = fc.record({
  name: itemName,
  value: anyText(20),
  secret: fc.boolean(),
  enabled: fc.boolean(),
});

export const collection: fc.Arbitrary<Collection> = fc.record(
  {
    id: itemId,
    name: itemName,
    variables: fc.array(variable, { maxLength: 4 }),
    items: collectionItems(),
    description: anyText(30),
  },
  { requiredKeys: ['id', 'name', 'variables', 'items'] },
);

export const environment: fc.Arbitrary<Environment> = fc.record(
  {
    id: itemId,
    name: itemName,
    variables: fc.array(variable, { maxLength: 4 }),
    profile: profileName,
  },
  { requiredKeys: ['id', 'name', 'variables'] },
);

/** Environments with ids unique among them, as the page keeps them. */
export const environments: fc.Arbitrary<Environment[]> = fc.uniqueArray(environment, {
  maxLength: 4,
  selector: (entry) => entry.id,
});
