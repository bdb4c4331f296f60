// The disk folder of `npm start -- --collections DIR` as the collections slice sees it
// (DiskCollectionsSource), over the page's collections client. Each subfolder of DIR is a
// collection whose id is the subfolder's name; what the server sends is validated here
// (parseDiskCollection, parseFolderContents) before the page holds it.
import { fileSlug } from '../collections/fileNames';
import { parseDiskCollection, parseFolderContents } from '../collections/folderContents';
import {
  listCollections,
  readCollection,
  writeCollection,
  type CollectionsClientOptions,
  type CollectionsFailure,
} from '../transport/collectionsClient';
import type { DiskCollectionsSource } from './collectionsState';

/** How the page names DIR: the server does not say its path, and the page need not know it. */
export const DISK_FOLDER_LABEL = 'the collections folder';

function message(failure: CollectionsFailure): string {
  return failure.file === undefined ? failure.message : `${failure.message} (${failure.file})`;
}

export function createDiskCollectionsSource(
  options: CollectionsClientOptions = {},
): DiskCollectionsSource {
  return {
    folder: DISK_FOLDER_LABEL,
    async list() {
      const listing = await listCollections(options);
      if (!listing.ok) return { ok: false, error: message(listing.failure) };
      const problems: string[] = [];
      // One at a time: the server reads each folder's files from disk, and the listing is bounded.
      const collections = [];
      for (const entry of listing.value.collections) {
        if ('error' in entry) {
          problems.push(`${entry.id}/: ${entry.error.message}`);
          continue;
        }
        const read = await readCollection(entry.id, parseDiskCollection, options);
        if (read.ok) collections.push(read.value.collection);
        else problems.push(`${entry.id}/: ${message(read.failure)}`);
      }
      if (listing.value.truncated)
        problems.push(
          'The folder holds more collections than the server lists: not all are shown.',
        );
      return { ok: true, collections, problems };
    },
    folderNameFor(name, taken) {
      const base = fileSlug(name);
      let folder = base;
      // Each try is a name `taken` holds: at most taken.size + 1 of them.
      for (let number = 2; taken.has(folder.toLowerCase()); number += 1)
        folder = `${base}-${number}`;
      return folder;
    },
    async save(collection) {
      const written = await writeCollection(
        collection.id,
        { collection },
        parseFolderContents,
        options,
      );
      return written.ok
        ? { ok: true, collection: written.value.folder.collection }
        : { ok: false, error: message(written.failure) };
    },
  };
}
