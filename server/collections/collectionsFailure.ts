import type { CollectionsErrorType } from '../../src/transport/collectionsProtocol';

export type CollectionsStatus = 400 | 403 | 404 | 405 | 413 | 415 | 422 | 500;

/**
 * A refusal or failure the collections API answers with: a type the page can tell apart, a status,
 * one sentence, and the file (relative to DIR) when one file is the cause.
 */
export class CollectionsFailure extends Error {
  constructor(
    readonly type: CollectionsErrorType,
    readonly status: CollectionsStatus,
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

/**
 * What the file system said (EACCES, ENOSPC, …) as the API's failure, naming the path inside DIR.
 * Node's message ends with the absolute path, which the page has no need of: it is cut off.
 */
export function diskFailure(error: unknown, doing: string, path: string): CollectionsFailure {
  if (error instanceof CollectionsFailure) return error;
  const said = (error as Error).message.split(/[,\n]/)[0];
  return new CollectionsFailure(
    'disk',
    500,
    `The server could not ${doing} ${path} (${said}).`,
    path,
  );
}
