// Fixtures for the tests of the collection folder format (collectionFiles.ts and its pieces).
import { collectionFromFiles } from './collectionFiles';
import {
  DEFAULT_SAVED_OPTIONS,
  type Collection,
  type Environment,
  type SavedRequest,
} from './collectionModel';
import type { CollectionFile, DiskCollection } from './folderLayout';

/** A request with what a test does not care about filled in. */
export const request = (
  id: string,
  name: string,
  extra: Partial<SavedRequest> = {},
): SavedRequest => ({
  kind: 'request',
  id,
  name,
  method: 'GET',
  url: '{{base}}/orders',
  headers: [{ name: 'accept', value: 'application/json', signed: true }],
  body: '',
  options: { ...DEFAULT_SAVED_OPTIONS },
  ...extra,
});

/** A collection with a folder, a secret variable and a request that names its scope. */
export const orders: Collection = {
  id: 'browser-7f3a',
  name: 'Orders API',
  description: 'The team’s orders service',
  variables: [
    { name: 'base', value: 'http://127.0.0.1:5174/prod', secret: false, enabled: true },
    { name: 'apiKey', value: 'do-not-write-me', secret: true, enabled: true },
  ],
  items: [
    request('b-1', 'List orders'),
    {
      kind: 'folder',
      id: 'b-2',
      name: 'Admin',
      items: [request('b-3', 'Delete order', { method: 'DELETE', url: '{{base}}/orders/{{id}}' })],
    },
    request('b-4', 'Create order', {
      method: 'POST',
      body: '{"item":"book"}',
      region: 'ca-central-1',
      service: 'execute-api',
    }),
  ],
};

/** An environment with a secret. */
export const dev: Environment = {
  id: 'env-1',
  name: 'dev',
  variables: [
    { name: 'id', value: '42', secret: false, enabled: true },
    { name: 'token', value: 'secret-token-value', secret: true, enabled: false },
  ],
};

/** Each file's text by its path. */
export const byPath = (files: readonly CollectionFile[]) =>
  Object.fromEntries(files.map((file) => [file.path, file.text]));

/** The files read back (collectionFromFiles); a problem fails the test with its message. */
export function read(files: readonly CollectionFile[], id = 'orders-api'): DiskCollection {
  const result = collectionFromFiles(files, { id });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** What collectionFromFiles says of the files: its error, or `accepted`. */
export function readError(files: readonly CollectionFile[]): string {
  const result = collectionFromFiles(files, { id: 'c' });
  return result.ok ? 'accepted' : result.error;
}
