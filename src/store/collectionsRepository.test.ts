// The IndexedDB repository on fake-indexeddb (an IndexedDB written from the specification, in
// Node): what is written comes back after a "reload" (a new repository on the same database), and
// no secret is in the database, read back with idb's own getAll.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SAVED_OPTIONS, type Collection } from '../collections/collectionModel';
import { createIdbCollectionsRepository } from './collectionsRepository';
import { createTestStore } from './storeTestSupport';

let databases = 0;
/** A database of its own per test. */
const freshName = () => `collections-test-${(databases += 1)}`;

const collection: Collection = {
  id: 'c1',
  name: 'API',
  variables: [{ name: 'token', value: 'collection-secret-6', secret: true, enabled: true }],
  items: [
    {
      kind: 'request',
      id: 'r1',
      name: 'Hello',
      method: 'POST',
      url: 'http://127.0.0.1:5174/prod/hello?access_token=url-secret-7',
      headers: [{ name: 'Authorization', value: 'Bearer header-secret-8', signed: true }],
      body: '{}',
      options: DEFAULT_SAVED_OPTIONS,
    },
  ],
};

/** Every record of every store, as one string, read without the repository. */
async function databaseText(name: string): Promise<string> {
  const database = await openDB(name);
  const stores = [...database.objectStoreNames];
  const records = await Promise.all(stores.map((store) => database.getAll(store)));
  database.close();
  return JSON.stringify(records);
}

describe('createIdbCollectionsRepository', () => {
  it('reads back what it wrote, from a new connection too', async () => {
    const name = freshName();
    const repository = createIdbCollectionsRepository(name);
    await repository.putCollection(collection);
    await repository.putEnvironment({ id: 'e1', name: 'dev', variables: [] });
    await repository.setActiveEnvironment('e1');
    const read = await createIdbCollectionsRepository(name).read();
    expect(read.collections).toEqual([
      {
        ...collection,
        variables: [{ name: 'token', value: '', secret: true, enabled: true }],
        items: [
          {
            ...collection.items[0],
            url: 'http://127.0.0.1:5174/prod/hello',
            headers: [{ name: 'Authorization', value: '', signed: true, withheld: true }],
          },
        ],
      },
    ]);
    expect(read.environments).toEqual([{ id: 'e1', name: 'dev', variables: [] }]);
    expect(read.activeEnvironmentId).toBe('e1');
  });

  it('deletes collections and environments', async () => {
    const repository = createIdbCollectionsRepository(freshName());
    await repository.putCollection(collection);
    await repository.putEnvironment({ id: 'e1', name: 'dev', variables: [] });
    await repository.deleteCollection('c1');
    await repository.deleteEnvironment('e1');
    expect(await repository.read()).toEqual({
      collections: [],
      environments: [],
      activeEnvironmentId: undefined,
    });
  });

  it('holds no secret after the page saved requests, variables and imported keys', async () => {
    const name = freshName();
    const store = createTestStore({ collections: createIdbCollectionsRepository(name) });
    const state = () => store.getState();
    await state().collections.load();
    state().credentials.fillIdentity({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'key-secret-9',
      sessionToken: 'session-secret-10',
    });
    const id = state().collections.createCollection('API');
    state().request.addHeader('X-Api-Key', 'form-secret-11');
    state().collections.saveRequestAs({ collectionId: id, folderId: null, name: 'A' });
    state().collections.importWorkspace({
      format: 'test',
      collection,
      environments: [
        {
          id: 'e',
          name: 'dev',
          variables: [{ name: 'pw', value: 'env-secret-12', secret: true, enabled: true }],
        },
      ],
      keys: { accessKeyId: 'AKIDIMPORTED', secretAccessKey: 'imported-secret-13' },
      notes: [],
    });
    await state().collections.settled();
    const text = await databaseText(name);
    expect(text).toContain('"name":"X-Api-Key"');
    for (const secret of [
      'key-secret-9',
      'session-secret-10',
      'form-secret-11',
      'env-secret-12',
      'imported-secret-13',
      'collection-secret-6',
      'url-secret-7',
      'header-secret-8',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('"name":"pw"');
  });
});
