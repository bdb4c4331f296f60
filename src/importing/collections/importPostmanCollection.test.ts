import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SAVED_OPTIONS,
  walkRequests,
  type Collection,
  type SavedFolder,
  type SavedRequest,
} from '../../collections/collectionModel';
import { LOCAL_IDENTITIES } from '../../request/defaults';
import {
  POSTMAN_FIXTURES,
  readPostmanFixture,
  sequentialIds,
} from '../../../test-support/postmanFixtures';
import type { ImportedWorkspace } from './importedWorkspace';
import { importPostmanCollection, postmanCollectionVersion } from './importPostmanCollection';

const DEMO = LOCAL_IDENTITIES.find((identity) => identity.name === 'demo')!;
const TEMP = LOCAL_IDENTITIES.find((identity) => identity.name === 'temp')!;

function imported(value: unknown, environments: ImportedWorkspace['environments'] = []) {
  const result = importPostmanCollection(value, { newId: sequentialIds(), environments });
  if (!result.ok) throw new Error(result.error);
  return result.workspace;
}

function failure(value: unknown): string {
  const result = importPostmanCollection(value, { newId: sequentialIds() });
  if (result.ok) throw new Error('imported');
  return result.error;
}

const fixture = (name: string): unknown => JSON.parse(readPostmanFixture(name));

/** The environment of the fixture, as importPostmanEnvironment makes it. */
const LOCAL_ENVIRONMENT = {
  id: 'env',
  name: 'Local gateway',
  variables: [
    { name: 'baseUrl', value: 'http://127.0.0.1:5174/prod', secret: false, enabled: true },
    { name: 'accessKey', value: DEMO.accessKeyId, secret: true, enabled: true },
    { name: 'secretKey', value: DEMO.secretAccessKey, secret: true, enabled: true },
    { name: 'region', value: 'ca-central-1', secret: false, enabled: true },
    { name: 'service', value: 'execute-api', secret: false, enabled: true },
  ],
};

function request(collection: Collection | undefined, name: string): SavedRequest {
  for (const { request } of walkRequests(collection?.items ?? [])) {
    if (request.name === name) return request;
  }
  throw new Error(`no request ${name}`);
}

/** A v2.1 collection around the given items (and collection-level fields). */
function collectionOf(item: unknown[], extra: Record<string, unknown> = {}) {
  return {
    info: {
      name: 'Test',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item,
    ...extra,
  };
}

const awsv4 = (fields: Record<string, unknown>) => ({
  type: 'awsv4',
  awsv4: Object.entries(fields).map(([key, value]) => ({ key, value, type: 'string' })),
});

describe('postmanCollectionVersion', () => {
  it('tells the versions apart by the schema URL', () => {
    const schema = (url: string) => ({ info: { name: 'x', schema: url }, item: [] });
    expect(
      postmanCollectionVersion(
        schema('https://schema.getpostman.com/json/collection/v2.1.0/collection.json'),
      ),
    ).toBe('v2.1');
    expect(
      postmanCollectionVersion(
        schema('https://schema.getpostman.com/json/collection/v2.0.0/collection.json'),
      ),
    ).toBe('v2.0');
    expect(postmanCollectionVersion({ id: 'x', requests: [], order: [] })).toBe('v1');
    expect(postmanCollectionVersion({ info: { name: 'no schema' }, item: [] })).toBe('v2.1');
    expect(postmanCollectionVersion({ openapi: '3.0.0' })).toBeUndefined();
    expect(postmanCollectionVersion([])).toBeUndefined();
  });
});

describe('importPostmanCollection: the local gateway fixture', () => {
  const workspace = imported(fixture(POSTMAN_FIXTURES.collection), [LOCAL_ENVIRONMENT]);
  const collection = workspace.collection!;

  it('keeps folders, requests, variables and the description', () => {
    expect(workspace.format).toBe('Postman Collection v2.1');
    expect(collection.name).toBe('Local API Gateway');
    expect(collection.description).toMatch(/^The playground's local API Gateway/);
    expect(collection.variables).toEqual([
      { name: 'greeting', value: 'hi', secret: false, enabled: true },
    ]);
    expect(collection.items.map((item) => [item.kind, item.name])).toEqual([
      ['request', 'Say hello'],
      ['folder', 'Presigned'],
      ['folder', 'Public'],
    ]);
    const ids = [...walkRequests(collection.items)].map(({ request }) => request.id);
    expect(new Set([...ids, collection.id, collection.items[1]!.id]).size).toBe(ids.length + 2);
  });

  it("signs with the collection's auth: region and service as set there, {{variables}} and all", () => {
    expect(request(collection, 'Say hello')).toEqual({
      kind: 'request',
      id: expect.any(String),
      name: 'Say hello',
      method: 'POST',
      url: '{{baseUrl}}/hello',
      headers: [{ name: 'Content-Type', value: 'application/json', signed: true }],
      body: '{"hello":"world"}',
      region: '{{region}}',
      service: '{{service}}',
      options: DEFAULT_SAVED_OPTIONS,
      description:
        "POST /hello, signed with the collection's AWS Signature auth: 200 as the demo identity.",
    });
  });

  it("takes a folder's own auth: presigned, with its own region and service", () => {
    const presigned = request(collection, 'Say hello with a presigned URL');
    expect(presigned.options.mode).toBe('query');
    expect(presigned.region).toBe('ca-central-1');
    expect(presigned.service).toBe('execute-api');
    expect(presigned.url).toBe('{{baseUrl}}/hello?greeting={{greeting}}');
  });

  it('withholds a credential header and says that noauth requests get signed here', () => {
    const unsigned = request(collection, 'Hello without auth');
    expect(unsigned.headers).toEqual([
      { name: 'X-Api-Key', value: '', signed: true, withheld: true },
    ]);
    expect(unsigned.region).toBeUndefined();
    expect(unsigned.service).toBeUndefined();
    expect(workspace.notes).toContainEqual(
      expect.stringMatching(/Postman sends “Hello without auth” without auth/),
    );
    expect(workspace.notes).toContainEqual(
      expect.stringMatching(/paste them again in “Hello without auth”/),
    );
    expect(JSON.stringify(collection)).not.toContain('local-demo-api-key');
  });

  it('leaves out disabled headers and empty scripts, and says so for the headers', () => {
    expect(request(collection, 'Say hello').headers.map((header) => header.name)).toEqual([
      'Content-Type',
    ]);
    expect(workspace.notes).toContainEqual(expect.stringMatching(/Disabled headers.*“Say hello”/));
    expect(workspace.notes.join(' ')).not.toMatch(/scripts/);
  });

  it('finds the keys through the environment, and they go nowhere else', () => {
    expect(workspace.keys).toEqual({
      accessKeyId: DEMO.accessKeyId,
      secretAccessKey: DEMO.secretAccessKey,
    });
    expect(workspace.notes[0]).toMatch(
      /The AWS keys of the AWS Signature auth of the collection \(from \{\{accessKey\}\}, \{\{secretKey\}\}\) are in the credentials panel/,
    );
    const text = JSON.stringify(collection);
    expect(text).not.toContain(DEMO.secretAccessKey);
    expect(text).not.toContain(DEMO.accessKeyId);
  });

  it('without the environment, says where the keys should come from', () => {
    const alone = imported(fixture(POSTMAN_FIXTURES.collection));
    expect(alone.keys).toBeUndefined();
    expect(alone.notes).toContainEqual(
      expect.stringMatching(
        /^The AWS Signature auth of the collection and folder “Presigned” reads its keys from \{\{accessKey\}\}, \{\{secretKey\}\}, which no imported variable defines/,
      ),
    );
  });
});

describe('importPostmanCollection: the v2.0 fixture', () => {
  const workspace = imported(fixture(POSTMAN_FIXTURES.v20));
  const collection = workspace.collection!;

  it('reads v2.0 auth objects and keys written out, session token included', () => {
    expect(workspace.format).toBe('Postman Collection v2.0');
    expect(workspace.keys).toEqual({
      accessKeyId: TEMP.accessKeyId,
      secretAccessKey: TEMP.secretAccessKey,
      sessionToken: TEMP.sessionToken,
    });
    expect(collection.description).toMatch(/^A v2.0 collection/);
    const text = JSON.stringify(collection);
    expect(text).not.toContain(TEMP.secretAccessKey);
    expect(text).not.toContain(TEMP.sessionToken);
  });

  it("takes a request's own awsv4 auth over the collection's", () => {
    const functionUrl = request(collection, 'Function URL');
    expect([functionUrl.region, functionUrl.service]).toEqual(['us-west-2', 'lambda']);
    const hello = request(collection, 'Hello as temp');
    expect([hello.region, hello.service]).toEqual(['ca-central-1', 'execute-api']);
  });

  it('reads headers written as text, leaving out the disabled ones', () => {
    expect(request(collection, 'Hello as temp').headers).toEqual([
      { name: 'Accept', value: 'application/json', signed: true },
    ]);
  });

  it('encodes a urlencoded body, keeping {{variables}}, and adds its Content-Type', () => {
    const form = request(collection, 'Form');
    expect(form.body).toBe('greeting=hello%20world%20%26%20more&token={{formToken}}');
    expect(form.headers).toEqual([
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded', signed: true },
    ]);
  });

  it('sends a GraphQL body as the JSON Postman sends', () => {
    const graphql = request(collection, 'GraphQL');
    expect(JSON.parse(graphql.body)).toEqual({
      query: 'query { hello(name: "you") }',
      variables: { limit: 2 },
    });
    expect(graphql.headers).toEqual([
      { name: 'Content-Type', value: 'application/json', signed: true },
    ]);
  });

  it('fills path variables and takes credentials out of the URL', () => {
    expect(request(collection, 'User by id').url).toBe(
      'http://127.0.0.1:5174/prod/users/42/:tab?view=full',
    );
  });

  it('names what it left out: multipart body, bearer auth, an unfilled path variable', () => {
    expect(request(collection, 'Upload').body).toBe('');
    expect(workspace.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Multipart form bodies are not imported: “Upload”/),
        expect.stringMatching(/Postman's Bearer Token auth is not SigV4.*“User by id”/),
        expect.stringMatching(
          /Path variables without a value stay as :name in the URL of “User by id”/,
        ),
        expect.stringMatching(/Credentials in the URL .* taken out of “User by id”/),
      ]),
    );
  });
});

describe('importPostmanCollection: auth inheritance', () => {
  const keys = { accessKey: 'AKIDEXAMPLE', secretKey: 'secret-secret-secret' };
  const item = (name: string, auth?: unknown) => ({
    name,
    request: {
      method: 'GET',
      url: 'https://example.com/',
      ...(auth === undefined ? {} : { auth }),
    },
  });

  it('inherits through absent, null and "inherit" auth; noauth stops it; a folder overrides it', () => {
    const workspace = imported(
      collectionOf(
        [
          item('absent'),
          item('null', null),
          item('inherit', { type: 'inherit' }),
          item('noauth', { type: 'noauth' }),
          {
            name: 'Override',
            auth: awsv4({ ...keys, region: 'eu-west-1', service: 's3' }),
            item: [
              item('in override'),
              { name: 'Unsigned', auth: { type: 'noauth' }, item: [item('under noauth')] },
            ],
          },
          { name: 'Plain folder', item: [item('in plain folder')] },
        ],
        { auth: awsv4({ ...keys, region: 'us-east-2', service: 'execute-api' }) },
      ),
    );
    const scopeOf = (name: string) => {
      const saved = request(workspace.collection, name);
      return [saved.region, saved.service];
    };
    expect(scopeOf('absent')).toEqual(['us-east-2', 'execute-api']);
    expect(scopeOf('null')).toEqual(['us-east-2', 'execute-api']);
    expect(scopeOf('inherit')).toEqual(['us-east-2', 'execute-api']);
    expect(scopeOf('noauth')).toEqual([undefined, undefined]);
    expect(scopeOf('in override')).toEqual(['eu-west-1', 's3']);
    expect(scopeOf('under noauth')).toEqual([undefined, undefined]);
    expect(scopeOf('in plain folder')).toEqual(['us-east-2', 'execute-api']);
    expect(workspace.notes).toContainEqual(
      expect.stringMatching(/Postman sends “noauth” and “under noauth” without auth/),
    );
  });

  it('lets an empty region or service follow the host, and says what Postman would do', () => {
    const workspace = imported(collectionOf([item('bare')], { auth: awsv4({ ...keys }) }));
    const bare = request(workspace.collection, 'bare');
    expect(bare.region).toBeUndefined();
    expect(bare.service).toBeUndefined();
    expect(workspace.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /leaves the region empty for “bare” \(Postman then signs for us-east-1\)/,
        ),
        expect.stringMatching(
          /leaves the service empty for “bare” \(Postman then signs for execute-api\)/,
        ),
      ]),
    );
  });

  it('reads addAuthDataToQuery as Postman writes it: true, "true" or 1', () => {
    for (const value of [true, 'true', 1]) {
      const workspace = imported(
        collectionOf([item('presigned', awsv4({ ...keys, addAuthDataToQuery: value }))]),
      );
      expect(request(workspace.collection, 'presigned').options.mode).toBe('query');
    }
    const off = imported(
      collectionOf([item('header', awsv4({ ...keys, addAuthDataToQuery: false }))]),
    );
    expect(request(off.collection, 'header').options.mode).toBe('header');
  });

  it('imports one set of keys, names the others, and empties every variable that held one', () => {
    const workspace = imported(
      collectionOf(
        [
          item(
            'own keys',
            awsv4({
              accessKey: 'AKIDOTHER',
              secretKey: 'another-secret-value',
              region: 'us-east-1',
            }),
          ),
          item('same keys'),
        ],
        {
          auth: awsv4({ accessKey: '{{id}}', secretKey: '{{secret}}', sessionToken: '{{token}}' }),
          variable: [
            { key: 'id', value: 'AKIDEXAMPLE' },
            { key: 'secret', value: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
            { key: 'token', value: 'a-session-token-value' },
            { key: 'note', value: 'the key is wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
          ],
        },
      ),
    );
    expect(workspace.keys).toEqual({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      sessionToken: 'a-session-token-value',
    });
    expect(workspace.collection!.variables).toEqual([
      { name: 'id', value: '', secret: true, enabled: true },
      { name: 'secret', value: '', secret: true, enabled: true },
      { name: 'token', value: '', secret: true, enabled: true },
      { name: 'note', value: 'the key is ', secret: false, enabled: true },
    ]);
    expect(workspace.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Other AWS keys, of request “own keys”, were not imported/),
        expect.stringMatching(/The variables “id”, “secret” and “token” held AWS keys/),
        expect.stringMatching(/AWS keys written out in the collection's variables were taken out/),
      ]),
    );
  });
});

describe('importPostmanCollection: headers', () => {
  it("leaves out the headers Postman's awsv4 writes afresh, only where awsv4 signs", () => {
    const stale = [
      { key: 'Authorization', value: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/…' },
      { key: 'X-Amz-Date', value: '20260101T000000Z' },
      { key: 'x-amz-content-sha256', value: 'UNSIGNED-PAYLOAD' },
      { key: 'Host', value: 'example.com' },
      { key: 'Accept', value: '*/*' },
    ];
    const workspace = imported(
      collectionOf(
        [
          { name: 'signed', request: { url: 'https://example.com/', header: stale } },
          {
            name: 'unsigned',
            request: { url: 'https://example.com/', header: stale, auth: { type: 'noauth' } },
          },
        ],
        { auth: awsv4({ accessKey: 'AKIDEXAMPLE', secretKey: 'x'.repeat(40) }) },
      ),
    );
    expect(request(workspace.collection, 'signed').headers.map((header) => header.name)).toEqual([
      'Host',
      'Accept',
    ]);
    expect(request(workspace.collection, 'unsigned').headers.map((header) => header.name)).toEqual([
      'Authorization',
      'X-Amz-Date',
      'x-amz-content-sha256',
      'Host',
      'Accept',
    ]);
    expect(workspace.notes).toContainEqual(
      expect.stringMatching(/^Headers a signer writes .* were left out of “signed”:/),
    );
  });

  it('keeps a credential header or parameter that only names its variable, as every importer does', () => {
    const workspace = imported(
      collectionOf([
        {
          name: 'named',
          request: {
            url: 'https://example.com/?api_key={{apiKey}}&token=t0ken',
            header: [
              { key: 'Authorization', value: 'Bearer {{token}}' },
              { key: 'x-api-key', value: '{{apiKey}}' },
              { key: 'X-Auth-Token', value: 'Bearer s3cr3t' },
            ],
            auth: { type: 'noauth' },
          },
        },
      ]),
    );
    const named = request(workspace.collection, 'named');
    expect(named.url).toBe('https://example.com/?api_key={{apiKey}}');
    expect(named.headers).toEqual([
      { name: 'Authorization', value: 'Bearer {{token}}', signed: true },
      { name: 'x-api-key', value: '{{apiKey}}', signed: true },
      { name: 'X-Auth-Token', value: '', signed: true, withheld: true },
    ]);
  });
});

describe('importPostmanCollection: variables', () => {
  it('marks type "secret" and credential names secret, keeps disabled ones unticked', () => {
    const workspace = imported(
      collectionOf([], {
        variable: [
          { key: 'apiToken', value: 't0ken', type: 'string' },
          { key: 'hidden', value: 'shh', type: 'secret' },
          { key: 'off', value: 'x', disabled: true },
          { id: 'byId', value: 42 },
          { key: 'flag', value: true, type: 'boolean' },
          { key: 'object', value: { a: 1 }, type: 'any' },
          { value: 'no name' },
        ],
      }),
    );
    expect(workspace.collection!.variables).toEqual([
      { name: 'apiToken', value: 't0ken', secret: true, enabled: true },
      { name: 'hidden', value: 'shh', secret: true, enabled: true },
      { name: 'off', value: 'x', secret: false, enabled: false },
      { name: 'byId', value: '42', secret: false, enabled: true },
      { name: 'flag', value: 'true', secret: false, enabled: true },
      { name: 'object', value: '{"a":1}', secret: false, enabled: true },
    ]);
  });
});

describe('importPostmanCollection: requests', () => {
  it('reads a request given as a URL string as a GET', () => {
    const workspace = imported(collectionOf([{ name: 'bare', request: 'https://example.com/x' }]));
    expect(request(workspace.collection, 'bare')).toMatchObject({
      method: 'GET',
      url: 'https://example.com/x',
      headers: [],
      body: '',
    });
  });

  it('puts a URL together from its parts when there is no raw', () => {
    const workspace = imported(
      collectionOf([
        {
          name: 'parts',
          request: {
            method: 'GET',
            url: {
              protocol: 'https',
              host: ['api', 'example', 'com'],
              port: '8443',
              path: ['v1', { value: 'items' }],
              query: [
                { key: 'a', value: '1' },
                { key: 'off', value: '2', disabled: true },
                { key: 'flag', value: null },
              ],
              hash: 'top',
            },
          },
        },
      ]),
    );
    expect(request(workspace.collection, 'parts').url).toBe(
      'https://api.example.com:8443/v1/items?a=1&flag#top',
    );
  });

  it('takes the request description, else the item one', () => {
    const workspace = imported(
      collectionOf([
        { name: 'on item', description: 'item text', request: { url: 'https://a.example/' } },
        {
          name: 'as object',
          request: {
            url: 'https://a.example/',
            description: { content: 'md', type: 'text/markdown' },
          },
        },
        { name: 'none', request: { url: 'https://a.example/' } },
      ]),
    );
    expect(request(workspace.collection, 'on item').description).toBe('item text');
    expect(request(workspace.collection, 'as object').description).toBe('md');
    expect('description' in request(workspace.collection, 'none')).toBe(false);
  });

  it('keeps a folder tree as it is, empty folders included', () => {
    const workspace = imported(
      collectionOf([
        {
          name: 'A',
          item: [
            { name: 'B', item: [] },
            { name: 'r', request: 'https://x.example/' },
          ],
        },
      ]),
    );
    const a = workspace.collection!.items[0] as SavedFolder;
    expect(a.items.map((item) => [item.kind, item.name])).toEqual([
      ['folder', 'B'],
      ['request', 'r'],
    ]);
  });
});

describe('importPostmanCollection: refusals', () => {
  it('refuses v1 with the way out', () => {
    expect(failure({ id: 'x', name: 'old', requests: [], order: [] })).toMatch(
      /Collection v1 .* export it as Collection v2.1/,
    );
  });

  it('says where the file strays from the format', () => {
    expect(failure(collectionOf([{ name: 'bad', request: { url: 42 } }]))).toBe(
      'Item 1 of the collection (“bad”): request.url: expected text or an object, not a number.',
    );
    expect(
      failure(
        collectionOf([{ name: 'F', item: [{ name: 'x', request: { header: [{ key: 1 }] } }] }]),
      ),
    ).toBe('Item 1 of folder “F” (“x”): request.header[0].key: expected text, not a number.');
    expect(failure(collectionOf([{ name: 'neither' }]))).toMatch(
      /^Item 1 of the collection \(“neither”\) is neither a request/,
    );
    expect(failure({ info: { name: 'x' }, item: 'nope' })).toBe(
      'This Postman collection is not in the published format: item: expected a list, not a string.',
    );
  });

  it('refuses folders nested deeper than the limit, however deep, without recursing that far', () => {
    let deep: unknown = { name: 'leaf', request: 'https://x.example/' };
    for (let level = 0; level < 100_000; level++) deep = { name: `f${level}`, item: [deep] };
    expect(failure(collectionOf([deep]))).toMatch(/^Folders are nested more than 16 deep/);
    let justDeepEnough: unknown = { name: 'leaf', request: 'https://x.example/' };
    for (let level = 0; level < 16; level++)
      justDeepEnough = { name: `f${level}`, item: [justDeepEnough] };
    expect(imported(collectionOf([justDeepEnough])).collection).toBeDefined();
  });

  it('refuses more requests than a collection keeps', () => {
    const many = Array.from({ length: 5001 }, (_, index) => ({
      name: `r${index}`,
      request: 'https://x.example/',
    }));
    expect(failure(collectionOf(many))).toBe(
      'The collection has more than 5000 requests; the playground keeps at most 5000 in one collection.',
    );
  });

  it('refuses more folders than a collection keeps, before building them all', () => {
    const many = Array.from({ length: 300_000 }, (_, index) => ({ name: `f${index}`, item: [] }));
    expect(failure(collectionOf(many))).toBe(
      'The collection has more than 5000 folders; the playground keeps at most 5000 in one collection.',
    );
  });

  it('refuses too many variables and names too long', () => {
    const variable = Array.from({ length: 1001 }, (_, index) => ({ key: `v${index}`, value: '' }));
    expect(failure(collectionOf([], { variable }))).toMatch(
      /has 1001 variables; the playground keeps at most 1000/,
    );
    expect(
      failure(collectionOf([{ name: 'x'.repeat(501), request: 'https://x.example/' }])),
    ).toMatch(
      /^A request name is 501 characters long \(“x{60}…”\); names are at most 500 characters\.$/,
    );
  });
});
