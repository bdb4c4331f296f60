// A collection's items as files, level by level, and back: a request's file each, a folder with
// its folder.json, in the order collection.json or the folder's folder.json lists them.
import * as z from 'zod/mini';
import type { CollectionItem, SavedFolder, SavedRequest } from './collectionModel';
import { jsonText } from './fileJson';
import { nameEntries } from './fileNames';
import { COLLECTION_FILE_LIMITS, FOLDER_FILE, type CollectionFile } from './folderLayout';
import { requestOut } from './requestFile';
import { NameSchema } from './validateCollection';

/** A level's order, in collection.json or a folder.json: its entries' names (a folder's ends with `/`). */
export const OrderSchema = z
  .array(z.string().check(z.maxLength(1000)))
  .check(z.maxLength(COLLECTION_FILE_LIMITS.maxFiles));

/** What a folder.json may hold: both fields have a default (the folder's name, file names' order). */
export const FolderFileSchema = z.object({
  name: z.optional(NameSchema),
  order: z.optional(OrderSchema),
});

// ---------------------------------------------------------------------------------------------
// Writing

/** How an entry is listed in `order`: a request by its file name, a folder with a trailing `/`. */
function orderEntry(item: CollectionItem, name: string): string {
  return item.kind === 'folder' ? `${name}/` : name;
}

/**
 * The files of one level's items, added to `files`: the level's requests, then each folder (its
 * folder.json first). Returns the level's order, for its collection.json or folder.json.
 */
export function levelFiles(
  items: readonly CollectionItem[],
  folderPath: string,
  files: CollectionFile[],
): string[] {
  const names = nameEntries(items, folderPath);
  const pending: Array<() => void> = [];
  items.forEach((item, index) => {
    const name = names[index]!;
    const path = folderPath === '' ? name : `${folderPath}/${name}`;
    if (item.kind === 'request') {
      files.push({ path, text: jsonText(requestOut(item)) });
    } else {
      pending.push(() => folderFiles(item, path, files));
    }
  });
  for (const write of pending) write();
  return items.map((item, index) => orderEntry(item, names[index]!));
}

function folderFiles(folder: SavedFolder, path: string, files: CollectionFile[]): void {
  const at = files.length;
  const order = levelFiles(folder.items, path, files);
  files.splice(at, 0, {
    path: `${path}/${FOLDER_FILE}`,
    text: jsonText({ name: folder.name, order }),
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** One folder of the collection (the top: ''), as its files are read. */
export interface Level {
  /** The level's folder.json (collection.json for the top). */
  order: readonly string[] | undefined;
  name: string | undefined;
  requests: Map<string, SavedRequest>;
  folders: Set<string>;
}

/** The level at `folderPath`, made (with those above it) when first asked for. */
export function levelAt(levels: Map<string, Level>, folderPath: string): Level {
  let level = levels.get(folderPath);
  if (!level) {
    level = { order: undefined, name: undefined, requests: new Map(), folders: new Set() };
    levels.set(folderPath, level);
    // Each folder is an entry of the level above it, up to the top.
    const slash = folderPath.lastIndexOf('/');
    if (folderPath !== '') {
      levelAt(levels, slash < 0 ? '' : folderPath.slice(0, slash)).folders.add(
        folderPath.slice(slash + 1),
      );
    }
  }
  return level;
}

/**
 * A level's items in `order` (entries that name nothing are skipped: a merge may have removed a
 * file), then whatever `order` does not list, by name: a file added by hand shows up.
 */
export function itemsAt(levels: Map<string, Level>, folderPath: string): CollectionItem[] {
  const level = levels.get(folderPath)!;
  const items: CollectionItem[] = [];
  const placed = new Set<string>();
  const place = (entry: string) => {
    if (placed.has(entry)) return;
    const isFolder = entry.endsWith('/');
    const name = isFolder ? entry.slice(0, -1) : entry;
    if (isFolder ? !level.folders.has(name) : !level.requests.has(name)) return;
    placed.add(entry);
    if (!isFolder) {
      items.push(level.requests.get(name)!);
      return;
    }
    const path = folderPath === '' ? name : `${folderPath}/${name}`;
    const folder: SavedFolder = {
      kind: 'folder',
      id: `${path}/`,
      name: levels.get(path)!.name ?? name,
      items: itemsAt(levels, path),
    };
    items.push(folder);
  };
  for (const entry of level.order ?? []) place(entry);
  const rest = [...level.requests.keys(), ...[...level.folders].map((name) => `${name}/`)];
  for (const entry of rest.sort()) place(entry);
  return items;
}
