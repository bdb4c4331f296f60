// The Insomnia, Bruno and OpenAPI files of test-support/fixtures/collections, written from each
// tool's published format (Insomnia export formats 4 and 5, Bruno's .bru language, API Gateway's
// OpenAPI export): the importers' unit tests read them, and browser journeys import them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FOLDER = fileURLToPath(new URL('./fixtures/collections/', import.meta.url));

export const INSOMNIA_FIXTURES = {
  /** Format 4: folder auth (iam, keys in the base environment), folder variables, sub environments. */
  ordersV4: 'insomnia/orders-api.v4.json',
  /** Format 5 (YAML): the local gateway, signed as the demo identity; environments prod and beta. */
  localGatewayV5: 'insomnia/local-gateway.v5.yaml',
} as const;

export function collectionFixturePath(name: string): string {
  return join(FOLDER, name);
}

export function readCollectionFixture(name: string): string {
  return readFileSync(join(FOLDER, name), 'utf8');
}
