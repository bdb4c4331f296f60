// The collections and environments slices as the store starts them: their state, and actions
// that run collectionsLogic.ts. That logic (the editor, the writer, the disk ids, the item
// actions) is not part of the page's first script: it loads with the stored collections, once the
// first signature is painted (createPlaygroundStore's startLoading), and the panels that call it
// load it before they show (loadCollectionsLogic).
import type { CollectionsRepository } from './collectionsRepository';
import type {
  ActionsOf,
  CollectionActions,
  CollectionsSlice,
  EnvironmentActions,
  EnvironmentsSlice,
} from './collectionsState';
import { lazyLogic } from './lazyLogic';
import type { StoreGet, StoreSet } from './playgroundState';

type Logic = typeof import('./collectionsLogic');
type Actions = { collections: CollectionActions; environments: EnvironmentActions };

const logic = lazyLogic(() => import('./collectionsLogic'));

/** Loads the collections' logic (once; again after a failed load). */
export const loadCollectionsLogic = logic.load;

// Every action by name (the compiler checks the lists are complete); true: it returns a promise,
// so it may load the logic first. The others are called by panels that loaded it already.
const COLLECTION_ACTIONS = {
  load: true,
  connectDisk: true,
  settled: true,
  createCollection: false,
  copyToDisk: false,
  renameCollection: false,
  addVariable: false,
  updateVariable: false,
  removeVariable: false,
  deleteCollection: false,
  importWorkspace: false,
  newFolder: false,
  saveRequest: false,
  saveRequestAs: false,
  openRequest: false,
  renameItem: false,
  duplicateRequest: false,
  moveItem: false,
  moveItemTo: false,
  deleteItem: false,
  undoDeletion: false,
  dismissUndo: false,
  dismissError: false,
} as const satisfies Record<keyof CollectionActions, boolean>;

const ENVIRONMENT_ACTIONS = {
  create: false,
  rename: false,
  remove: false,
  duplicate: false,
  setActive: false,
  setProfile: false,
  addVariable: false,
  updateVariable: false,
  removeVariable: false,
  addEnvironments: false,
} as const satisfies Record<keyof EnvironmentActions, boolean>;

/** Actions that call `target()`'s, loading the logic first where they may. */
function delegate<S>(
  actions: Record<keyof ActionsOf<S>, boolean>,
  target: (module: Logic) => ActionsOf<S>,
): ActionsOf<S> {
  const delegated: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, async] of Object.entries(actions)) {
    const call = (module: Logic, args: unknown[]) =>
      (target(module) as Record<string, (...args: unknown[]) => unknown>)[name]!(...args);
    delegated[name] = (...args) => {
      const loaded = logic.loaded();
      if (loaded !== undefined) return call(loaded, args);
      if (async) return logic.load().then((module) => call(module, args));
      throw new Error('The collections are still loading: try again in a moment.');
    };
  }
  return delegated as ActionsOf<S>;
}

/**
 * The collections and environments slices, on one repository and one writer (collectionsLogic.ts):
 * their writes are reported in one place (collections.error) and `settled` waits for both.
 */
export function createCollectionSlices(
  set: StoreSet,
  get: StoreGet,
  repository: CollectionsRepository,
): { collections: CollectionsSlice; environments: EnvironmentsSlice } {
  // Made once, on the first action: its closures (the writer, the disk source) are the store's.
  let logicActions: Actions | undefined;
  const logicOf = (module: Logic) =>
    (logicActions ??= module.createCollectionActions(set, get, repository));
  const actions = delegate<CollectionsSlice>(
    COLLECTION_ACTIONS,
    (module) => logicOf(module).collections,
  );
  return {
    collections: {
      status: 'loading',
      error: null,
      skipped: [],
      browser: [],
      disk: null,
      undo: null,
      ...actions,
      // Its logic not loading (a dropped connection) is said like the database failing to open.
      load: () =>
        actions.load().catch((error: unknown) =>
          set(({ collections, environments }) => ({
            collections: {
              ...collections,
              status: 'ready',
              error: `Collections could not be loaded (${error instanceof Error ? error.message : String(error)}): reload the page to try again.`,
            },
            environments: { ...environments, status: 'ready' },
          })),
        ),
    },
    environments: {
      status: 'loading',
      list: [],
      activeId: null,
      ...delegate<EnvironmentsSlice>(ENVIRONMENT_ACTIONS, (module) => logicOf(module).environments),
    },
  };
}
