// Store logic that is not part of the page's first script (collections, the vault, the AWS files'
// reader, sending, the identity's calls): each slice starts with its state, and its actions load
// the module that does the work when they first run (or earlier, when the page preloads it).

export interface LazyLogic<M> {
  /** Loads the module (once; again after a failed load). */
  load(): Promise<M>;
  /** The module if it is loaded, for the actions that cannot wait. */
  loaded(): M | undefined;
}

export function lazyLogic<M>(importer: () => Promise<M>): LazyLogic<M> {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    load: () =>
      (loading ??= importer().then(
        (loaded) => (module = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
    loaded: () => module,
  };
}
