// The page's side of the collections API (collectionsProtocol.ts): fetch on the page's own origin,
// answers read within COLLECTIONS_MAX_BODY_BYTES, every outcome a typed result, never a throw.
// A collection travels as the model's JSON, which this layer does not know (it sits below
// src/collections): the caller passes the parser (parseCollectionFolder and friends).
import {
  COLLECTIONS_API_PATH,
  COLLECTIONS_MAX_BODY_BYTES,
  type CollectionDeleteResult,
  type CollectionFolderBody,
  type CollectionListEntry,
  type CollectionListing,
  type CollectionsErrorType,
} from './collectionsProtocol';

/** What went wrong, as the page tells it apart. */
export type CollectionsFailureKind =
  | 'unavailable' // the server keeps no collections on disk (no --collections), or has no such API
  | 'not-found' // no such collection folder
  | 'refused' // the server's guard refused the call (origin, host, method)
  | 'invalid-request' // what the page sent is not valid (the message says what)
  | 'too-large' // the collection, or the answer, is over a limit
  | 'invalid-on-disk' // a file in the folder cannot be read; `file` names it
  | 'disk' // the file system refused (permissions, a full disk)
  | 'server' // the server failed
  | 'network' // the server could not be reached
  | 'bad-response'; // the answer is not what the API sends

export interface CollectionsFailure {
  kind: CollectionsFailureKind;
  /** One sentence: what happened, what to do. */
  message: string;
  /** The HTTP status, when there was an answer. */
  status?: number;
  /** The file at fault, relative to the collections folder (`orders-api/list.request.json`). */
  file?: string;
}

export type CollectionsOutcome<T> =
  { ok: true; value: T } | { ok: false; failure: CollectionsFailure };

/** A parser of the model (collections/validateCollection.ts's shape of result). */
export type ParseAnswer<T> = (
  value: unknown,
) => { ok: true; value: T } | { ok: false; error: string };

export interface CollectionsClientOptions {
  /** Default: the page's fetch. */
  fetchImpl?: typeof fetch;
  /** Largest answer read, in bytes; default COLLECTIONS_MAX_BODY_BYTES. */
  maxBytes?: number;
  signal?: AbortSignal;
}

/** The written folder as now on disk, and which files changed (paths inside the folder). */
export interface CollectionWritten<T> {
  folder: T;
  written: string[];
  removed: string[];
}

const KIND_OF_ERROR: Record<CollectionsErrorType, CollectionsFailureKind> = {
  'forbidden-origin': 'refused',
  'forbidden-host': 'refused',
  'bad-request': 'invalid-request',
  'not-configured': 'unavailable',
  'not-found': 'not-found',
  'too-large': 'too-large',
  'invalid-on-disk': 'invalid-on-disk',
  disk: 'disk',
  internal: 'server',
};

const NO_API =
  'The page’s server keeps no collections on disk; start it with npm start -- --collections DIR.';

const failure = (
  kind: CollectionsFailureKind,
  message: string,
  extra: { status?: number; file?: string } = {},
): { ok: false; failure: CollectionsFailure } => ({
  ok: false,
  failure: { kind, message, ...extra },
});

const urlOf = (id?: string) =>
  id === undefined ? COLLECTIONS_API_PATH : `${COLLECTIONS_API_PATH}/${encodeURIComponent(id)}`;

/** The answer's text, or undefined when it is over `maxBytes` (the rest is not read). */
async function boundedText(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** One call: the answer's JSON on a 200, or the failure it amounts to. */
async function call(
  method: 'GET' | 'PUT' | 'DELETE',
  id: string | undefined,
  body: unknown,
  options: CollectionsClientOptions,
): Promise<CollectionsOutcome<unknown>> {
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const maxBytes = options.maxBytes ?? COLLECTIONS_MAX_BODY_BYTES;
  let response: Response;
  try {
    const text = body === undefined ? undefined : JSON.stringify(body);
    if (text !== undefined && new TextEncoder().encode(text).byteLength > maxBytes) {
      return failure(
        'too-large',
        `The collection is over the ${maxBytes / 1024 / 1024} MiB the collections API takes; split it.`,
      );
    }
    response = await fetchImpl(urlOf(id), {
      method,
      cache: 'no-store',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(text === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(text === undefined ? {} : { body: text }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    return failure(
      'network',
      `The page could not reach its server (${(error as Error).message}); is npm start still running?`,
    );
  }
  const status = response.status;
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  if (!isJson) {
    await response.body?.cancel().catch(() => undefined);
    // Vite without the page's endpoints answers with its index.html or a 404 page.
    return failure('unavailable', NO_API, { status });
  }
  let text: string | undefined;
  try {
    text = await boundedText(response, maxBytes);
  } catch (error) {
    return failure('network', `The answer was cut off (${(error as Error).message}).`, { status });
  }
  if (text === undefined) {
    return failure(
      'too-large',
      `The server’s answer is over the ${maxBytes / 1024 / 1024} MiB the page reads.`,
      { status },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return failure('bad-response', 'The server’s answer is not JSON.', { status });
  }
  if (status === 200) return { ok: true, value };
  const error = (value as { error?: { type?: unknown; message?: unknown; file?: unknown } } | null)
    ?.error;
  const type = typeof error?.type === 'string' ? (error.type as CollectionsErrorType) : undefined;
  const kind =
    type === undefined
      ? 'server'
      : status === 403 || status === 405 || status === 415
        ? 'refused'
        : (KIND_OF_ERROR[type] ?? 'server');
  return failure(
    kind,
    typeof error?.message === 'string' ? error.message : `The server answered ${status}.`,
    { status, ...(typeof error?.file === 'string' ? { file: error.file } : {}) },
  );
}

function isListEntry(entry: unknown): entry is CollectionListEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const { id, name, error } = entry as Record<string, unknown>;
  if (typeof id !== 'string') return false;
  if (typeof name === 'string') return true;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** `GET /api/collections`: the collections in the server's folder. */
export async function listCollections(
  options: CollectionsClientOptions = {},
): Promise<CollectionsOutcome<CollectionListing>> {
  const answer = await call('GET', undefined, undefined, options);
  if (!answer.ok) return answer;
  const { collections, truncated } = (answer.value ?? {}) as Partial<Record<string, unknown>>;
  if (!Array.isArray(collections) || !collections.every(isListEntry)) {
    return failure(
      'bad-response',
      'The server’s list of collections is not in the expected shape.',
    );
  }
  return { ok: true, value: { collections, truncated: truncated === true } };
}

/** The answer's folder through the caller's parser: a bad-response failure naming the problem. */
function parsed<T>(value: unknown, parse: ParseAnswer<T>): CollectionsOutcome<T> {
  const result = parse(value);
  return result.ok
    ? result
    : failure('bad-response', `The server sent a collection that is not valid: ${result.error}.`);
}

/** `GET /api/collections/<id>`: the collection folder `id`, through `parse`. */
export async function readCollection<T>(
  id: string,
  parse: ParseAnswer<T>,
  options: CollectionsClientOptions = {},
): Promise<CollectionsOutcome<T>> {
  const answer = await call('GET', id, undefined, options);
  return answer.ok ? parsed(answer.value, parse) : answer;
}

/**
 * `PUT /api/collections/<id>`: writes the collection (and its environments, when given) to the
 * folder `id`, made if missing. The answer is the folder as now on disk, with ids from its paths.
 */
export async function writeCollection<T>(
  id: string,
  body: CollectionFolderBody,
  parse: ParseAnswer<T>,
  options: CollectionsClientOptions = {},
): Promise<CollectionsOutcome<CollectionWritten<T>>> {
  const answer = await call('PUT', id, body, options);
  if (!answer.ok) return answer;
  const { written, removed } = answer.value as { written?: unknown; removed?: unknown };
  const folder = parsed(answer.value, parse);
  if (!folder.ok) return folder;
  if (!isTextList(written) || !isTextList(removed)) {
    return failure('bad-response', 'The server did not say which files it wrote.');
  }
  return { ok: true, value: { folder: folder.value, written, removed } };
}

/** `DELETE /api/collections/<id>`: removes the collection's files (others stay). */
export async function deleteCollection(
  id: string,
  options: CollectionsClientOptions = {},
): Promise<CollectionsOutcome<CollectionDeleteResult>> {
  const answer = await call('DELETE', id, undefined, options);
  if (!answer.ok) return answer;
  const { removed, kept } = answer.value as { removed?: unknown; kept?: unknown };
  if (!isTextList(removed) || !isTextList(kept)) {
    return failure('bad-response', 'The server did not say which files it removed.');
  }
  return { ok: true, value: { removed, kept } };
}

function isTextList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}
