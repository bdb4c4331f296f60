// What a user keeps: saved requests in collections (with folders), and environments of variables.
// One model for every way in and out — IndexedDB, a folder on disk, Postman/Insomnia/Bruno/OpenAPI
// imports and the Postman export — so each of them converts to and from this and nothing else.
//
// Nothing here holds a secret unless the user asked for it: a credential header keeps its name
// with an empty value (request/credentialFields.ts), keys never live in a collection, and a
// variable marked secret is kept in memory only (its stored form has no value).
import { DEFAULT_EXPIRES_IN } from '../signing';

/**
 * The signing options a request carries (saved, in history, in a tab, in a link); the page's own
 * options (transport, gateway, clock offset) are the store's OptionsFields on top of these.
 */
export interface SavedOptions {
  mode: 'header' | 'query';
  /** Presigned URL lifetime in seconds, as typed (so a bad value stays next to its message). */
  expiresIn: string;
  payload: 'signed' | 'unsigned';
  /** null: follow the service (on for s3, as the signer's own default). */
  contentSha256Header: boolean | null;
  /** null: follow the service. true: normalizePath=false, doubleEncodePath=false. */
  s3PathRules: boolean | null;
  signSessionToken: boolean;
  /** 'sigv4': HMAC-SHA256 with a regional key. 'sigv4a': ECDSA P-256, valid in a set of regions. */
  algorithm: 'sigv4' | 'sigv4a';
  /**
   * SigV4A only: the regions the signature is valid in, comma-separated as typed (`us-*` allowed;
   * may hold {{variables}}). '' signs for the request's region alone.
   */
  regionSet: string;
}

/** The signing options out of anything holding them, and nothing else of what it holds. */
export function pickSavedOptions(options: SavedOptions): SavedOptions {
  return {
    mode: options.mode,
    expiresIn: options.expiresIn,
    payload: options.payload,
    contentSha256Header: options.contentSha256Header,
    s3PathRules: options.s3PathRules,
    signSessionToken: options.signSessionToken,
    algorithm: options.algorithm,
    regionSet: options.regionSet,
  };
}

export interface SavedHeader {
  name: string;
  /** May hold {{variables}}. '' with `withheld` when it carried a credential. */
  value: string;
  /** Unticked: sent but not signed. */
  signed: boolean;
  /** The value was a credential and was left out. */
  withheld?: boolean;
}

export interface SavedRequest {
  kind: 'request';
  /** Stable id (for the page and for file names on disk it is not used: names are). */
  id: string;
  name: string;
  method: string;
  /** As written, {{variables}} included. */
  url: string;
  headers: SavedHeader[];
  /** Text body; '' for none. */
  body: string;
  /**
   * Region and service set by hand for this request; absent: they follow the URL's host
   * (request/detectScope.ts). Either may hold {{variables}}.
   */
  region?: string;
  service?: string;
  options: SavedOptions;
  /** The AWS profile it signs with, by name only (never what the profile holds); absent: none. */
  profile?: string;
  /** Free text (an importer puts the source's description or notes here). */
  description?: string;
}

export interface SavedFolder {
  kind: 'folder';
  id: string;
  name: string;
  items: CollectionItem[];
}

export type CollectionItem = SavedRequest | SavedFolder;

export interface Variable {
  name: string;
  /** '' for a secret variable whose value was not kept. */
  value: string;
  /** Secret: follows the secret key's rules (memory only unless the user chooses otherwise). */
  secret: boolean;
  /** Unticked variables are ignored when resolving (Postman's `disabled`). Default true. */
  enabled: boolean;
}

export interface Collection {
  id: string;
  name: string;
  /** Defaults for every request in it; an environment's variable of the same name wins. */
  variables: Variable[];
  items: CollectionItem[];
  description?: string;
}

export interface Environment {
  id: string;
  name: string;
  variables: Variable[];
  /**
   * The AWS profile requests sign with while this environment is active (unless a request names
   * its own), by name only; absent: none.
   */
  profile?: string;
}

/** Bounds every importer and the disk format enforce: a hostile file cannot exhaust the tab. */
export const COLLECTION_LIMITS = {
  /** Largest file an importer reads, in characters. */
  maxFileChars: 20 * 1024 * 1024,
  /** Files one import reads (a Bruno folder: a file per request, a folder.bru each, …). */
  maxImportFiles: 10_000,
  /** Requests in one collection. */
  maxRequests: 5000,
  /** Folder depth. */
  maxDepth: 16,
  /** Variables in one collection or environment. */
  maxVariables: 1000,
  /** Characters in a name (request, folder, collection, environment, variable). */
  maxNameChars: 500,
} as const;

/** The options a request gets when its source says nothing: the signer's defaults. */
export const DEFAULT_SAVED_OPTIONS: SavedOptions = {
  mode: 'header',
  expiresIn: String(DEFAULT_EXPIRES_IN),
  payload: 'signed',
  contentSha256Header: null,
  s3PathRules: null,
  signSessionToken: true,
  algorithm: 'sigv4',
  regionSet: '',
};

/** Every request in the tree, depth first, with the folder names leading to it. */
export function* walkRequests(
  items: readonly CollectionItem[],
  path: readonly string[] = [],
): Generator<{ request: SavedRequest; folders: readonly string[] }> {
  for (const item of items) {
    if (item.kind === 'request') yield { request: item, folders: path };
    else yield* walkRequests(item.items, [...path, item.name]);
  }
}

/** The variables as they may be stored: a secret variable keeps its name, never its value. */
export function withoutSecretValues(variables: readonly Variable[]): Variable[] {
  return variables.map((variable) => (variable.secret ? { ...variable, value: '' } : variable));
}
