// A collection folder's files as JSON: written the way editors and git expect, read with a schema,
// and a problem with one of them named with its path.
import type * as z from 'zod/mini';
import { parseWith } from './validateCollection';
import { COLLECTION_FILE, FORMAT_VERSION, type CollectionFile } from './folderLayout';

/** Pretty JSON, two spaces, a final newline: what editors and git expect. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** What reading a collection folder gives: a problem with one file names it in `file` too. */
export type FilesResult<T> = { ok: true; value: T } | { ok: false; error: string; file?: string };

/** A problem with one file, as the page shows it: the file, then what is wrong. */
export function fileProblem(
  path: string,
  problem: string,
): { ok: false; error: string; file: string } {
  return { ok: false, error: `${path}: ${problem}`, file: path };
}

/** A file's JSON read with its schema, or the problem led by the file's path. */
export function readJson<T>(file: CollectionFile, schema: z.ZodMiniType<T>): FilesResult<T> {
  let value: unknown;
  try {
    // A byte order mark, as some editors write, is not part of the JSON.
    value = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fileProblem(file.path, `not valid JSON (${(error as Error).message})`);
  }
  if (file.path === COLLECTION_FILE) {
    const version = (value as { version?: unknown } | null)?.version;
    if (version !== undefined && version !== FORMAT_VERSION) {
      return fileProblem(
        file.path,
        `format version ${JSON.stringify(version)} is not one this playground reads (it reads ${FORMAT_VERSION}); update the playground`,
      );
    }
  }
  const parsed = parseWith(schema, value);
  return parsed.ok ? parsed : fileProblem(file.path, parsed.error);
}
