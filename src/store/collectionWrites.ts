// Writing collections and environments where they are kept: the browser's database, or (for a
// collection) the disk folder through the local server. Writes of one record go out one after
// another, in the order of the edits (two PUTs of one collection racing could leave the older one
// on disk); a failure is reported, never thrown at the page.
//
// On disk, an item's id is its file's path (collections/collectionFiles.ts): a PUT answers with
// the collection as now on disk, and `savedToDisk` hands the page those ids. So a disk write
// sends the collection as it is when its turn comes (with the ids of the answers before it),
// not as it was when the edit was made.
import type { Collection, Environment } from '../collections/collectionModel';
import type { CollectionsRepository } from './collectionsRepository';
import type { CollectionPlace, DiskCollectionsSource } from './collectionsState';
import { storableCollection } from './savedRequest';

export interface CollectionWriter {
  put(place: CollectionPlace, collection: Collection): void;
  remove(place: CollectionPlace, collection: Collection): void;
  putEnvironment(environment: Environment): void;
  removeEnvironment(environment: Environment): void;
  setActiveEnvironment(id: string | null): void;
  connectDisk(source: DiskCollectionsSource): void;
  /** Resolves when every write asked for so far is done. */
  settled(): Promise<void>;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface WriterHooks {
  report(message: string): void;
  /** The collection on disk as the page holds it now (undefined: no longer there). */
  latestOnDisk(id: string): Collection | undefined;
  /** A PUT succeeded: `sent` is now on disk as `onDisk`, with the ids the files give. */
  savedToDisk(sent: Collection, onDisk: Collection): void;
}

export function createCollectionWriter(
  repository: CollectionsRepository,
  { report, latestOnDisk, savedToDisk }: WriterHooks,
): CollectionWriter {
  const queues = new Map<string, Promise<void>>();
  let disk: DiskCollectionsSource | null = null;

  /** Runs `task` after the earlier writes of the same record; reports a rejection as `failure`. */
  const enqueue = (key: string, failure: string, task: () => Promise<void>) => {
    const next = (queues.get(key) ?? Promise.resolve()).then(task).catch((error: unknown) => {
      report(`${failure}: ${reason(error)}`);
    });
    queues.set(key, next);
    void next.then(() => {
      if (queues.get(key) === next) queues.delete(key);
    });
  };

  const saveToDisk = async (edited: Collection) => {
    const collection = latestOnDisk(edited.id) ?? edited;
    const label = `“${collection.name}”`;
    if (disk === null) return report(`Could not save ${label}: no collection folder on disk.`);
    const { folder } = disk;
    const saved = await disk.save(storableCollection(collection)).catch((error: unknown) => ({
      ok: false as const,
      error: reason(error),
    }));
    if (saved.ok) savedToDisk(collection, saved.collection);
    else report(`Could not save ${label} to ${folder}: ${saved.error}`);
  };

  return {
    put: (place, collection) =>
      enqueue(
        `collection:${collection.id}`,
        `Could not save “${collection.name}” in this browser`,
        () => (place === 'browser' ? repository.putCollection(collection) : saveToDisk(collection)),
      ),
    remove: (place, collection) => {
      // A collection on disk is a team's folder: the page never deletes it.
      if (place !== 'browser') return;
      enqueue(
        `collection:${collection.id}`,
        `Could not delete “${collection.name}” from this browser`,
        () => repository.deleteCollection(collection.id),
      );
    },
    putEnvironment: (environment) =>
      enqueue(
        `environment:${environment.id}`,
        `Could not save the environment “${environment.name}” in this browser`,
        () => repository.putEnvironment(environment),
      ),
    removeEnvironment: (environment) =>
      enqueue(
        `environment:${environment.id}`,
        `Could not delete the environment “${environment.name}” from this browser`,
        () => repository.deleteEnvironment(environment.id),
      ),
    setActiveEnvironment: (id) =>
      enqueue('active-environment', 'Could not keep the chosen environment', () =>
        repository.setActiveEnvironment(id),
      ),
    connectDisk: (source) => void (disk = source),
    settled: async () => void (await Promise.all(queues.values())),
  };
}
