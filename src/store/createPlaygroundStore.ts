import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import {
  createMemoryCollectionsRepository,
  type CollectionsRepository,
} from './collectionsRepository';
import { createCollectionSlices } from './collectionsSlice';
import { createCredentialsSlice } from './credentialsSlice';
import { createHistorySlice } from './historySlice';
import { createIdentitySlice } from './identitySlice';
import { createOptionsSlice } from './optionsSlice';
import { createProfilesSlice } from './profilesSlice';
import {
  mergePersisted,
  partialize,
  STORAGE_KEY,
  STORAGE_VERSION,
  type PublicIdentity,
} from './persistence';
import type { PlaygroundDeps, PlaygroundState } from './playgroundState';
import { createRequestSlice } from './requestSlice';
import { createResponseSlice } from './responseSlice';
import { createSigningSlice } from './signingSlice';
import { createTabsSlice } from './tabsSlice';
import { createVaultSlice, type VaultDeps } from './vaultSlice';
import { createMemoryVaultStorage } from '../vault/vaultStorage';

export interface PlaygroundStoreOptions {
  deps: PlaygroundDeps;
  /** localStorage in the page; an in-memory map in tests. */
  storage: StateStorage;
  /** Identities whose secrets are public (the local gateway's), restored with their key ID. */
  publicIdentities?: readonly PublicIdentity[];
  /** Where collections and environments are kept: IndexedDB in the page; in memory by default. */
  collections?: CollectionsRepository;
  /** Where the encrypted vault is kept: IndexedDB in the page; in memory by default. */
  vault?: VaultDeps;
  /**
   * When the stored collections, environments and vault are read: at once by default. The page
   * reads them once its first signature is painted (usePlaygroundStore.ts): opening IndexedDB
   * and loading the collections' validator (zod) cost a cold load some 30–80 ms of main thread
   * that the first signature, signed from localStorage alone, does not need.
   */
  startLoading?: (load: () => void) => void;
}

/**
 * One store from the eight slices; persist sits at the root only. The signing slice is derived
 * from the others: the store brings it up to date after every change, before anything renders.
 */
export function createPlaygroundStore({
  deps,
  storage,
  publicIdentities = [],
  collections = createMemoryCollectionsRepository(),
  vault = { storage: createMemoryVaultStorage() },
  startLoading = (load) => load(),
}: PlaygroundStoreOptions) {
  const store = createStore<PlaygroundState>()(
    persist(
      (set, get) => {
        const form = {
          request: createRequestSlice(set, get),
          credentials: createCredentialsSlice(set),
          options: createOptionsSlice(set),
        };
        return {
          ...form,
          vault: createVaultSlice(set, get, vault),
          response: createResponseSlice(set, get, deps),
          history: createHistorySlice(set, get),
          signing: createSigningSlice(set, get, deps, form),
          checkDraft: {
            text: '',
            setText: (text) => set((state) => ({ checkDraft: { ...state.checkDraft, text } })),
          },
          tabs: createTabsSlice(set, get),
          profiles: createProfilesSlice(set, get),
          identity: createIdentitySlice(set, get, deps),
          ...createCollectionSlices(set, get, collections),
        };
      },
      {
        name: STORAGE_KEY,
        version: STORAGE_VERSION,
        storage: createJSONStorage(() => writingOnlyChanges(storage)),
        partialize,
        merge: (persisted, current) => mergePersisted(persisted, current, publicIdentities),
      },
    ),
  );
  // First after the storage was read (synchronously: localStorage or a map), then after each
  // change. zustand calls listeners in order, so this one runs before any component's.
  store.getState().signing.sync();
  store.subscribe((state) => state.signing.sync());
  // Collections and environments come from IndexedDB, which only answers asynchronously: the
  // slices say 'loading' until then.
  startLoading(() => void store.getState().collections.load());
  // An older version's plain copy of the secrets (persistence.ts, mergePersisted) is overwritten
  // now, not at the next change.
  if (store.getState().vault.plainCopyRemoved) store.setState({});
  // While the vault is unlocked, a change to the secrets in memory is written again, encrypted.
  store.subscribe((state, previous) => {
    if (
      state.credentials !== previous.credentials ||
      state.profiles.list !== previous.profiles.list
    )
      state.vault.contentsChanged();
  });
  startLoading(() => void store.getState().vault.load());
  return store;
}

export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;

/**
 * persist writes after every change to the store, and most changes (a signing finishing, a
 * response arriving) leave what is stored as it was: writing the same text again costs a
 * synchronous localStorage write per change. Only a new text is written.
 */
function writingOnlyChanges(storage: StateStorage): StateStorage {
  const written = new Map<string, string>();
  return {
    getItem: (name) => storage.getItem(name),
    setItem: (name, value) => {
      if (written.get(name) === value) return;
      written.set(name, value);
      return storage.setItem(name, value);
    },
    removeItem: (name) => {
      written.delete(name);
      return storage.removeItem(name);
    },
  };
}

/** A Storage-like map for tests and for browsers where localStorage is blocked. */
export function createMemoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (name) => data.get(name) ?? null,
    setItem: (name, value) => void data.set(name, value),
    removeItem: (name) => void data.delete(name),
  };
}
