// The wire protocol between the page and the collections API of its own server (`npm start --
// --collections DIR`, server/collections): collections kept as folders of files on disk
// (collections/collectionFiles.ts). The collection itself travels as the model's JSON; this
// layer sits below src/collections, so it is `unknown` here and the caller validates it.

/** The API's root: `GET` lists; `/<id>` with GET, PUT, DELETE is one collection. */
export const COLLECTIONS_API_PATH = '/api/collections';

const MiB = 1024 * 1024;
/**
 * The largest JSON body either way (a PUT's collection, a GET's answer). A collection's files
 * are at most 20 MiB together (COLLECTION_FILE_LIMITS.maxTotalChars, folderLayout.ts); its
 * JSON adds ids and escapes, never that much.
 */
export const COLLECTIONS_MAX_BODY_BYTES = 32 * MiB;

/** `GET /api/collections/<id>`, and what `PUT` sends: a collection folder's contents. */
export interface CollectionFolderBody {
  /** A collections/collectionModel.ts Collection; its id is the folder's name. */
  collection: unknown;
  /** Environments (Environment[]); a PUT without them leaves the folder's environments alone. */
  environments?: unknown;
}

/** One entry of the listing: a subfolder of DIR holding a collection, or why it cannot be read. */
export type CollectionListEntry =
  { id: string; name: string } | { id: string; error: CollectionsError['error'] };

/** `GET /api/collections`. */
export interface CollectionListing {
  collections: CollectionListEntry[];
  /** More subfolders than the server lists at once. */
  truncated: boolean;
}

/** `PUT /api/collections/<id>`: the folder as now on disk, and the files that changed. */
export interface CollectionWriteResult extends CollectionFolderBody {
  /** Paths inside the collection folder, written or removed. */
  written: string[];
  removed: string[];
}

/** `DELETE /api/collections/<id>`. */
export interface CollectionDeleteResult {
  removed: string[];
  /** Files of others (a README) left where they were, so the folder stays. */
  kept: string[];
}

export type CollectionsErrorType =
  | 'forbidden-origin' // the caller is not the playground's own page
  | 'forbidden-host' // addressed by another host name (DNS rebinding)
  | 'bad-request' // the request is malformed (method, id, JSON, collection)
  | 'not-configured' // the server was started without --collections
  | 'not-found' // no such collection folder
  | 'too-large' // the request, or what it would write, is over a limit
  | 'invalid-on-disk' // what the folder holds cannot be read; `file` names the file
  | 'disk' // the file system refused (permissions, a full disk)
  | 'internal'; // a bug in the server

/** Every answer that is not a 200. `message` is one sentence saying what happened and what to do. */
export interface CollectionsError {
  error: { type: CollectionsErrorType; message: string; file?: string };
}
