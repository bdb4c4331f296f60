// The collections API on the page's own origin (protocol: src/transport/collectionsProtocol.ts):
//   GET    /api/collections        the collections in DIR
//   GET    /api/collections/<id>   one collection and its environments
//   PUT    /api/collections/<id>   write it (only the files that changed; removed requests' files go)
//   DELETE /api/collections/<id>   remove its files
// Behind the relay's guard (sameOriginGuard.ts): only the playground page may read or write.
// Every answer is JSON; bad input is a 4xx saying what is wrong, never a crash.
import { sendJson } from '../sendJson';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  COLLECTIONS_API_PATH,
  COLLECTIONS_MAX_BODY_BYTES,
  type CollectionsError,
} from '../../src/transport/collectionsProtocol';
import { dropRestOfUpload, readBoundedBody } from '../readBoundedBody';
import { formatBytes, forLog } from '../relay/relayText';
import { refuseCrossOrigin, type GuardedEndpoint } from '../sameOriginGuard';
import { CollectionsFailure } from './collectionsFailure';
import type { CollectionStore } from './collectionStore';

export interface CollectionsHandlerOptions {
  /** The store over DIR; undefined when the server was started without --collections. */
  store: CollectionStore | undefined;
  /** The port the page is served on; a function when it is known only later. */
  port: number | (() => number);
  /** Where the one line per request goes; default console.log. */
  log?: (line: string) => void;
}

const LISTING: GuardedEndpoint = { who: 'The collections API', methods: ['GET'] };
const ONE_COLLECTION: GuardedEndpoint = {
  who: 'The collections API',
  methods: ['GET', 'PUT', 'DELETE'],
};

/** Whether a request path is the collections API's (the server routes it here). */
export function isCollectionsPath(path: string): boolean {
  return path === COLLECTIONS_API_PATH || path.startsWith(`${COLLECTIONS_API_PATH}/`);
}

/** The collection id a path names: undefined for the listing; a 400 for anything else. */
function collectionId(path: string): string | undefined {
  const rest = path.slice(COLLECTIONS_API_PATH.length);
  if (rest === '') return undefined;
  const encoded = rest.slice(1);
  if (encoded === '' || encoded.includes('/')) {
    throw new CollectionsFailure(
      'bad-request',
      400,
      `${COLLECTIONS_API_PATH}/<id> takes one collection id (a folder name, URL-encoded), not ${JSON.stringify(forLog(encoded))}.`,
    );
  }
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new CollectionsFailure(
      'bad-request',
      400,
      `The collection id ${JSON.stringify(forLog(encoded))} is not valid percent-encoding.`,
    );
  }
}

export function createCollectionsHandler(
  options: CollectionsHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const log = options.log ?? ((line: string) => console.log(line));
  const appPort = typeof options.port === 'function' ? options.port : () => options.port as number;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<string> {
    const path = (req.url ?? '/').split('?')[0]!;
    const id = collectionId(path);
    const refusal = refuseCrossOrigin(req, appPort(), id === undefined ? LISTING : ONE_COLLECTION);
    if (refusal) {
      throw new CollectionsFailure(refusal.type, refusal.status, refusal.message);
    }
    const { store } = options;
    if (store === undefined) {
      throw new CollectionsFailure(
        'not-configured',
        404,
        'This playground keeps no collections on disk; start it with --collections DIR (npm start -- --collections DIR) to read and write a folder of collections.',
      );
    }
    if (id === undefined) return send(res, 200, await store.list());
    if (req.method === 'GET') return send(res, 200, await store.read(id));
    if (req.method === 'DELETE') return send(res, 200, await store.remove(id));
    const body = await readBoundedBody(
      req,
      COLLECTIONS_MAX_BODY_BYTES,
      () =>
        new CollectionsFailure(
          'too-large',
          413,
          `The collection sent is over the collections API's limit of ${formatBytes(COLLECTIONS_MAX_BODY_BYTES)}; split it.`,
        ),
    );
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch (error) {
      throw new CollectionsFailure(
        'bad-request',
        400,
        `The body is not JSON (${forLog((error as Error).message)}).`,
      );
    }
    return send(res, 200, await store.write(id, value));
  }

  return (req, res) => {
    const started = `collections ${forLog(req.method ?? '-')} ${forLog((req.url ?? '').split('?')[0]!.slice(COLLECTIONS_API_PATH.length + 1)) || '-'}`;
    handle(req, res).then(
      (status) => log(`${started} ${status}`),
      (error: unknown) => {
        const failure =
          error instanceof CollectionsFailure
            ? error
            : new CollectionsFailure(
                'internal',
                500,
                `The collections API failed unexpectedly (${forLog((error as Error).message)}); see the server's log.`,
              );
        if (!req.complete) dropRestOfUpload(req);
        const body: CollectionsError = {
          error: {
            type: failure.type,
            message: failure.message,
            ...(failure.file === undefined ? {} : { file: failure.file }),
          },
        };
        const allow =
          (req.url ?? '').split('?')[0] === COLLECTIONS_API_PATH ? LISTING : ONE_COLLECTION;
        send(res, failure.status, body, failure.status === 405 ? allow.methods : undefined);
        log(
          `${started} ${failure.status} ${failure.type}${failure.type === 'internal' ? ` ${forLog((error as Error).message)}` : ''}`,
        );
      },
    );
  };
}

/** A JSON answer (sendJson); returns the status, for the log line. */
function send(
  res: ServerResponse,
  status: number,
  value: unknown,
  allow?: readonly string[],
): string {
  sendJson(res, status, value, allow === undefined ? {} : { Allow: allow.join(', ') });
  return String(status);
}
