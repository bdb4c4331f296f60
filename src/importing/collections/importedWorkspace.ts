// What a collection importer (Postman, Insomnia, Bruno, OpenAPI) hands to the page: a collection in
// the one model (collections/collectionModel.ts), environments, and the keys it found — which go to
// the credentials panel (memory only), never into the saved collection.
import type { Collection, Environment } from '../../collections/collectionModel';

export interface ImportedKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** One variable of one of the page's environments. */
export interface PageVariable {
  environmentId: string;
  index: number;
  name: string;
}

export interface ImportedWorkspace {
  /** The source's name for what was read ("Postman Collection v2.1", "Bruno collection", …). */
  format: string;
  /** Absent when the file held only environments. */
  collection?: Collection;
  environments: Environment[];
  /** Keys found in the source's AWS auth (literal or through its variables); memory only. */
  keys?: ImportedKeys;
  /**
   * Variables of the page's own environments (ImportCollectionOptions.environments) that held the
   * keys found: the page marks each secret (its environment, its index, its name to check the
   * index still names it), so no stored environment keeps a key; the value stays in the tab's
   * memory only, as the keys do. Absent: none held one.
   */
  pageVariablesHoldingKeys?: PageVariable[];
  /**
   * One sentence per thing the user should know: keys moved to the credentials panel, auth types
   * that are not SigV4, parts of the source that were not imported and why.
   */
  notes: string[];
}

/** Never a half import: either the whole workspace or one clear reason. */
export type ImportWorkspaceResult =
  { ok: true; workspace: ImportedWorkspace } | { ok: false; error: string };
