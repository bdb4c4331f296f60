import { describe, expect, it } from 'vitest';
import {
  walkRequests,
  withoutSecretValues,
  type Collection,
  type SavedRequest,
} from '../../collections/collectionModel';
import { LOCAL_IDENTITIES } from '../../request/defaults';
import { BRUNO_FIXTURES, readFixtureFolder } from '../../../test-support/collectionImportFixtures';
import { sequentialIds } from '../../../test-support/postmanFixtures';
import { importCollectionFiles } from './importCollectionFile';
import { importBruno, isBrunoFileName, type BrunoFile } from './importBruno';

const DEMO = LOCAL_IDENTITIES.find((identity) => identity.name === 'demo')!;

function imported(files: readonly BrunoFile[]) {
  const result = importBruno(files, sequentialIds());
  if (!result.ok) throw new Error(result.error);
  return result.workspace;
}

function failure(files: readonly BrunoFile[]): string {
  const result = importBruno(files, sequentialIds());
  if (result.ok) throw new Error('imported');
  return result.error;
}

function request(collection: Collection | undefined, name: string): SavedRequest {
  for (const { request } of walkRequests(collection?.items ?? []))
    if (request.name === name) return request;
  throw new Error(`no request ${name}`);
}

/** A request file with the given blocks after `meta` and the method block. */
function bru(method: string, url: string, auth: string, ...rest: string[]): string {
  return [
    `meta {\n  name: R\n  seq: 1\n}`,
    `${method} {\n  url: ${url}\n  body: none\n  auth: ${auth}\n}`,
    ...rest,
  ].join('\n\n');
}

const awsv4 = (fields: Record<string, string>) =>
  `auth:awsv4 {\n${Object.entries(fields)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n}`;

describe('importBruno', () => {
  describe('the orders collection', () => {
    const workspace = imported(readFixtureFolder(BRUNO_FIXTURES.orders));
    const { collection } = workspace;

    it('names the collection from bruno.json and builds folders from the paths, ordered by seq', () => {
      expect(workspace.format).toBe('Bruno collection');
      expect(collection?.name).toBe('Orders API (Bruno)');
      expect(collection?.description).toBe(
        '# Orders API\n\nThe orders service behind API Gateway, signed with SigV4.',
      );
      expect(collection?.items.map((item) => item.name)).toEqual([
        'Orders',
        'Admin',
        'Health',
        'Search orders',
      ]);
      const [orders] = collection?.items ?? [];
      expect(orders?.kind === 'folder' && orders.items.map((item) => item.name)).toEqual([
        'List orders',
        'Create order',
        'Get order',
      ]);
    });

    it('signs with the collection’s auth:awsv4 where requests inherit it', () => {
      const list = request(collection, 'List orders');
      expect(list).toMatchObject({
        method: 'GET',
        url: '{{baseUrl}}/orders?limit={{pageSize}}',
        region: '{{region}}',
        service: 'execute-api',
      });
      expect(list.headers).toEqual([
        { name: 'x-team', value: 'payments', signed: true },
        { name: 'accept', value: 'application/json', signed: true },
      ]);
    });

    it('writes folder and request variables into the request, and keeps the JSON body', () => {
      const create = request(collection, 'Create order');
      expect(create.url).toBe('{{baseUrl}}/orders');
      expect(create.body).toBe('{\n  "item": "book",\n  "quantity": 2\n}');
      expect(create.headers.map((header) => header.name)).toEqual([
        'x-team',
        'accept',
        'content-type',
      ]);
      expect(create.description).toBe('Creates an order for the signed-in caller.');
    });

    it('fills path parameters and keeps a request’s own region', () => {
      expect(request(collection, 'Get order')).toMatchObject({
        url: '{{baseUrl}}/orders/ord-1',
        region: 'us-west-2',
        service: 'execute-api',
      });
      expect(workspace.notes).toContain(
        '“Get order” signs with an AWS profile from ~/.aws, which a browser cannot read: enter the keys in the credentials panel.',
      );
    });

    it('imports other auth without it, and a credential header by name only', () => {
      const purge = request(collection, 'Purge cache');
      expect('region' in purge).toBe(false);
      expect(purge.headers).toContainEqual({
        name: 'x-api-key',
        value: '',
        signed: true,
        withheld: true,
      });
      expect(workspace.notes).toContain(
        '“Purge cache” uses auth other than AWS Signature (bearer): imported without it, as the playground signs with SigV4.',
      );
    });

    it('sends GraphQL as JSON with its variables, and no auth where the request says none', () => {
      const search = request(collection, 'Search orders');
      expect(JSON.parse(search.body)).toEqual({
        query: 'query Orders($status: String) {\n  orders(status: $status) {\n    id\n  }\n}',
        variables: { status: 'open' },
      });
      expect(search.headers).toContainEqual({
        name: 'Content-Type',
        value: 'application/json',
        signed: true,
      });
      expect('region' in request(collection, 'Health')).toBe(false);
    });

    it('makes collection variables and environments; vars:secret are secret and empty', () => {
      expect(collection?.variables).toEqual([
        { name: 'apiVersion', value: 'v1', secret: false, enabled: true },
        { name: 'pageSize', value: '25', secret: false, enabled: true },
      ]);
      const [dev, prod] = workspace.environments;
      expect(dev?.name).toBe('dev');
      expect(dev?.variables).toContainEqual({
        name: 'verbose',
        value: 'true',
        secret: false,
        enabled: false,
      });
      expect(dev?.variables).toContainEqual({
        name: 'notes',
        value: 'first line\nsecond line',
        secret: false,
        enabled: true,
      });
      expect(prod?.variables).toContainEqual({
        name: 'apiToken',
        value: '',
        secret: true,
        enabled: true,
      });
    });

    it('moves the keys to workspace.keys and empties the variables that held them', () => {
      expect(workspace.keys).toEqual({
        accessKeyId: DEMO.accessKeyId,
        secretAccessKey: DEMO.secretAccessKey,
      });
      for (const environment of workspace.environments) {
        for (const name of ['awsAccessKeyId', 'awsSecretAccessKey'])
          expect(environment.variables).toContainEqual({
            name,
            value: '',
            secret: true,
            enabled: true,
          });
      }
      const stored = JSON.stringify([
        { ...collection, variables: withoutSecretValues(collection?.variables ?? []) },
        workspace.environments.map((environment) => withoutSecretValues(environment.variables)),
      ]);
      expect(stored).not.toContain(DEMO.secretAccessKey);
      expect(stored).not.toContain(DEMO.accessKeyId);
    });
  });

  it('imports the local gateway collection as the demo identity signs it', () => {
    const workspace = imported(readFixtureFolder(BRUNO_FIXTURES.localGateway));
    expect(request(workspace.collection, 'Say hello')).toMatchObject({
      method: 'POST',
      url: '{{gateway}}/{{stage}}/hello',
      region: 'ca-central-1',
      service: 'execute-api',
      body: '{"hello":"world"}',
    });
    // The secret key is a vars:secret, which Bruno keeps out of its files.
    expect(workspace.keys).toBeUndefined();
    expect(workspace.notes).toContain(
      '“Say hello” and “Read hello” use AWS auth without both keys in the file ({{secretAccessKey}} has no value there): enter the keys in the credentials panel.',
    );
  });

  it('reads a few .bru files on their own, with Windows paths', () => {
    const workspace = imported([
      {
        name: 'api\\orders\\one.bru',
        text: bru(
          'post',
          'https://a.example/x',
          'awsv4',
          awsv4({
            accessKeyId: 'AKID',
            secretAccessKey: 'SECRET',
            region: 'us-east-1',
            service: 'lambda',
          }),
        ),
      },
      { name: 'api\\two.bru', text: bru('get', 'https://a.example/y', 'none') },
    ]);
    expect(workspace.collection?.name).toBe('api');
    expect(workspace.collection?.items.map((item) => item.name)).toEqual(['orders', 'R']);
    expect(workspace.keys).toEqual({ accessKeyId: 'AKID', secretAccessKey: 'SECRET' });
    expect(request(workspace.collection, 'R')).toBeDefined();
    expect(JSON.stringify(workspace.collection)).not.toContain('SECRET');
  });

  it('takes the nearest folder auth that is not none or inherit', () => {
    const workspace = imported([
      { name: 'c/bruno.json', text: '{"name":"C"}' },
      {
        name: 'c/collection.bru',
        text: `auth {\n  mode: awsv4\n}\n\n${awsv4({ region: 'us-east-1', service: 'one' })}`,
      },
      {
        name: 'c/a/folder.bru',
        text: `meta {\n  name: A\n}\n\nauth {\n  mode: awsv4\n}\n\n${awsv4({ region: 'eu-west-1', service: 'two' })}`,
      },
      { name: 'c/a/b/folder.bru', text: 'meta {\n  name: B\n}\n\nauth {\n  mode: none\n}' },
      { name: 'c/a/b/deep.bru', text: bru('get', 'https://a.example/', 'inherit') },
      {
        name: 'c/top.bru',
        text: bru('get', 'https://a.example/', 'inherit').replace('name: R', 'name: Top'),
      },
    ]);
    expect(request(workspace.collection, 'R')).toMatchObject({
      region: 'eu-west-1',
      service: 'two',
    });
    expect(request(workspace.collection, 'Top')).toMatchObject({
      region: 'us-east-1',
      service: 'one',
    });
  });

  it('appends params:query when the URL has no query, and leaves out multipart bodies', () => {
    const workspace = imported([
      {
        name: 'r.bru',
        text: bru(
          'post',
          'https://a.example/x',
          'none',
          'params:query {\n  a: 1 2\n  ~b: 3\n}',
        ).replace('body: none', 'body: multipartForm'),
      },
    ]);
    expect(request(workspace.collection, 'R').url).toBe('https://a.example/x?a=1%202');
    expect(workspace.notes).toContain(
      'The multipart bodies of “R” were left out: the playground sends text bodies.',
    );
  });

  it('leaves out gRPC and WebSocket requests and files that are not Bruno’s', () => {
    const workspace = imported([
      {
        name: 'c/ws.bru',
        text: 'meta {\n  name: Stream\n  type: ws\n}\n\nws {\n  url: wss://a.example\n}',
      },
      { name: 'c/r.bru', text: bru('get', 'https://a.example/', 'none') },
      { name: 'c/.env', text: 'SECRET=1' },
    ]);
    expect(workspace.notes).toContain(
      '“Stream” was left out (gRPC or WebSocket): the playground sends HTTP requests.',
    );
    expect(workspace.notes).toContain('Only .bru files and bruno.json are read: “c/.env” was not.');
  });

  it('names the file and line it cannot read', () => {
    expect(failure([{ name: 'c/bad.bru', text: 'get {\n  url https://a\n}' }])).toBe(
      'c/bad.bru, line 2: expected “name: value” in get { }.',
    );
    expect(
      failure([
        { name: 'c/bruno.json', text: '{"name": }' },
        { name: 'c/r.bru', text: bru('get', 'x', 'none') },
      ]),
    ).toMatch(/^bruno.json is not valid JSON/);
  });

  it('refuses what is not a Bruno collection, or too much of one', () => {
    expect(failure([])).toBe('Choose a Bruno collection folder or .bru files.');
    expect(failure([{ name: 'notes.txt', text: 'hi' }])).toMatch(/^No \.bru files here/);
    expect(
      failure([
        { name: 'a/bruno.json', text: '{}' },
        { name: 'b/bruno.json', text: '{}' },
        { name: 'a/r.bru', text: bru('get', 'x', 'none') },
      ]),
    ).toMatch(/several Bruno collections/);
    const deep = `${Array.from({ length: 17 }, (_, index) => `f${index}`).join('/')}/r.bru`;
    expect(
      failure([
        { name: `c/bruno.json`, text: '{}' },
        { name: `c/${deep}`, text: bru('get', 'x', 'none') },
      ]),
    ).toMatch(/^Folders are nested more than 16 deep/);
  });
});

describe('importCollectionFiles with Bruno files', () => {
  it('reads the files of a folder as one collection', () => {
    const files = readFixtureFolder(BRUNO_FIXTURES.orders).map(({ name, text }) => ({
      fileName: name,
      text,
    }));
    const result = importCollectionFiles(files, { newId: sequentialIds() });
    expect(result.ok && result.workspace.format).toBe('Bruno collection');
    expect(
      result.ok && result.workspace.environments.map((environment) => environment.name),
    ).toEqual(['dev', 'prod']);
  });

  it('knows environments by what they hold when the files come without their paths', () => {
    const files = readFixtureFolder(BRUNO_FIXTURES.localGateway).map(({ name, text }) => ({
      fileName: name.split('/').pop()!,
      text,
    }));
    const result = importCollectionFiles(files, { newId: sequentialIds() });
    if (!result.ok) throw new Error(result.error);
    expect(result.workspace.environments.map((environment) => environment.name)).toEqual(['local']);
    expect(result.workspace.collection?.items.map((item) => item.name)).toEqual([
      'Say hello',
      'Read hello',
    ]);
  });
});

describe('isBrunoFileName', () => {
  it('is true for .bru files and bruno.json', () => {
    expect(isBrunoFileName('a/b/Get.BRU')).toBe(true);
    expect(isBrunoFileName('c\\bruno.json')).toBe(true);
    expect(isBrunoFileName('package.json')).toBe(false);
  });
});
