// The collections' repository on IndexedDB, through `idb` (collectionsRepository.ts loads it
// with its first read or write).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Collection, Environment } from '../collections/collectionModel';
import { storableEnvironment, type CollectionsRepository } from './collectionsRepository';
import { storableCollection } from './savedRequest';

const DB_VERSION = 1;
const ACTIVE_ENVIRONMENT = 'activeEnvironmentId';

interface PlaygroundDb extends DBSchema {
  /** Key path `id`. */
  collections: { key: string; value: Collection };
  /** Key path `id`. */
  environments: { key: string; value: Environment };
  /** Out-of-line keys: the active environment's id. */
  settings: { key: string; value: unknown };
}

/** The repository on IndexedDB database `name` (createIdbCollectionsRepository's). */
export function openIdbCollectionsRepository(name: string): CollectionsRepository {
  let opened: Promise<IDBPDatabase<PlaygroundDb>> | null = null;
  const db = () => {
    opened ??= openDB<PlaygroundDb>(name, DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('collections', { keyPath: 'id' });
        database.createObjectStore('environments', { keyPath: 'id' });
        database.createObjectStore('settings');
      },
      // A newer version of the page in another tab wants to upgrade: let it.
      blocking() {
        void opened?.then((database) => database.close());
        opened = null;
      },
    });
    return opened;
  };
  return {
    async read() {
      const database = await db();
      const transaction = database.transaction(
        ['collections', 'environments', 'settings'],
        'readonly',
      );
      const [collections, environments, activeEnvironmentId] = await Promise.all([
        transaction.objectStore('collections').getAll(),
        transaction.objectStore('environments').getAll(),
        transaction.objectStore('settings').get(ACTIVE_ENVIRONMENT),
      ]);
      return { collections, environments, activeEnvironmentId };
    },
    async putCollection(collection) {
      await (await db()).put('collections', storableCollection(collection));
    },
    async deleteCollection(id) {
      await (await db()).delete('collections', id);
    },
    async putEnvironment(environment) {
      await (await db()).put('environments', storableEnvironment(environment));
    },
    async deleteEnvironment(id) {
      await (await db()).delete('environments', id);
    },
    async setActiveEnvironment(id) {
      await (await db()).put('settings', id, ACTIVE_ENVIRONMENT);
    },
  };
}
