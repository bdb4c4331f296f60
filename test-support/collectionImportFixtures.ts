// The Insomnia, Bruno and OpenAPI files of test-support/fixtures/collections, written from each
// tool's published format (Insomnia export formats 4 and 5, Bruno's .bru language, API Gateway's
// OpenAPI export): the importers' unit tests read them, and browser journeys import them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const FOLDER = fileURLToPath(new URL('./fixtures/collections/', import.meta.url));

export const INSOMNIA_FIXTURES = {
  /** Format 4: folder auth (iam, keys in the base environment), folder variables, sub environments. */
  ordersV4: 'insomnia/orders-api.v4.json',
  /** Format 5 (YAML): the local gateway, signed as the demo identity; environments prod and beta. */
  localGatewayV5: 'insomnia/local-gateway.v5.yaml',
} as const;

export const BRUNO_FIXTURES = {
  /** collection.bru auth:awsv4, folder.bru variables and headers, environments with vars:secret. */
  orders: 'bruno/orders-api',
  /** The local gateway's hello routes, folder auth:awsv4, keys from the `local` environment. */
  localGateway: 'bruno/local-gateway',
} as const;

export const OPENAPI_FIXTURES = {
  /** The local gateway's demo API as API Gateway exports it: POST and GET /hello, both AWS_IAM. */
  localGatewayDemo: 'openapi/local-gateway-demo.oas30.json',
  /** An execute-api host, IAM, Cognito and open routes, a $ref parameter, {proxy+} on ANY. */
  ordersOas30: 'openapi/orders-api.oas30.yaml',
  /** The same API as a Swagger 2.0 export (host, basePath, securityDefinitions). */
  ordersSwagger2: 'openapi/orders-api.swagger2.json',
} as const;

export function collectionFixturePath(name: string): string {
  return join(FOLDER, name);
}

export function readCollectionFixture(name: string): string {
  return readFileSync(join(FOLDER, name), 'utf8');
}

/** Every file under a fixture folder, named by its path from the folder's parent, as a browser's folder picker names them. */
export function readFixtureFolder(name: string): { name: string; text: string }[] {
  const root = join(FOLDER, name);
  const parent = join(root, '..');
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((entry) => {
        const path = join(dir, entry);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
  return walk(root).map((path) => ({
    name: relative(parent, path),
    text: readFileSync(path, 'utf8'),
  }));
}
