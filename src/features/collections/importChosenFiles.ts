// From the files the user chose (in "Import collection…" or "Import a folder…") to what the
// importers read: each file's path (relative to the folder chosen, so a Bruno collection keeps
// its folders) and its text. The count and size are checked before any file is read: a folder
// can hold far more than a collection, and reading it all would fill the tab's memory first.
// Loaded with the importers, on first use.
import { COLLECTION_LIMITS } from '../../collections/collectionModel';
import { isBrunoFileName } from '../../importing/collections/importBruno';
import {
  importCollectionFiles,
  type CollectionFile,
  type ImportCollectionOptions,
} from '../../importing/collections/importCollectionFile';
import type { ImportWorkspaceResult } from '../../importing/collections/importedWorkspace';

/** What the page needs of a chosen file (a DOM File has all of it). */
export interface ChosenFile {
  name: string;
  /** `orders-api/admin/purge.bru` for a file chosen with its folder; '' (or absent) otherwise. */
  webkitRelativePath?: string;
  size: number;
  text(): Promise<string>;
}

/** 'files': chosen one by one. 'folder': a folder chosen whole (webkitdirectory). */
export type ChosenFrom = 'files' | 'folder';

/** UTF-8 takes up to 4 bytes a character: more bytes than this cannot be within maxFileChars. */
export const MAX_IMPORT_BYTES = COLLECTION_LIMITS.maxFileChars * 4;

/** Folders Bruno itself skips (the `ignore` of a new collection's bruno.json). */
const IGNORED_FOLDERS = new Set(['node_modules', '.git']);

export type FilesToRead =
  | { ok: true; files: { file: ChosenFile; fileName: string }[]; notRead: number }
  | { ok: false; error: string };

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * The path the importers read a file by: relative to the folder chosen, `/` between names
 * (what importBruno expects of a collection folder's files), else the file's name.
 */
export function importPathOf(file: ChosenFile): string {
  const relative = file.webkitRelativePath ?? '';
  return relative === '' ? file.name : relative;
}

/**
 * Which of the chosen files are read, and under which names. From a folder, only a Bruno
 * collection's files (.bru, bruno.json) outside node_modules and .git: the rest of a folder (a
 * README, a .env of secrets) is not the importers' to read. Bounded before anything is read.
 */
export function filesToRead(chosen: readonly ChosenFile[], from: ChosenFrom): FilesToRead {
  const named = chosen.map((file) => ({ file, fileName: importPathOf(file) }));
  const files =
    from === 'files'
      ? named
      : named.filter(
          ({ fileName }) =>
            isBrunoFileName(fileName) &&
            !fileName.split('/').some((segment) => IGNORED_FOLDERS.has(segment)),
        );
  if (files.length === 0)
    return {
      ok: false,
      error:
        from === 'folder'
          ? 'No Bruno collection in this folder (no .bru files): choose the folder holding its bruno.json, or use Import collection… for other files.'
          : 'Choose a file to import.',
    };
  if (files.length > COLLECTION_LIMITS.maxImportFiles)
    return {
      ok: false,
      error: `${files.length} files were chosen; the playground reads at most ${COLLECTION_LIMITS.maxImportFiles} at once.`,
    };
  const tooLarge = files.find(({ file }) => file.size > MAX_IMPORT_BYTES);
  if (tooLarge !== undefined)
    return { ok: false, error: `“${tooLarge.fileName}” is too large to be a collection.` };
  const total = files.reduce((sum, { file }) => sum + file.size, 0);
  if (total > MAX_IMPORT_BYTES)
    return {
      ok: false,
      error: `The files chosen come to ${mib(total)}; the playground reads at most ${mib(MAX_IMPORT_BYTES)} at once.`,
    };
  return { ok: true, files, notRead: chosen.length - files.length };
}

/** The files as the importers take them: path and text. */
export async function readChosenFiles(
  files: readonly { file: ChosenFile; fileName: string }[],
): Promise<CollectionFile[]> {
  const texts = await Promise.all(files.map(({ file }) => file.text()));
  return files.map(({ fileName }, index) => ({ fileName, text: texts[index]! }));
}

/** Bounds, reads and imports what was chosen; never throws for a bad file. */
export async function importChosenFiles(
  chosen: readonly ChosenFile[],
  from: ChosenFrom,
  options: ImportCollectionOptions,
): Promise<ImportWorkspaceResult> {
  const picked = filesToRead(chosen, from);
  if (!picked.ok) return picked;
  const result = importCollectionFiles(await readChosenFiles(picked.files), options);
  if (!result.ok || picked.notRead === 0) return result;
  const count = picked.notRead;
  return {
    ok: true,
    workspace: {
      ...result.workspace,
      notes: [
        ...result.workspace.notes,
        `${count} other file${count === 1 ? ' was' : 's were'} in the folder and ${count === 1 ? 'was' : 'were'} not read: a Bruno collection is its .bru files and bruno.json.`,
      ],
    },
  };
}
