// Where the browser keeps collections and environments: IndexedDB, through `idb` (a small,
// well-kept wrapper by Jake Archibald), behind an interface the store is given, as it is given
// localStorage. Tests use the in-memory one; the IndexedDB one is tested on fake-indexeddb.
//
// Both write only what storableCollection / withoutSecretValues leave: no secret variable's value,
// no credential header's value, no credential in a URL. Reads come back unchecked (`unknown`):
// storage is user-editable, and the store validates every record it reads.
import {
  withoutSecretValues,
  type Collection,
  type Environment,
} from '../collections/collectionModel';

// How a collection is written (savedRequest.ts) loads with the first write.
const storable = async (collection: Collection) =>
  (await import('./savedRequest')).storableCollection(collection);

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
/**
 * The page's repository: one IndexedDB database per origin, opened on first use. Its code (and
 * idb's) loads then, after the page's first signature: the first read is the store's load.
 */
export function createIdbCollectionsRepository(
  name: string = COLLECTIONS_DB_NAME,
): CollectionsRepository {
  let opened: Promise<CollectionsRepository> | undefined;
  const repository = () =>
    (opened ??= import('./idbCollectionsRepository').then(
      (module) => module.openIdbCollectionsRepository(name),
      (error: unknown) => {
        opened = undefined;
        throw error;
      },
    ));
  return {
    read: async () => (await repository()).read(),
    putCollection: async (collection) => (await repository()).putCollection(collection),
    deleteCollection: async (id) => (await repository()).deleteCollection(id),
    putEnvironment: async (environment) => (await repository()).putEnvironment(environment),
    deleteEnvironment: async (id) => (await repository()).deleteEnvironment(id),
    setActiveEnvironment: async (id) => (await repository()).setActiveEnvironment(id),
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
      void data.collections.set(collection.id, structuredClone(await storable(collection))),
    deleteCollection: async (id) => void data.collections.delete(id),
    putEnvironment: async (environment) =>
      void data.environments.set(environment.id, structuredClone(storableEnvironment(environment))),
    deleteEnvironment: async (id) => void data.environments.delete(id),
    setActiveEnvironment: async (id) => void (data.activeEnvironmentId = id),
  };
  return { ...repository, data };
}
