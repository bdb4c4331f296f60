// The shape of the collections and environments slices (the store's other slices are in
// playgroundState.ts, which lists these two beside them).
import type { Collection, Environment, Variable } from '../collections/collectionModel';
import type { ImportedWorkspace } from '../importing/collections/importedWorkspace';

/** Where a collection is kept: this browser's IndexedDB, or the folder `npm start` was given. */
export type CollectionPlace = 'browser' | 'disk';

/** The saved request the form was opened from (or last saved as). */
export interface SavedFrom {
  collectionId: string;
  requestId: string;
}

export type SaveResult =
  /** notKept: what was left out because it carried a credential (or was a file). */
  { ok: true; requestId: string; notKept: string[] } | { ok: false; error: string };

export interface SaveAsTarget {
  collectionId: string;
  /** null: the collection's top level. */
  folderId: string | null;
  name: string;
}

/** What "Undo" puts back: the whole collection as it was before the deletion. */
export interface UndoDeletion {
  message: string;
  place: CollectionPlace;
  collection: Collection;
  /** Where it was in its list, when the collection itself was deleted. */
  index: number;
}

/** The collection folder of `npm start -- --collections DIR`, as the page reaches it. */
export interface DiskCollectionsSource {
  /** How the page names the folder in messages ("the collections folder"). */
  folder: string;
  /** The collections readable in it, and one sentence per folder that is not. */
  list(): Promise<
    { ok: true; collections: Collection[]; problems: string[] } | { ok: false; error: string }
  >;
  /** A folder name for a new collection called `name`, none of `taken` (lower case). */
  folderNameFor(name: string, taken: ReadonlySet<string>): string;
  /** Writes a collection (its folder is its id) and answers with it as now on disk. */
  save(
    collection: Collection,
  ): Promise<{ ok: true; collection: Collection } | { ok: false; error: string }>;
}

export interface DiskCollections {
  folder: string;
  status: 'loading' | 'ready';
  /** Each in the folder named by its id (`orders-api` is DIR/orders-api/). */
  collections: Collection[];
  /** One sentence per collection folder that could not be read. */
  problems: string[];
}

export interface CollectionsSlice {
  /** 'loading' until the browser's collections are read; actions that change them wait for it. */
  status: 'loading' | 'ready';
  /** The last problem reading or writing collections, for the panel to show; null when none. */
  error: string | null;
  /** One sentence per stored record that was unreadable and left out. */
  skipped: string[];
  /** The collections kept in this browser. */
  browser: Collection[];
  /** The collections on disk; null when the server has no collection folder. */
  disk: DiskCollections | null;
  undo: UndoDeletion | null;

  /** Reads the browser's collections and environments (once; later calls share the first read). */
  load(): Promise<void>;
  /** Lists the disk folder's collections; saving into one of them writes it there. */
  connectDisk(source: DiskCollectionsSource): Promise<void>;
  createCollection(name: string): string;
  /**
   * Writes a browser collection into the disk folder, as a new collection folder named after it
   * (the browser's stays); returns the folder's name, or null without a disk folder.
   */
  copyToDisk(id: string): string | null;
  renameCollection(id: string, name: string): void;
  /** A collection's own variables (the defaults an environment's win over), edited in place. */
  addVariable(collectionId: string): void;
  updateVariable(collectionId: string, index: number, patch: Partial<Variable>): void;
  removeVariable(collectionId: string, index: number): void;
  deleteCollection(id: string): void;
  /** An imported workspace: its collection into the browser, environments, keys to credentials. */
  importWorkspace(workspace: ImportedWorkspace): void;
  newFolder(collectionId: string, parentId: string | null, name: string): string | null;
  /** Save: the form over the saved request it came from. */
  saveRequest(): SaveResult;
  /** Save as…: the form as a new saved request; the form then comes from it. */
  saveRequestAs(target: SaveAsTarget): SaveResult;
  openRequest(collectionId: string, requestId: string): void;
  renameItem(collectionId: string, itemId: string, name: string): void;
  duplicateRequest(collectionId: string, requestId: string): string | null;
  moveItem(collectionId: string, itemId: string, delta: -1 | 1): void;
  moveItemTo(collectionId: string, itemId: string, folderId: string | null): void;
  deleteItem(collectionId: string, itemId: string): void;
  undoDeletion(): void;
  dismissUndo(): void;
  dismissError(): void;
  /** Resolves when every write asked for so far is done (tests; a page about to close). */
  settled(): Promise<void>;
}

export interface EnvironmentsSlice {
  status: 'loading' | 'ready';
  list: Environment[];
  /** The environment whose variables `{{name}}` reads; null: none. */
  activeId: string | null;
  create(name: string): string;
  rename(id: string, name: string): void;
  remove(id: string): void;
  duplicate(id: string): string | null;
  setActive(id: string | null): void;
  /** The profile its requests sign with, by name ('' for none; a request's own one wins). */
  setProfile(id: string, profile: string): void;
  addVariable(environmentId: string): void;
  updateVariable(environmentId: string, index: number, patch: Partial<Variable>): void;
  removeVariable(environmentId: string, index: number): void;
  /** Imported environments, renamed apart when their ids are taken; returns their ids. */
  addEnvironments(environments: readonly Environment[]): string[];
}

/** The functions of a slice (its actions), by name. */
export type ActionsOf<S> = {
  [K in keyof S as S[K] extends (...args: never[]) => unknown ? K : never]: S[K];
};
/** What collectionsLogic.ts does; the store keeps the slices' state (collectionsSlice.ts). */
export type CollectionActions = ActionsOf<CollectionsSlice>;
export type EnvironmentActions = ActionsOf<EnvironmentsSlice>;
