// What the collections and environments slices do (collectionsSlice.ts starts them with their
// state and runs this once it is loaded, after the first signature is painted).
import type { Collection, Variable } from '../collections/collectionModel';
import { createCollectionEditor, locateCollection } from './collectionEditor';
import { createItemActions } from './collectionItemActions';
import { cleanName, newItemId } from './collectionTree';
import { createCollectionWriter, type CollectionWriter } from './collectionWrites';
import type { CollectionsRepository } from './collectionsRepository';
import type {
  CollectionActions,
  CollectionsSlice,
  DiskCollectionsSource,
  EnvironmentActions,
} from './collectionsState';
import { createEnvironmentActions } from './environmentsSlice';
import { idChanges, movedSavedFrom, withIds } from './diskIds';
import type { PlaygroundState, StoreGet, StoreSet } from './playgroundState';
import { storableItems } from './savedRequest';
import { withNewVariable, withoutVariable, withVariableChanged } from './variableEdits';

/**
 * The state once the server has written a disk collection: the ids its files give replace the
 * page's, in the collection, the form's saved request, the parked tabs' and the undo.
 */
function withDiskIds(
  state: PlaygroundState,
  collectionId: string,
  sent: Collection,
  onDisk: Collection,
): Partial<PlaygroundState> {
  const changes = idChanges(sent.items, onDisk.items);
  const disk = state.collections.disk;
  if (changes.size === 0 || disk === null) return {};
  const renamed = (collection: Collection) =>
    collection.id === collectionId
      ? { ...collection, items: withIds(collection.items, changes) }
      : collection;
  const { undo } = state.collections;
  return {
    collections: {
      ...state.collections,
      disk: { ...disk, collections: disk.collections.map(renamed) },
      undo: undo === null ? null : { ...undo, collection: renamed(undo.collection) },
    },
    request: {
      ...state.request,
      savedFrom: movedSavedFrom(state.request.savedFrom, collectionId, changes),
    },
    tabs: {
      ...state.tabs,
      list: state.tabs.list.map((tab) =>
        tab.parked === null
          ? tab
          : {
              ...tab,
              parked: {
                ...tab.parked,
                request: {
                  ...tab.parked.request,
                  savedFrom: movedSavedFrom(tab.parked.request.savedFrom, collectionId, changes),
                },
              },
            },
      ),
    },
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The collections' and environments' actions, on one repository and one writer: their writes are
 * reported in one place (collections.error) and `settled` waits for both. Their state is the
 * store's (collectionsSlice.ts starts it).
 */
export function createCollectionActions(
  set: StoreSet,
  get: StoreGet,
  repository: CollectionsRepository,
): { collections: CollectionActions; environments: EnvironmentActions } {
  const writer = createCollectionWriter(repository, {
    report: (error) => set((state) => ({ collections: { ...state.collections, error } })),
    latestOnDisk: (id) => get().collections.disk?.collections.find((each) => each.id === id),
    savedToDisk: (sent, onDisk) => set((state) => withDiskIds(state, sent.id, sent, onDisk)),
  });
  return {
    collections: createCollectionsActions(set, get, repository, writer),
    environments: createEnvironmentActions(set, get, writer),
  };
}

function createCollectionsActions(
  set: StoreSet,
  get: StoreGet,
  repository: CollectionsRepository,
  writer: CollectionWriter,
): CollectionActions {
  const patch = (fields: Partial<CollectionsSlice>) =>
    set((state) => ({ collections: { ...state.collections, ...fields } }));
  let loading: Promise<void> | null = null;
  let diskSource: DiskCollectionsSource | null = null;
  const editor = createCollectionEditor(set, get, writer);
  const { placeCollection, edit } = editor;
  // A collection's variables are edited as an environment's are, and written like its other
  // edits: a secret one's value stays in memory (storableCollection writes it without).
  const editVariables = (id: string, change: (variables: Variable[]) => Variable[]) =>
    void edit(id, (collection) => {
      const variables = change(collection.variables);
      return variables === collection.variables ? collection : { ...collection, variables };
    });

  return {
    load: () => {
      loading ??= (async () => {
        try {
          // The validator (zod) loads with the stored records, not with the page's first script.
          const [stored, { readStoredWorkspace }] = await Promise.all([
            repository.read(),
            import('./readStoredWorkspace'),
          ]);
          const loaded = readStoredWorkspace(stored);
          // Whatever was made while the database was being read stays, after what was stored.
          set(({ collections, environments }) => ({
            collections: {
              ...collections,
              status: 'ready',
              skipped: loaded.skipped,
              browser: [
                ...loaded.collections,
                ...collections.browser.filter(
                  (made) => !loaded.collections.some((stored) => stored.id === made.id),
                ),
              ],
            },
            environments: {
              ...environments,
              status: 'ready',
              list: [
                ...loaded.environments,
                ...environments.list.filter(
                  (made) => !loaded.environments.some((stored) => stored.id === made.id),
                ),
              ],
              activeId: environments.activeId ?? loaded.activeEnvironmentId,
            },
          }));
        } catch (error) {
          set(({ collections, environments }) => ({
            collections: {
              ...collections,
              status: 'ready',
              error: `Collections cannot be kept in this browser (${reason(error)}): what you save lasts until the tab closes.`,
            },
            environments: { ...environments, status: 'ready' },
          }));
        }
      })();
      return loading;
    },

    connectDisk: async (source) => {
      diskSource = source;
      writer.connectDisk(source);
      patch({
        disk: { folder: source.folder, status: 'loading', collections: [], problems: [] },
      });
      let listed: Awaited<ReturnType<typeof source.list>>;
      try {
        listed = await source.list();
      } catch (error) {
        listed = { ok: false, error: reason(error) };
      }
      patch({
        disk: {
          folder: source.folder,
          status: 'ready',
          collections: listed.ok ? listed.collections : [],
          problems: listed.ok ? listed.problems : [],
        },
        ...(listed.ok
          ? {}
          : { error: `Could not read the collections in ${source.folder}: ${listed.error}` }),
      });
    },

    createCollection: (name) => {
      const collection: Collection = {
        id: newItemId('c'),
        name: cleanName(name, 'New collection'),
        variables: [],
        items: [],
      };
      placeCollection('browser', collection);
      writer.put('browser', collection);
      return collection.id;
    },

    copyToDisk: (id) => {
      const { disk } = get().collections;
      const found = locateCollection(get().collections, id);
      if (disk === null || diskSource === null || found === undefined || found.place !== 'browser')
        return null;
      const taken = new Set(disk.collections.map((collection) => collection.id.toLowerCase()));
      const folder = diskSource.folderNameFor(found.collection.name, taken);
      const copy: Collection = { ...found.collection, id: folder };
      placeCollection('disk', copy);
      writer.put('disk', copy);
      return folder;
    },

    renameCollection: (id, name) =>
      void edit(id, (collection) => ({ ...collection, name: cleanName(name, collection.name) })),

    addVariable: (collectionId) => editVariables(collectionId, withNewVariable),

    updateVariable: (collectionId, index, changes) =>
      editVariables(collectionId, (variables) => withVariableChanged(variables, index, changes)),

    removeVariable: (collectionId, index) =>
      editVariables(collectionId, (variables) => withoutVariable(variables, index)),

    deleteCollection: (id) => {
      const found = locateCollection(get().collections, id);
      if (found === undefined || found.place !== 'browser') return;
      writer.remove('browser', found.collection);
      patch({
        browser: get().collections.browser.filter((collection) => collection.id !== id),
        undo: {
          message: `Deleted the collection “${found.collection.name}”.`,
          place: 'browser',
          collection: found.collection,
          index: found.index,
        },
      });
    },

    importWorkspace: (workspace) => {
      if (workspace.collection !== undefined) {
        // A fresh id: importing the same file twice gives two collections, not one overwritten.
        const collection: Collection = {
          ...workspace.collection,
          id: newItemId('c'),
          items: storableItems(workspace.collection.items),
        };
        placeCollection('browser', collection);
        writer.put('browser', collection);
      }
      get().environments.addEnvironments(workspace.environments);
      // A page environment's variable that held an imported key becomes secret: its value stays
      // in this tab's memory (requests using it keep working) and is never written again.
      for (const held of workspace.pageVariablesHoldingKeys ?? []) {
        const environment = get().environments.list.find((each) => each.id === held.environmentId);
        if (environment?.variables[held.index]?.name !== held.name) continue;
        get().environments.updateVariable(held.environmentId, held.index, { secret: true });
      }
      if (workspace.keys !== undefined) get().credentials.fillIdentity(workspace.keys);
    },

    ...createItemActions(set, get, editor),

    undoDeletion: () => {
      const undo = get().collections.undo;
      if (undo === null) return;
      placeCollection(undo.place, undo.collection, undo.index);
      writer.put(undo.place, undo.collection);
    },

    dismissUndo: () => patch({ undo: null }),
    dismissError: () => patch({ error: null }),

    settled: () => writer.settled(),
  };
}
