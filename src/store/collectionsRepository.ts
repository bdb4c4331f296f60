// Where the browser keeps collections and environments: IndexedDB, through `idb` (a small,
// well-kept wrapper by Jake Archibald), behind an interface the store is given, as it is given
// localStorage. Tests use the in-memory one; the IndexedDB one is tested on fake-indexeddb.
//
// Both write only what storableCollection / withoutSecretValues leave: no secret variable's value,
// no credential header's value, no credential in a URL. Reads come back unchecked (`unknown`):
// storage is user-editable, and the store validates every record it reads.
import type { DBSchema, IDBPDatabase } from 'idb';
import {
  withoutSecretValues,
  type Collection,
  type Environment,
} from '../collections/collectionModel';
import { storableCollection } from './savedRequest';

/** The records as read, before validation. */
export interface StoredWorkspace {
  collections: unknown[];
  environments: unknown[];
  activeEnvironmentId: unknown;
}

export interface CollectionsRepository {
  read(): Promise<StoredWorkspace>;
  putCollection(collection: Collection): Promise<void>;
  deleteCollection(id: string): Promise<void>;
  putEnvironment(environment: Environment): Promise<void>;
  deleteEnvironment(id: string): Promise<void>;
  setActiveEnvironment(id: string | null): Promise<void>;
}

/** The one form in which an environment is written. */
export function storableEnvironment(environment: Environment): Environment {
  return { ...environment, variables: withoutSecretValues(environment.variables) };
}

export const COLLECTIONS_DB_NAME = 'sigv4-playground';
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

/** The page's repository: one IndexedDB database per origin, opened on first use. */
export function createIdbCollectionsRepository(
  name: string = COLLECTIONS_DB_NAME,
): CollectionsRepository {
  let opened: Promise<IDBPDatabase<PlaygroundDb>> | null = null;
  const db = () => {
    // idb loads with the first use, after the page's first signature: not in its first script.
    opened ??= import('idb').then(({ openDB }) =>
      openDB<PlaygroundDb>(name, DB_VERSION, {
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
      }),
    );
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

/**
 * A repository in memory, for tests and for browsers without IndexedDB. Values are copied in and
 * out (structuredClone, as IndexedDB does), so `data` shows exactly what was written.
 */
export function createMemoryCollectionsRepository(initial: Partial<StoredWorkspace> = {}) {
  const data = {
    collections: new Map<string, unknown>(),
    environments: new Map<string, unknown>(),
    activeEnvironmentId: initial.activeEnvironmentId ?? (null as unknown),
  };
  // Records as a test wrote them, keyed by their id when they have one.
  const keyOf = (record: unknown, index: number) => {
    const id = (record as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : `record-${index}`;
  };
  initial.collections?.forEach((record, index) =>
    data.collections.set(keyOf(record, index), record),
  );
  initial.environments?.forEach((record, index) =>
    data.environments.set(keyOf(record, index), record),
  );
  const repository: CollectionsRepository = {
    read: () =>
      Promise.resolve(
        structuredClone({
          collections: [...data.collections.values()],
          environments: [...data.environments.values()],
          activeEnvironmentId: data.activeEnvironmentId,
        }),
      ),
    putCollection: async (collection) =>
      void data.collections.set(collection.id, structuredClone(storableCollection(collection))),
    deleteCollection: async (id) => void data.collections.delete(id),
    putEnvironment: async (environment) =>
      void data.environments.set(environment.id, structuredClone(storableEnvironment(environment))),
    deleteEnvironment: async (id) => void data.environments.delete(id),
    setActiveEnvironment: async (id) => void (data.activeEnvironmentId = id),
  };
  return { ...repository, data };
}
