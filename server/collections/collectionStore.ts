// Collections as folders under DIR (`--collections DIR`): each subfolder of DIR holding a
// collection.json is one collection, its folder name the collection's id. The format is
// src/collections/collectionFiles.ts; the file system work, and what keeps it inside DIR, is
// folderFiles.ts. Reads and writes of one collection run one at a time.
import { lstat, mkdir, opendir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { collectionFromFiles, collectionToFiles } from '../../src/collections/collectionFiles';
import { isSafeFileName } from '../../src/collections/fileNames';
import { parseFolderContents } from '../../src/collections/folderContents';
import {
  COLLECTION_FILE,
  COLLECTION_FILE_LIMITS,
  type DiskCollection,
} from '../../src/collections/folderLayout';
import type { Environment } from '../../src/collections/collectionModel';
import type {
  CollectionDeleteResult,
  CollectionListEntry,
  CollectionListing,
  CollectionWriteResult,
} from '../../src/transport/collectionsProtocol';
import { forLog } from '../relay/relayText';
import { CollectionsFailure, diskFailure } from './collectionsFailure';
import {
  collectionFolder,
  listFolder,
  MAX_ENTRIES,
  readFiles,
  readText,
  removeEmptyFolders,
  removeFile,
  writeFileAtomically,
} from './folderFiles';

/** Collections listed at most: a DIR with more lists these and says it was cut short. */
export const MAX_LISTED_COLLECTIONS = 500;

export interface CollectionStore {
  /** DIR's real path (links resolved once, at the start). */
  root: string;
  list(): Promise<CollectionListing>;
  read(id: string): Promise<DiskCollection>;
  /** `body` is a PUT's JSON, unchecked: `{ collection, environments? }`. */
  write(id: string, body: unknown): Promise<DiskCollection & CollectionWriteResult>;
  remove(id: string): Promise<CollectionDeleteResult>;
}

/**
 * The store over DIR. DIR must exist and be a directory (a mistyped path is an error, not a new
 * folder somewhere); a link to one is followed here, once, and never inside it.
 */
export async function openCollectionStore(dir: string): Promise<CollectionStore> {
  const absolute = resolve(dir);
  let root: string;
  try {
    root = await realpath(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `--collections ${dir}: there is no such folder; create it first (mkdir -p ${JSON.stringify(absolute)}).`,
        { cause: error },
      );
    }
    throw new Error(`--collections ${dir}: ${(error as Error).message}`, { cause: error });
  }
  if (!(await stat(root)).isDirectory()) {
    throw new Error(`--collections ${dir}: not a folder.`);
  }
  return createStore(root);
}

/** Why `id` cannot name a collection folder, as a 400; the same rule the format's names keep. */
function checkId(id: string): void {
  if (!isSafeFileName(id)) {
    throw new CollectionsFailure(
      'bad-request',
      400,
      `${JSON.stringify(forLog(id))} is not a collection id: a collection is a folder directly in the collections folder, named without /, \\, a leading dot, control characters or a name Windows reserves.`,
    );
  }
}

const notFound = (id: string) =>
  new CollectionsFailure(
    'not-found',
    404,
    `There is no collection ${JSON.stringify(id)} in the collections folder (no ${id}/${COLLECTION_FILE}).`,
  );

/** The PUT body as the model: a 400 naming the first problem otherwise. */
function parseBody(body: unknown): {
  collection: DiskCollection['collection'];
  environments?: Environment[];
} {
  const parsed = parseFolderContents(body);
  if (parsed.ok) return parsed.value;
  throw new CollectionsFailure(
    'bad-request',
    400,
    `The collection sent is not valid: ${parsed.error}.`,
  );
}

function createStore(root: string): CollectionStore {
  const queues = new Map<string, Promise<unknown>>();
  /** One task at a time per collection (ids compared without case, as some file systems do). */
  function serialized<T>(id: string, task: () => Promise<T>): Promise<T> {
    const key = id.toLowerCase();
    const next = (queues.get(key) ?? Promise.resolve()).then(task, task);
    const tail = next.catch(() => undefined);
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return next;
  }

  async function readUnlocked(id: string): Promise<DiskCollection> {
    const folder = await collectionFolder(root, id);
    if (folder === undefined) throw notFound(id);
    const { files: found } = await listFolder(folder, id);
    if (!found.some((file) => file.path === COLLECTION_FILE)) throw notFound(id);
    const files = await readFiles(folder, id, found);
    const result = collectionFromFiles(files, { id });
    if (!result.ok) {
      throw new CollectionsFailure(
        'invalid-on-disk',
        422,
        `The collection ${id} cannot be read: ${id}/${result.error}. Fix the file, or save the collection from the page to write it again.`,
        result.file === undefined ? id : `${id}/${result.file}`,
      );
    }
    return result.value;
  }

  async function list(): Promise<CollectionListing> {
    const collections: CollectionListEntry[] = [];
    let truncated = false;
    let entries = 0;
    let dir;
    try {
      dir = await opendir(root);
    } catch (error) {
      throw diskFailure(error, 'list', 'the collections folder');
    }
    for await (const entry of dir) {
      entries += 1;
      if (collections.length >= MAX_LISTED_COLLECTIONS || entries > MAX_ENTRIES) {
        truncated = true;
        break;
      }
      const id = entry.name;
      if (!isSafeFileName(id)) continue;
      if (entry.isSymbolicLink()) {
        collections.push({
          id,
          error: {
            type: 'invalid-on-disk',
            message: `${id} is a symbolic link; the server follows no links out of the collections folder, so make it a real folder.`,
            file: id,
          },
        });
        continue;
      }
      if (!entry.isDirectory()) continue;
      collections.push(...(await listEntry(id)));
    }
    collections.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { collections, truncated };
  }

  /** A subfolder of DIR as listed: its name from collection.json, or none if it is not a collection. */
  async function listEntry(id: string): Promise<CollectionListEntry[]> {
    const folder = join(root, id);
    try {
      const stats = await lstat(join(folder, COLLECTION_FILE)).catch(() => undefined);
      if (stats === undefined) return [];
      const text = await readText(
        folder,
        id,
        COLLECTION_FILE,
        COLLECTION_FILE_LIMITS.maxTotalChars,
      );
      const result = collectionFromFiles([{ path: COLLECTION_FILE, text }], { id });
      if (result.ok) return [{ id, name: result.value.collection.name }];
      return [
        {
          id,
          error: {
            type: 'invalid-on-disk',
            message: `The collection ${id} cannot be read: ${id}/${result.error}.`,
            file: `${id}/${COLLECTION_FILE}`,
          },
        },
      ];
    } catch (error) {
      const failure = error instanceof CollectionsFailure ? error : diskFailure(error, 'read', id);
      return [
        {
          id,
          error: {
            type: failure.type,
            message: failure.message,
            ...(failure.file === undefined ? {} : { file: failure.file }),
          },
        },
      ];
    }
  }

  async function writeUnlocked(
    id: string,
    collection: DiskCollection['collection'],
    environments: Environment[] | undefined,
  ): Promise<DiskCollection & CollectionWriteResult> {
    const files = collectionToFiles(collection, environments ?? []).filter(
      (file) => environments !== undefined || !file.path.startsWith('environments/'),
    );
    let bytes = 0;
    for (const file of files) bytes += Buffer.byteLength(file.text);
    if (bytes > COLLECTION_FILE_LIMITS.maxTotalChars) {
      throw new CollectionsFailure(
        'too-large',
        413,
        `The collection's files would be ${bytes} bytes, over the ${COLLECTION_FILE_LIMITS.maxTotalChars} a collection folder may hold; split it.`,
      );
    }
    let folder = await collectionFolder(root, id);
    if (folder === undefined) {
      try {
        await mkdir(join(root, id));
      } catch (error) {
        throw diskFailure(error, 'create the folder', id);
      }
      folder = await collectionFolder(root, id);
      if (folder === undefined) throw diskFailure(new Error('not a folder'), 'create', id);
    }
    const { files: existing } = await listFolder(folder, id);
    const wanted = new Map(files.map((file) => [file.path, file]));
    const wantedLower = new Set(files.map((file) => file.path.toLowerCase()));
    const stale = existing
      .filter((file) => !wanted.has(file.path))
      .filter((file) => environments !== undefined || file.role !== 'environment')
      .map((file) => file.path);
    // A stale file whose name differs from a new one only in case is the same file where case
    // does not count (macOS, Windows): it goes first, or removing it would remove the new one.
    const sameButCase = stale.filter((path) => wantedLower.has(path.toLowerCase()));
    for (const path of sameButCase) await removeFile(folder, id, path);

    const written: string[] = [];
    for (const file of files) {
      const unchanged = existing.some((found) => found.path === file.path)
        ? await readText(folder, id, file.path, Buffer.byteLength(file.text)).then(
            (text) => text === file.text,
            () => false,
          )
        : false;
      if (unchanged) continue;
      await writeFileAtomically(folder, id, file);
      written.push(file.path);
    }
    for (const path of stale) {
      if (!sameButCase.includes(path)) await removeFile(folder, id, path);
    }
    await removeEmptyFolders(folder, stale, false);
    return { ...(await readUnlocked(id)), written, removed: stale };
  }

  async function removeUnlocked(id: string): Promise<CollectionDeleteResult> {
    const folder = await collectionFolder(root, id);
    if (folder === undefined) throw notFound(id);
    const { files, others } = await listFolder(folder, id);
    // Only a collection's folder: a DELETE never empties another folder of DIR.
    if (!files.some((file) => file.path === COLLECTION_FILE)) throw notFound(id);
    const removed: string[] = [];
    // collection.json last: a delete cut short leaves a collection that can be deleted again.
    for (const file of [
      ...files.filter((f) => f.path !== COLLECTION_FILE),
      { path: COLLECTION_FILE },
    ]) {
      await removeFile(folder, id, file.path);
      removed.push(file.path);
    }
    await removeEmptyFolders(folder, removed, true);
    return { removed, kept: others };
  }

  return {
    root,
    list,
    // async: a bad id is a rejected promise like every other failure, never a throw.
    read: async (id) => {
      checkId(id);
      return serialized(id, () => readUnlocked(id));
    },
    write: async (id, body) => {
      checkId(id);
      const { collection, environments } = parseBody(body);
      return serialized(id, () => writeUnlocked(id, collection, environments));
    },
    remove: async (id) => {
      checkId(id);
      return serialized(id, () => removeUnlocked(id));
    },
  };
}
