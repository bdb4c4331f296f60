// The file system side of a collection folder: which of its files are the format's, reading them
// within bounds, writing them atomically, removing them. Nothing here follows a symbolic link or
// leaves the folder: every path is built from names read from a directory or checked by the
// format (collectionFiles.ts), every entry is looked at with lstat semantics, every file is
// opened with O_NOFOLLOW and checked again on the open descriptor.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, opendir, realpath, rename, rmdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  COLLECTION_FILE_LIMITS,
  fileRole,
  type CollectionFile,
  type FileRole,
} from '../../src/collections/folderLayout';
import { COLLECTION_LIMITS } from '../../src/collections/collectionModel';
import { CollectionsFailure, diskFailure } from './collectionsFailure';

/** One of the format's files found in a folder: its path inside the folder, and its role. */
export interface FoundFile {
  path: string;
  role: FileRole;
}

export interface FolderListing {
  files: FoundFile[];
  /** Other files and folders (a README, notes), left alone; at most a few, for a message. */
  others: string[];
}

/**
 * Directory entries looked at in one folder walk, the format's or not: a folder of a million
 * files is refused rather than listed.
 */
export const MAX_ENTRIES = 4 * COLLECTION_FILE_LIMITS.maxFiles;
/** Folder levels walked: one past the format's depth, so a file too deep is named, not ignored. */
const MAX_WALK_DEPTH = COLLECTION_LIMITS.maxDepth + 1;
const MAX_OTHERS_NAMED = 20;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `folder/…`, as messages name a path: relative to DIR. */
const shown = (id: string, path: string) => (path === '' ? id : `${id}/${path}`);

/**
 * The folder `id` directly under `root` (a real path), if it is a directory there and not a link
 * to one: its absolute path, or undefined when there is none.
 */
export async function collectionFolder(root: string, id: string): Promise<string | undefined> {
  const folder = join(root, id);
  let stats;
  try {
    stats = await lstat(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw diskFailure(error, 'look at', id);
  }
  if (stats.isSymbolicLink()) {
    throw new CollectionsFailure(
      'invalid-on-disk',
      422,
      `${id} is a symbolic link; the server follows no links out of the collections folder, so make it a real folder.`,
      id,
    );
  }
  if (!stats.isDirectory()) return undefined;
  // root is a real path and id one plain name, so this holds unless the folder moved meanwhile.
  if ((await realpath(folder).catch(() => '')) !== folder) {
    throw new CollectionsFailure(
      'invalid-on-disk',
      422,
      `${id} is not inside the collections folder.`,
      id,
    );
  }
  return folder;
}

/**
 * The format's files in a collection folder (collectionFiles.ts's fileRole), walked without
 * following a link and within bounds. Hidden entries (.git, a write's temporary file) are skipped;
 * a symbolic link, or a FIFO or device where a file of the format would be, is refused by name.
 */
export async function listFolder(folder: string, id: string): Promise<FolderListing> {
  const files: FoundFile[] = [];
  const others: string[] = [];
  let entries = 0;
  const stack: Array<{ path: string; depth: number }> = [{ path: '', depth: 0 }];
  while (stack.length > 0) {
    const { path: dirPath, depth } = stack.pop()!;
    let dir;
    try {
      dir = await opendir(join(folder, dirPath));
    } catch (error) {
      throw diskFailure(error, 'list', shown(id, dirPath));
    }
    try {
      for await (const entry of dir) {
        entries += 1;
        if (entries > MAX_ENTRIES) {
          throw new CollectionsFailure(
            'too-large',
            413,
            `The collection folder ${id} holds more than ${MAX_ENTRIES} files and folders; the server reads at most that many.`,
            id,
          );
        }
        if (entry.name.startsWith('.')) continue;
        const path = dirPath === '' ? entry.name : `${dirPath}/${entry.name}`;
        if (entry.isSymbolicLink()) {
          throw new CollectionsFailure(
            'invalid-on-disk',
            422,
            `${shown(id, path)} is a symbolic link; collection folders hold only plain files and folders, and the server follows no links.`,
            shown(id, path),
          );
        }
        if (entry.isDirectory()) {
          if (depth + 1 <= MAX_WALK_DEPTH) stack.push({ path, depth: depth + 1 });
          continue;
        }
        const role = fileRole(path);
        if (role === undefined) {
          if (others.length < MAX_OTHERS_NAMED) others.push(path);
          continue;
        }
        if (!entry.isFile()) {
          throw new CollectionsFailure(
            'invalid-on-disk',
            422,
            `${shown(id, path)} is not a regular file.`,
            shown(id, path),
          );
        }
        files.push({ path, role });
        if (files.length > COLLECTION_FILE_LIMITS.maxFiles) {
          throw new CollectionsFailure(
            'too-large',
            413,
            `The collection folder ${id} holds more than ${COLLECTION_FILE_LIMITS.maxFiles} files of collections.`,
            id,
          );
        }
      }
    } catch (error) {
      // for await closes the directory when it leaves the loop, thrown or not.
      throw diskFailure(error, 'list', shown(id, dirPath));
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, others };
}

/**
 * A file's text, read through a descriptor opened without following a link (O_NOFOLLOW) and
 * without waiting on a FIFO (O_NONBLOCK), checked on that descriptor to be a regular file of at
 * most `maxBytes`, and decoded as UTF-8.
 */
export async function readText(
  folder: string,
  id: string,
  path: string,
  maxBytes: number,
): Promise<string> {
  const where = shown(id, path);
  let handle;
  try {
    handle = await open(
      join(folder, path),
      constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new CollectionsFailure(
        'invalid-on-disk',
        422,
        `${where} is a symbolic link; the server follows no links.`,
        where,
      );
    }
    throw diskFailure(error, 'open', where);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new CollectionsFailure(
        'invalid-on-disk',
        422,
        `${where} is not a regular file.`,
        where,
      );
    }
    if (stats.size > maxBytes) {
      throw new CollectionsFailure(
        'too-large',
        413,
        `${where} is ${stats.size} bytes, over what the server reads (${maxBytes} bytes left of the collection's ${COLLECTION_FILE_LIMITS.maxTotalChars}).`,
        where,
      );
    }
    // One byte more than the size: a file that grew since is noticed, and still bounded.
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > stats.size) {
      throw new CollectionsFailure(
        'invalid-on-disk',
        422,
        `${where} changed while the server read it; try again.`,
        where,
      );
    }
    try {
      return utf8.decode(buffer.subarray(0, length));
    } catch {
      throw new CollectionsFailure('invalid-on-disk', 422, `${where} is not UTF-8 text.`, where);
    }
  } catch (error) {
    throw diskFailure(error, 'read', where);
  } finally {
    await handle.close();
  }
}

/** The texts of the files found, within the collection's total (COLLECTION_FILE_LIMITS). */
export async function readFiles(
  folder: string,
  id: string,
  found: readonly FoundFile[],
): Promise<CollectionFile[]> {
  let budget: number = COLLECTION_FILE_LIMITS.maxTotalChars;
  const files: CollectionFile[] = [];
  for (const file of found) {
    const text = await readText(folder, id, file.path, budget);
    budget -= Buffer.byteLength(text);
    files.push({ path: file.path, text });
  }
  return files;
}

/**
 * The directory `dirPath` inside `folder`, made where missing, each level checked to be a real
 * directory (a link planted where a folder of the collection goes is refused, not followed).
 */
async function ensureDirectory(folder: string, id: string, dirPath: string): Promise<void> {
  let current = folder;
  let shownPath = '';
  for (const segment of dirPath === '' ? [] : dirPath.split('/')) {
    current = join(current, segment);
    shownPath = shownPath === '' ? segment : `${shownPath}/${segment}`;
    try {
      await mkdir(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw diskFailure(error, 'create the folder', shown(id, shownPath));
      }
    }
    const stats = await lstat(current);
    if (!stats.isDirectory()) {
      throw new CollectionsFailure(
        'invalid-on-disk',
        422,
        `${shown(id, shownPath)} is in the way: it is ${stats.isSymbolicLink() ? 'a symbolic link' : 'a file'} where the collection has a folder.`,
        shown(id, shownPath),
      );
    }
  }
}

/**
 * Writes one file atomically: the text goes to a new hidden file beside it (O_EXCL, so nothing
 * already there is followed or reused), which is then renamed over the old one. A reader sees
 * the old file or the new one, never half of one; a link where the file goes is refused.
 */
export async function writeFileAtomically(
  folder: string,
  id: string,
  file: CollectionFile,
): Promise<void> {
  const slash = file.path.lastIndexOf('/');
  const dirPath = slash < 0 ? '' : file.path.slice(0, slash);
  const base = file.path.slice(slash + 1);
  const where = shown(id, file.path);
  await ensureDirectory(folder, id, dirPath);
  const target = join(folder, file.path);
  const existing = await lstat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    throw new CollectionsFailure(
      'invalid-on-disk',
      422,
      `${where} is in the way: it is not a regular file.`,
      where,
    );
  }
  const temporary = join(folder, dirPath, `.${base}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(file.text, 'utf8');
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw diskFailure(error, 'write', where);
  }
}

/** Removes one of the format's files (a regular file, never a link's target). */
export async function removeFile(folder: string, id: string, path: string): Promise<void> {
  const target = join(folder, path);
  try {
    const stats = await lstat(target);
    if (!stats.isFile()) return;
    await unlink(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw diskFailure(error, 'remove', shown(id, path));
  }
}

/**
 * Removes the folders of `paths` that are now empty, deepest first, up to the collection folder
 * (included when `withFolder`). A folder that holds anything else (a README) stays.
 */
export async function removeEmptyFolders(
  folder: string,
  paths: readonly string[],
  withFolder: boolean,
): Promise<void> {
  const folders = new Set<string>();
  for (const path of paths) {
    const segments = path.split('/').slice(0, -1);
    for (let length = segments.length; length > 0; length -= 1) {
      folders.add(segments.slice(0, length).join('/'));
    }
  }
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  if (withFolder) deepestFirst.push('');
  for (const path of deepestFirst) {
    // rmdir removes only an empty directory, and never follows a link.
    await rmdir(join(folder, path)).catch(() => undefined);
  }
}
