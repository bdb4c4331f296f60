import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  walkRequests,
  type Collection,
  type SavedRequest,
} from '../../collections/collectionModel';
import {
  OPENAPI_FIXTURES,
  readCollectionFixture,
} from '../../../test-support/collectionImportFixtures';
import { sequentialIds } from '../../../test-support/postmanFixtures';
import { importCollectionFile } from './importCollectionFile';
import { importOpenApi, looksLikeOpenApi, looksLikeOpenApiYaml } from './importOpenApi';

function imported(text: string) {
  const result = importOpenApi(text, sequentialIds());
  if (!result.ok) throw new Error(result.error);
  return result.workspace;
}

function failure(text: string): string {
  const result = importOpenApi(text, sequentialIds());
  if (result.ok) throw new Error('imported');
  return result.error;
}

function requests(collection: Collection | undefined): SavedRequest[] {
  return [...walkRequests(collection?.items ?? [])].map(({ request }) => request);
}

function request(collection: Collection | undefined, name: string): SavedRequest {
  const found = requests(collection).find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no request ${name}`);
  return found;
}

/** An OpenAPI 3 document with one server and the given paths. */
function oas3(paths: object, extra: object = {}): string {
  return JSON.stringify({
    openapi: '3.0.1',
    info: { title: 'T' },
    servers: [
      {
        url: 'https://abc.execute-api.us-east-2.amazonaws.com/{basePath}',
        variables: { basePath: { default: '/v1' } },
      },
    ],
    paths,
    ...extra,
  });
}

describe('importOpenApi', () => {
  it('makes the local gateway’s demo API two IAM requests, server and stage filled in', () => {
    const workspace = imported(readCollectionFixture(OPENAPI_FIXTURES.localGatewayDemo));
    expect(workspace.format).toBe('OpenAPI 3.0.1');
    expect(workspace.collection?.name).toBe('playground-demo');
    expect(workspace.collection?.items.map((item) => item.name)).toEqual(['hello']);
    expect(requests(workspace.collection)).toEqual([
      expect.objectContaining({
        name: 'GET /hello',
        method: 'GET',
        url: 'http://127.0.0.1:5174/prod/hello',
        headers: [],
        body: '',
        region: 'ca-central-1',
        service: 'execute-api',
        description: 'AWS_IAM',
      }),
      expect.objectContaining({
        name: 'POST /hello',
        method: 'POST',
        url: 'http://127.0.0.1:5174/prod/hello',
        headers: [{ name: 'Content-Type', value: 'application/json', signed: true }],
        body: '{\n  "hello": "world"\n}',
        region: 'ca-central-1',
        service: 'execute-api',
        description: 'AWS_IAM',
      }),
    ]);
    expect(workspace.notes).toEqual([
      '2 routes use AWS_IAM (“GET /hello” and “POST /hello”): API Gateway checks their SigV4 signature; their descriptions start with AWS_IAM.',
      "The server URL does not say the region: the requests sign for execute-api in ca-central-1, the region the integrations' ARNs name.",
    ]);
    expect(workspace.keys).toBeUndefined();
  });

  describe('an OpenAPI 3 export with several kinds of authorization (YAML)', () => {
    const workspace = imported(readCollectionFixture(OPENAPI_FIXTURES.ordersOas30));
    const { collection } = workspace;

    it('lets region and service follow an execute-api host, and drops the stage’s double slash', () => {
      const list = request(collection, 'List orders');
      expect(list.url).toBe(
        'https://abc123defg.execute-api.eu-west-1.amazonaws.com/dev/orders?status={{status}}',
      );
      expect('region' in list).toBe(false);
      expect('service' in list).toBe(false);
    });

    it('makes path parameters {{variables}}, with their examples as values', () => {
      expect(request(collection, 'Get order').url).toBe(
        'https://abc123defg.execute-api.eu-west-1.amazonaws.com/dev/orders/{{orderId}}',
      );
      expect(request(collection, 'ANY /files/{proxy+}')).toMatchObject({
        method: 'GET',
        url: 'https://abc123defg.execute-api.eu-west-1.amazonaws.com/dev/files/{{proxy}}',
      });
      expect(collection?.variables).toEqual([
        { name: 'status', value: 'open', secret: false, enabled: true },
        { name: 'orderId', value: 'ord-1', secret: false, enabled: true },
        { name: 'X-Request-Id', value: '', secret: false, enabled: true },
        { name: 'proxy', value: '', secret: false, enabled: true },
      ]);
    });

    it('marks AWS_IAM routes (security scheme or x-amazon-apigateway-auth) and notes the rest', () => {
      expect(request(collection, 'Get order').description).toBe('AWS_IAM');
      expect(request(collection, 'Cancel order').description).toBe(
        'Not AWS_IAM (a Cognito user pool): API Gateway checks no signature on this route.',
      );
      expect(request(collection, 'Health check').description).toMatch(
        /^Not AWS_IAM \(no authorization\)/,
      );
      expect(workspace.notes).toEqual([
        '4 routes use AWS_IAM (“GET /orders”, “POST /orders”, “GET /orders/{orderId}” and 1 more): API Gateway checks their SigV4 signature; their descriptions start with AWS_IAM.',
        '“DELETE /orders/{orderId}” and “GET /health” do not use AWS_IAM (a Cognito user pool, no authorization): imported, but they need no signature.',
        '“ANY /files/{proxy+}” answers any method (x-amazon-apigateway-any-method): imported as GET; choose the method you need.',
      ]);
    });

    it('puts routes in folders by tag, else by the path’s first segment', () => {
      expect(collection?.items.map((item) => item.name)).toEqual(['orders', 'health', 'files']);
    });

    it('takes the body from the first example', () => {
      expect(request(collection, 'Create order').body).toBe(
        '{\n  "item": "book",\n  "quantity": 2\n}',
      );
    });
  });

  it('reads Swagger 2.0: host, basePath, securityDefinitions, body parameters', () => {
    const workspace = imported(readCollectionFixture(OPENAPI_FIXTURES.ordersSwagger2));
    expect(workspace.format).toBe('Swagger 2.0');
    expect(
      requests(workspace.collection).map((saved) => [saved.method, saved.url, saved.description]),
    ).toEqual([
      ['GET', 'https://abc123defg.execute-api.eu-west-1.amazonaws.com/dev/orders', 'AWS_IAM'],
      ['POST', 'https://abc123defg.execute-api.eu-west-1.amazonaws.com/dev/orders', 'AWS_IAM'],
      [
        'GET',
        'https://abc123defg.execute-api.eu-west-1.amazonaws.com/dev/orders/{{orderId}}',
        'Not AWS_IAM (no authorization): API Gateway checks no signature on this route.',
      ],
    ]);
    expect(request(workspace.collection, 'POST /orders').body).toBe(
      '{\n  "item": "book",\n  "quantity": 2\n}',
    );
    expect(workspace.collection?.variables).toEqual([
      { name: 'orderId', value: 'ord-1', secret: false, enabled: true },
    ]);
  });

  it('applies the document’s security where an operation sets none, and [] as none', () => {
    const workspace = imported(
      oas3(
        { '/a': { get: {}, post: { security: [] } } },
        {
          security: [{ iam: [] }],
          components: {
            securitySchemes: { iam: { type: 'apiKey', 'x-amazon-apigateway-authtype': 'sigv4' } },
          },
        },
      ),
    );
    expect(requests(workspace.collection).map((saved) => saved.description?.slice(0, 11))).toEqual([
      'AWS_IAM',
      'Not AWS_IAM',
    ]);
  });

  it('asks for {{baseUrl}} when no server has a host, and for the region off AWS', () => {
    const workspace = imported(
      stringify({ openapi: '3.1.0', info: { title: 'T' }, paths: { '/x': { get: {} } } }),
    );
    expect(request(workspace.collection, 'GET /x')).toMatchObject({
      url: '{{baseUrl}}/x',
      service: 'execute-api',
    });
    expect(workspace.collection?.variables).toEqual([
      { name: 'baseUrl', value: '', secret: false, enabled: true },
    ]);
    expect(workspace.notes).toContain(
      'The server URL does not say the region: the requests sign for execute-api; choose the region the API is in.',
    );
  });

  it('makes a server variable without a default a collection variable', () => {
    const workspace = imported(
      JSON.stringify({
        openapi: '3.0.0',
        servers: [
          {
            url: 'https://{api}.execute-api.{region}.amazonaws.com/{basePath}',
            variables: { basePath: { default: 'prod' } },
          },
        ],
        paths: { '/x': { get: {} } },
      }),
    );
    expect(request(workspace.collection, 'GET /x').url).toBe(
      'https://{{api}}.execute-api.{{region}}.amazonaws.com/prod/x',
    );
  });

  it('says what is wrong, and where', () => {
    expect(failure('')).toBe('The OpenAPI document is empty.');
    expect(failure('{"openapi": "3.0.1",}')).toMatch(
      /^The OpenAPI document is not valid JSON: .*\(line 1, column 21\)\.$/,
    );
    expect(failure('openapi: 3.0.1\npaths: [')).toMatch(
      /^The OpenAPI document is neither JSON nor valid YAML/,
    );
    expect(failure('{"swagger": "1.2"}')).toMatch(/^Not an OpenAPI document/);
    expect(failure(oas3({}))).toBe('The OpenAPI document has no routes (paths) to import.');
    expect(failure(oas3({ '/a': { get: { tags: {} } } }))).toBe(
      'The OpenAPI document is not valid: paths./a.get.tags: expected a list, not an object.',
    );
  });

  it('keeps to the collection limits', () => {
    const paths = Object.fromEntries(
      Array.from({ length: 2501 }, (_, index) => [`/r${index}`, { get: {}, post: {} }]),
    );
    expect(failure(oas3(paths))).toMatch(/more than 5000 requests/);
  });
});

describe('looksLikeOpenApi', () => {
  it('knows OpenAPI 3 and Swagger 2 by their first field', () => {
    expect(looksLikeOpenApi({ openapi: '3.1.0' })).toBe(true);
    expect(looksLikeOpenApi({ swagger: '2.0' })).toBe(true);
    expect(looksLikeOpenApi({ openapi: 3 })).toBe(false);
    expect(looksLikeOpenApi([])).toBe(false);
  });
});

describe('looksLikeOpenApiYaml', () => {
  it('finds the first field of a YAML document without parsing it', () => {
    expect(looksLikeOpenApiYaml(readCollectionFixture(OPENAPI_FIXTURES.ordersOas30))).toBe(true);
    expect(looksLikeOpenApiYaml('swagger: "2.0"\ninfo: {}\n')).toBe(true);
    expect(looksLikeOpenApiYaml('asyncapi: 2.0.0\n')).toBe(false);
  });
});

describe('importCollectionFile with OpenAPI documents', () => {
  it('reads JSON and YAML exports', () => {
    for (const [fileName, requestCount] of [
      [OPENAPI_FIXTURES.localGatewayDemo, 2],
      [OPENAPI_FIXTURES.ordersOas30, 6],
      [OPENAPI_FIXTURES.ordersSwagger2, 3],
    ] as const) {
      const result = importCollectionFile(fileName, readCollectionFixture(fileName), {
        newId: sequentialIds(),
      });
      expect(result.ok && requests(result.workspace.collection)).toHaveLength(requestCount);
    }
  });
});
