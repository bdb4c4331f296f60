import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  walkRequests,
  withoutSecretValues,
  type Collection,
  type SavedRequest,
} from '../../collections/collectionModel';
import { LOCAL_IDENTITIES } from '../../request/defaults';
import {
  INSOMNIA_FIXTURES,
  readCollectionFixture,
} from '../../../test-support/collectionImportFixtures';
import { sequentialIds } from '../../../test-support/postmanFixtures';
import { importCollectionFile } from './importCollectionFile';
import { importInsomnia, looksLikeInsomnia, looksLikeInsomniaYaml } from './importInsomnia';

const DEMO = LOCAL_IDENTITIES.find((identity) => identity.name === 'demo')!;

function imported(text: string) {
  const result = importInsomnia(text, sequentialIds());
  if (!result.ok) throw new Error(result.error);
  return result.workspace;
}

function failure(text: string): string {
  const result = importInsomnia(text, sequentialIds());
  if (result.ok) throw new Error('imported');
  return result.error;
}

function request(collection: Collection | undefined, name: string): SavedRequest {
  for (const { request } of walkRequests(collection?.items ?? []))
    if (request.name === name) return request;
  throw new Error(`no request ${name}`);
}

/** A format 4 export of a workspace holding the given resources. */
function v4(...resources: object[]): string {
  return JSON.stringify({
    _type: 'export',
    __export_format: 4,
    resources: [{ _id: 'wrk_1', _type: 'workspace', parentId: null, name: 'W' }, ...resources],
  });
}

const req = (id: string, parentId: string, extra: object = {}) => ({
  _id: id,
  _type: 'request',
  parentId,
  name: id,
  method: 'GET',
  url: 'https://a.example/',
  ...extra,
});
const folder = (id: string, parentId: string, extra: object = {}) => ({
  _id: id,
  _type: 'request_group',
  parentId,
  name: id,
  ...extra,
});
const iam = (region: string, extra: object = {}) => ({
  type: 'iam',
  accessKeyId: 'AKID',
  secretAccessKey: 'SECRET',
  region,
  service: 'execute-api',
  ...extra,
});

describe('importInsomnia', () => {
  describe('format 4: the orders export', () => {
    const workspace = imported(readCollectionFixture(INSOMNIA_FIXTURES.ordersV4));
    const { collection } = workspace;

    it('makes the workspace a collection, its request groups folders, in sort-key order', () => {
      expect(workspace.format).toBe('Insomnia export (format 4)');
      expect(collection?.name).toBe('Orders API');
      expect(collection?.description).toBe('The orders service behind API Gateway (IAM auth).');
      expect(collection?.items.map((item) => item.name)).toEqual([
        'Orders',
        'Health',
        'Legacy orders',
      ]);
      const orders = collection?.items[0];
      expect(orders?.kind === 'folder' && orders.items.map((item) => item.name)).toEqual([
        'Create order',
        'Admin',
        'List orders',
      ]);
    });

    it('gives requests the folder’s iam region and service, {{ _.x }} as {{x}}', () => {
      const list = request(collection, 'List orders');
      expect(list).toMatchObject({
        method: 'GET',
        url: '{{baseUrl}}/{{stage}}/orders?limit=10&status=open%20%26%20paid',
        region: '{{aws.region}}',
        service: 'execute-api',
        description: 'Newest first.',
      });
      expect(list.headers).toEqual([
        { name: 'X-Team', value: 'payments', signed: true },
        { name: 'Accept', value: 'application/json', signed: true },
      ]);
    });

    it('lets a switched-off auth inherit, and fills path parameters', () => {
      const remove = request(collection, 'Delete order');
      expect(remove).toMatchObject({
        method: 'DELETE',
        url: '{{baseUrl}}/{{stage}}/orders/{{lastOrder}}',
        region: '{{aws.region}}',
      });
      expect(remove.headers).toEqual([{ name: 'X-Team', value: 'admins', signed: true }]);
    });

    it('keeps the body and leaves template tags as written, with a note', () => {
      const create = request(collection, 'Create order');
      expect(create.body).toBe(
        '{\n  "item": "book",\n  "quantity": 2,\n  "requestedBy": "{{user}}"\n}',
      );
      expect(create.headers).toContainEqual({
        name: 'X-Request-Id',
        value: "{% uuid 'v4' %}",
        signed: true,
      });
      expect(workspace.notes).toContain(
        '1 value uses Insomnia template tags ({% … %}, such as response, uuid or prompt): kept as written, the playground does not run them.',
      );
    });

    it('signs no auth where a request says none; other auth is dropped with its credentials', () => {
      expect('region' in request(collection, 'Health')).toBe(false);
      const legacy = request(collection, 'Legacy orders');
      expect(legacy.url).toBe('https://legacy.example.com/v1/orders');
      expect(legacy.headers).toEqual([]);
      expect(JSON.stringify(collection)).not.toContain('eyJhbGciOiJIUzI1NiJ9');
      expect(workspace.notes).toContain(
        '“Legacy orders” uses authentication other than AWS IAM (bearer): imported without it, as the playground signs with SigV4.',
      );
      expect(workspace.notes).toContain(
        '“Inventory stream” was left out (gRPC, WebSocket, Socket.IO or MCP): the playground sends HTTP requests.',
      );
    });

    it('makes the base environment the collection’s variables and the others environments', () => {
      expect(collection?.variables.map((variable) => variable.name)).toEqual([
        'baseUrl',
        'stage',
        'awsAccessKeyId',
        'awsSecretAccessKey',
        'user',
        'aws.region',
      ]);
      expect(workspace.environments.map((environment) => environment.name)).toEqual([
        'Development',
        'Production',
      ]);
      const [development, production] = workspace.environments;
      expect(development?.variables).toContainEqual({
        name: 'dbPassword',
        value: '',
        secret: true,
        enabled: true,
      });
      expect(production?.variables).toContainEqual({
        name: 'apiToken',
        value: 'tok-prod-123',
        secret: true,
        enabled: true,
      });
    });

    it('moves the keys to workspace.keys, never into the collection', () => {
      expect(workspace.keys).toEqual({
        accessKeyId: DEMO.accessKeyId,
        secretAccessKey: DEMO.secretAccessKey,
      });
      const stored = JSON.stringify([
        { ...collection, variables: withoutSecretValues(collection?.variables ?? []) },
        workspace.environments.map((environment) => withoutSecretValues(environment.variables)),
      ]);
      expect(stored).not.toContain(DEMO.secretAccessKey);
      expect(stored).not.toContain('this-one-is-switched-off');
    });
  });

  describe('format 5: the local gateway (YAML)', () => {
    const workspace = imported(readCollectionFixture(INSOMNIA_FIXTURES.localGatewayV5));
    const { collection } = workspace;

    it('reads the nested collection, sub environments and the keys', () => {
      expect(workspace.format).toBe('Insomnia collection (format 5)');
      expect(request(collection, 'Say hello')).toMatchObject({
        method: 'POST',
        url: '{{gateway}}/{{stage}}/hello',
        region: 'ca-central-1',
        service: 'execute-api',
        body: '{"hello":"world"}',
        headers: [
          { name: 'X-Client', value: 'insomnia', signed: true },
          { name: 'Content-Type', value: 'application/json', signed: true },
        ],
      });
      expect(workspace.environments.map((environment) => environment.name)).toEqual([
        'prod',
        'beta',
      ]);
      expect(workspace.keys).toEqual({
        accessKeyId: DEMO.accessKeyId,
        secretAccessKey: DEMO.secretAccessKey,
      });
    });

    it('keeps filters as written, with a note, and leaves out the WebSocket request', () => {
      expect(request(collection, 'Shout hello').url).toBe(
        '{{gateway}}/{{stage}}/hello?greeting={{ _.greeting | upper }}',
      );
      expect(workspace.notes).toContain(
        '1 {{ … }} expression with filters or code (not a variable name) was kept as written: replace them with a value or a {{variable}}.',
      );
      expect(workspace.notes).toContain(
        '“Websocket probe” was left out (gRPC, WebSocket, Socket.IO or MCP): the playground sends HTTP requests.',
      );
    });
  });

  it('follows Insomnia’s auth inheritance: own auth, else the nearest folder’s that is on', () => {
    const workspace = imported(
      v4(
        folder('fld_a', 'wrk_1', { authentication: iam('eu-west-1') }),
        folder('fld_b', 'fld_a', { authentication: iam('us-east-2', { disabled: true }) }),
        req('inherits', 'fld_b', { authentication: {} }),
        req('own', 'fld_b', { authentication: iam('ap-south-1') }),
        req('none', 'fld_b', { authentication: { type: 'none' } }),
        req('root', 'wrk_1'),
      ),
    );
    expect(request(workspace.collection, 'inherits').region).toBe('eu-west-1');
    expect(request(workspace.collection, 'own').region).toBe('ap-south-1');
    expect('region' in request(workspace.collection, 'none')).toBe(false);
    expect('region' in request(workspace.collection, 'root')).toBe(false);
    expect(workspace.keys).toEqual({ accessKeyId: 'AKID', secretAccessKey: 'SECRET' });
  });

  it('reads form bodies, GraphQL and the older {{ name }} and _[…] syntax', () => {
    const workspace = imported(
      v4(
        req('form', 'wrk_1', {
          method: 'POST',
          url: '{{ host }}/{{ _["my-path"] }}',
          body: {
            mimeType: 'application/x-www-form-urlencoded',
            params: [
              { name: 'a', value: '1 2' },
              { name: 'b', value: 'x', disabled: true },
            ],
          },
        }),
        req('graphql', 'wrk_1', {
          method: 'POST',
          body: { mimeType: 'application/graphql', text: '{"query":"{ a }"}' },
        }),
        req('multipart', 'wrk_1', {
          method: 'POST',
          body: { mimeType: 'multipart/form-data', params: [{ name: 'f', type: 'file' }] },
        }),
      ),
    );
    expect(request(workspace.collection, 'form')).toMatchObject({
      url: '{{host}}/{{my-path}}',
      body: 'a=1%202',
      headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded', signed: true }],
    });
    expect(request(workspace.collection, 'graphql').headers).toEqual([
      { name: 'Content-Type', value: 'application/json', signed: true },
    ]);
    expect(request(workspace.collection, 'multipart').body).toBe('');
    expect(workspace.notes).toContain(
      'The multipart bodies of “multipart” were left out: the playground sends text bodies.',
    );
  });

  it('imports a file of environments only, the base under each', () => {
    const workspace = imported(
      stringify({
        type: 'environment.insomnia.rest/5.0',
        name: 'Globals',
        environments: {
          name: 'Base',
          data: { region: 'eu-west-1', stage: 'dev' },
          subEnvironments: [{ name: 'Prod', data: { stage: 'prod' } }],
        },
      }),
    );
    expect(workspace.collection).toBeUndefined();
    expect(workspace.environments).toEqual([
      {
        id: 'id-1',
        name: 'Prod',
        variables: [
          { name: 'region', value: 'eu-west-1', secret: false, enabled: true },
          { name: 'stage', value: 'prod', secret: false, enabled: true },
        ],
      },
    ]);
  });

  it('reads an export without a workspace (as Insomnia’s own importers write them)', () => {
    const workspace = imported(
      JSON.stringify({
        __export_format: 4,
        resources: [req('lonely', '__WORKSPACE_ID__', { authentication: iam('us-west-1') })],
      }),
    );
    expect(request(workspace.collection, 'lonely').region).toBe('us-west-1');
  });

  it('places each resource once, whatever its ids say', () => {
    const workspace = imported(
      v4(folder('fld_a', 'wrk_1'), folder('wrk_1', 'fld_a'), req('r', 'fld_a'), req('r', 'wrk_1')),
    );
    expect([...walkRequests(workspace.collection?.items ?? [])]).toHaveLength(2);
  });

  it('says what is wrong, and where', () => {
    expect(failure('')).toBe('The Insomnia file is empty.');
    expect(failure('{"__export_format": 4, "resources": [}')).toMatch(
      /^The Insomnia file is not valid JSON: .*\(line 1, column 38\)\.$/,
    );
    expect(failure('type: [unclosed')).toMatch(
      /^The Insomnia file is neither JSON nor valid YAML: .*\(line 1, column \d+\)\.$/,
    );
    expect(failure('{"hello": "world"}')).toMatch(/^Not an Insomnia export/);
    expect(failure(JSON.stringify({ __export_format: 2, resources: [] }))).toMatch(
      /^This is Insomnia export format 2/,
    );
    expect(failure(v4({ _id: 3, _type: 'request' }))).toBe(
      'This Insomnia export is not valid: resources[1]._id: expected text, not a number.',
    );
    expect(failure(v4(req('r', 'wrk_1', { headers: 'x' })))).toBe(
      'This Insomnia export is not valid: resources[1].headers: expected a list, not a string.',
    );
    expect(failure(stringify({ type: 'mock.insomnia.rest/5.0' }))).toMatch(/mock server/);
    expect(
      failure(
        JSON.stringify({
          __export_format: 4,
          resources: [
            { _id: 'w1', _type: 'workspace', name: 'One' },
            { _id: 'w2', _type: 'workspace', name: 'Two' },
            req('a', 'w1'),
            req('b', 'w2'),
          ],
        }),
      ),
    ).toMatch(/holds 2 collections \(“One”, “Two”\)/);
  });

  it('keeps to the collection limits', () => {
    const deep = Array.from({ length: 18 }, (_, index) =>
      folder(`f${index}`, index === 0 ? 'wrk_1' : `f${index - 1}`),
    );
    expect(failure(v4(...deep, req('r', 'f17')))).toMatch(/^Folders are nested more than 16 deep/);
    const many = Array.from({ length: 5001 }, (_, index) => req(`r${index}`, 'wrk_1'));
    expect(failure(v4(...many))).toMatch(/more than 5000 requests/);
    const variables = Object.fromEntries(
      Array.from({ length: 1001 }, (_, index) => [`v${index}`, 1]),
    );
    expect(
      failure(v4({ _id: 'env_1', _type: 'environment', parentId: 'wrk_1', data: variables })),
    ).toMatch(/has 1001 variables/);
  });
});

describe('looksLikeInsomnia', () => {
  it('knows both formats by their markers', () => {
    expect(looksLikeInsomnia({ __export_format: 4 })).toBe(true);
    expect(looksLikeInsomnia({ type: 'collection.insomnia.rest/5.0' })).toBe(true);
    expect(looksLikeInsomnia({ info: {} })).toBe(false);
    expect(looksLikeInsomnia(null)).toBe(false);
  });
});

describe('looksLikeInsomniaYaml', () => {
  it('finds the type line of a format 5 file without parsing it', () => {
    expect(looksLikeInsomniaYaml(readCollectionFixture(INSOMNIA_FIXTURES.localGatewayV5))).toBe(
      true,
    );
    expect(looksLikeInsomniaYaml('# exported\ntype: "spec.insomnia.rest/5.0"\n')).toBe(true);
    expect(looksLikeInsomniaYaml('openapi: 3.0.1\ntype: object\n')).toBe(false);
  });
});

describe('importCollectionFile with Insomnia exports', () => {
  it('reads format 4 (JSON) and format 5 (YAML)', () => {
    for (const [fileName, format] of [
      [INSOMNIA_FIXTURES.ordersV4, 'Insomnia export (format 4)'],
      [INSOMNIA_FIXTURES.localGatewayV5, 'Insomnia collection (format 5)'],
    ] as const) {
      const result = importCollectionFile(fileName, readCollectionFixture(fileName), {
        newId: sequentialIds(),
      });
      expect(result.ok && result.workspace.format).toBe(format);
      expect(result.ok && result.workspace.keys?.accessKeyId).toBe(DEMO.accessKeyId);
    }
  });
});
