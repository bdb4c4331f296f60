import { useStore } from 'zustand';
import { LOCAL_IDENTITIES } from '../request/defaults';
import { signRequest } from '../signing';
import { sendRequest } from '../transport/sendRequest';
import { createIdbCollectionsRepository } from './collectionsRepository';
import { createMemoryStorage, createPlaygroundStore } from './createPlaygroundStore';
import type { PlaygroundState } from './playgroundState';
import { afterFirstPaint } from './firstPaint';
import { createIdbVaultStorage } from '../vault/vaultStorage';

function pageStorage() {
  try {
    // Reading the property throws where storage is blocked (some privacy settings).
    const storage = window.localStorage;
    storage.getItem('probe');
    return storage;
  } catch {
    return createMemoryStorage();
  }
}

/** The page's store. Only the signed request leaves the page, through sendRequest. */
export const playgroundStore = createPlaygroundStore({
  deps: {
    signRequest,
    sendRequest: (request, options) => sendRequest(request, options),
    now: () => Date.now(),
  },
  storage: pageStorage(),
  publicIdentities: LOCAL_IDENTITIES,
  collections: createIdbCollectionsRepository(),
  vault: { storage: createIdbVaultStorage() },
  startLoading: afterFirstPaint,
});

/** Atomic selectors: `usePlaygroundStore((s) => s.request.url)`. */
export function usePlaygroundStore<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(playgroundStore, selector);
}
