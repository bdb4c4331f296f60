import { createContext, useContext, useDebugValue, useSyncExternalStore } from 'react';
import { LOCAL_IDENTITIES } from '../request/defaults';
import { signRequest } from '../signing';
import { sendRequest } from '../transport/sendRequest';
import { createIdbCollectionsRepository } from './collectionsRepository';
import {
  createMemoryStorage,
  createPlaygroundStore,
  type PlaygroundStore,
} from './createPlaygroundStore';
import type { PlaygroundState } from './playgroundState';
import { afterFirstPaint } from './firstPaint';
import { decodeFirstView, FIRST_VIEW_ATTRIBUTE, isFresh, type FirstView } from './firstView';
import { STORAGE_KEY } from './storageKey';
import { createIdbVaultStorage } from '../vault/vaultStorage';

function pageStorage() {
  try {
    // Reading the property throws where storage is blocked (some privacy settings), and where
    // there is no window at all (the server rendering the first view imports this module too).
    const storage = window.localStorage;
    storage.getItem('probe');
    return storage;
  } catch {
    return createMemoryStorage();
  }
}

const storage = pageStorage();
/** Whether this tab starts from a request the user saved (localStorage), not the defaults. */
const restoresSavedState = storage.getItem(STORAGE_KEY) !== null;

/**
 * The server-rendered first view this page may adopt (firstView.ts): only on a first visit (a
 * saved request is not what it shows) and only while it is recent.
 */
const firstViewMarkup: FirstView | null = (() => {
  if (restoresSavedState || typeof document === 'undefined') return null;
  const view = decodeFirstView(document.getElementById('root')?.getAttribute(FIRST_VIEW_ATTRIBUTE));
  return view !== null && isFresh(view, Date.now()) ? view : null;
})();

/**
 * The store's clock. While the page adopts the first view it reads the instant the server signed
 * at, so the page's own first signing is the one the markup shows, byte for byte; from the frame
 * that shows it on (afterFirstPaint), the real clock.
 */
let pinnedNow = firstViewMarkup?.signedAt ?? null;

/** The page's store. Only the signed request leaves the page, through sendRequest. */
export const playgroundStore = createPlaygroundStore({
  deps: {
    signRequest,
    sendRequest: (request, options) => sendRequest(request, options),
    now: () => pinnedNow ?? Date.now(),
  },
  storage,
  publicIdentities: LOCAL_IDENTITIES,
  collections: createIdbCollectionsRepository(),
  vault: { storage: createIdbVaultStorage() },
  startLoading: afterFirstPaint,
});
if (firstViewMarkup !== null) {
  playgroundStore.getState().options.applyPlaygroundConfig(firstViewMarkup.config);
  afterFirstPaint(() => (pinnedNow = null));
}

/** The server-rendered first view the page adopts (main.tsx hydrates it), or null: draw afresh. */
export const adoptedFirstView = firstViewMarkup;

/**
 * Which store the components read: the page's, except where the server renders the first view
 * with a store of its own (renderFirstView.tsx).
 */
export const PlaygroundStoreContext = createContext<PlaygroundStore>(playgroundStore);

/**
 * Atomic selectors: `usePlaygroundStore((s) => s.request.url)`. zustand's useStore, except that
 * the server's snapshot is the store as it is, not as it was created: the first view is rendered
 * with its request already signed, and the page hydrates it from a store in the same state.
 */
export function usePlaygroundStore<T>(selector: (state: PlaygroundState) => T): T {
  const store = useContext(PlaygroundStoreContext);
  const read = () => selector(store.getState());
  const slice = useSyncExternalStore(store.subscribe, read, read);
  useDebugValue(slice);
  return slice;
}
