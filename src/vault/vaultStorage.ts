// Where the browser keeps the vault: the envelope's text (vaultCipher.ts), and nothing else, in
// its own IndexedDB database, so the collections database's versions are not tied to it. Tests
// use the in-memory one.
import type { DBSchema, IDBPDatabase } from 'idb';

export interface VaultStorage {
  /** The stored envelope's text; null when there is no vault. */
  read(): Promise<string | null>;
  write(envelope: string): Promise<void>;
  remove(): Promise<void>;
}

export const VAULT_DB_NAME = 'sigv4-playground-vault';
const STORE = 'vault';
const KEY = 'envelope';

interface VaultDb extends DBSchema {
  vault: { key: string; value: string };
}

/** The page's vault storage: opened on first use. */
export function createIdbVaultStorage(name: string = VAULT_DB_NAME): VaultStorage {
  let opened: Promise<IDBPDatabase<VaultDb>> | null = null;
  const db = () => {
    // idb loads with the first use, after the page's first signature: not in its first script.
    opened ??= import('idb').then(({ openDB }) =>
      openDB<VaultDb>(name, 1, {
        upgrade(database) {
          database.createObjectStore(STORE);
        },
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
      const value = await (await db()).get(STORE, KEY);
      return typeof value === 'string' ? value : null;
    },
    async write(envelope) {
      await (await db()).put(STORE, envelope, KEY);
    },
    async remove() {
      await (await db()).delete(STORE, KEY);
    },
  };
}

/** A vault storage in memory, for tests and browsers without IndexedDB. */
export function createMemoryVaultStorage(initial: string | null = null) {
  const data = { envelope: initial };
  const storage: VaultStorage = {
    read: () => Promise.resolve(data.envelope),
    write: (envelope) => {
      data.envelope = envelope;
      return Promise.resolve();
    },
    remove: () => {
      data.envelope = null;
      return Promise.resolve();
    },
  };
  return Object.assign(storage, { data });
}
