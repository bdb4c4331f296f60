// The names, roles and bounds of a collection folder's files (the format: collectionFiles.ts).
import { COLLECTION_LIMITS, type Collection, type Environment } from './collectionModel';
import { MAX_FOLDERS } from './validateCollection';

/** One file of a collection folder: its path inside the folder (`/`-separated) and its text. */
export interface CollectionFile {
  path: string;
  text: string;
}

/** What a collection folder holds: the collection and its environments. */
export interface DiskCollection {
  collection: Collection;
  environments: Environment[];
}

export const COLLECTION_FILE = 'collection.json';
export const FOLDER_FILE = 'folder.json';
export const REQUEST_SUFFIX = '.request.json';
export const ENVIRONMENTS_FOLDER = 'environments';
export const ENVIRONMENT_SUFFIX = '.json';
/** The format's version, in collection.json: a later format says so, and this one refuses it. */
export const FORMAT_VERSION = 1;

const MAX_ENVIRONMENTS = 100;
export const COLLECTION_FILE_LIMITS = {
  /** Environments in one collection folder. */
  maxEnvironments: MAX_ENVIRONMENTS,
  /** Files in one collection folder: a request each, a folder.json each, collection.json, environments. */
  maxFiles: COLLECTION_LIMITS.maxRequests + MAX_FOLDERS + 1 + MAX_ENVIRONMENTS,
  /** All the files together, in characters (the server counts UTF-8 bytes against it). */
  maxTotalChars: COLLECTION_LIMITS.maxFileChars,
  /**
   * A slug's length in code points: with its suffixes (`-12`, `.request.json`) well within the
   * 255 bytes a file name may have, and 16 folders deep well within any path limit.
   */
  maxSlugChars: 50,
  /** A file or folder name taken from an id (a name made by hand): longer ones get a slug. */
  maxKeptNameChars: 120,
} as const;

/** What a file of a collection folder is, by its path; undefined: not one of ours (left alone). */
export type FileRole = 'collection' | 'folder' | 'request' | 'environment';

export function fileRole(path: string): FileRole | undefined {
  const segments = path.split('/');
  // Hidden files and folders (.git, .DS_Store, a write's temporary file) are never ours.
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  const base = segments[segments.length - 1]!;
  if (segments[0] === ENVIRONMENTS_FOLDER) {
    return segments.length === 2 && hasSuffix(base, ENVIRONMENT_SUFFIX) ? 'environment' : undefined;
  }
  if (segments.length === 1 && base === COLLECTION_FILE) return 'collection';
  if (segments.length > 1 && base === FOLDER_FILE) return 'folder';
  if (hasSuffix(base, REQUEST_SUFFIX)) return 'request';
  return undefined;
}

/** Whether `name` ends with `suffix` and has something before it (`.json` alone is no file of ours). */
export function hasSuffix(name: string, suffix: string): boolean {
  return name.length > suffix.length && name.endsWith(suffix);
}
