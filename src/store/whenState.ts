import type { PlaygroundState } from './playgroundState';

/** What whenState watches: a zustand store, or anything that reads and announces state alike. */
export interface WatchedStore {
  getState(): PlaygroundState;
  subscribe(listener: (state: PlaygroundState) => void): () => void;
}

/** Resolves once the store's state satisfies `test` (checked now and after each change). */
export function whenState(
  store: WatchedStore,
  test: (state: PlaygroundState) => boolean,
): Promise<void> {
  return new Promise((resolve) => {
    if (test(store.getState())) return resolve();
    const stop = store.subscribe((state) => {
      if (!test(state)) return;
      stop();
      resolve();
    });
  });
}
