// The Postman files of test-support/fixtures/collections/postman, written from Postman's
// published formats (schema.getpostman.com collection v2.0.0 / v2.1.0, environment exports):
// the unit tests read them, and the browser journey imports them into the page.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FOLDER = new URL('./fixtures/collections/postman/', import.meta.url);

export const POSTMAN_FIXTURES = {
  /** awsv4 at the collection level ({{variables}}), a folder override that presigns, a noauth request. */
  collection: 'local-gateway.postman_collection.json',
  /** baseUrl of `npm start`'s gateway, the demo identity's keys, region and service. */
  environment: 'local-gateway.postman_environment.json',
  /** v2.0: keys written out (the temp identity), other auth types and bodies. */
  v20: 'temporary-keys.v2.0.postman_collection.json',
} as const;

export function postmanFixturePath(name: string): string {
  return fileURLToPath(new URL(name, FOLDER));
}

export function readPostmanFixture(name: string): string {
  return readFileSync(new URL(name, FOLDER), 'utf8');
}

/** A counter for the importers' injected ids. */
export function sequentialIds(prefix = 'id'): () => string {
  let next = 0;
  return () => `${prefix}-${++next}`;
}
