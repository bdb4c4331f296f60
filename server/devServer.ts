// `npm run dev`: Vite's dev server as vite.config.ts sets it up (hot reload, the page's sources
// only), plus what the page asks its own server for: /playground-config.json and, with
// `--collections DIR`, the collections API (the same handler and guard as npm start's). There is
// no relay and no gateway here: the page falls back to direct mode and the default gateway URL.
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import {
  DEFAULT_GATEWAY_URL,
  PLAYGROUND_CONFIG_URL,
  type PlaygroundConfig,
} from '../src/request/defaults';
import { createCollectionsHandler, isCollectionsPath } from './collections/collectionsHandler';
import { openCollectionStore, type CollectionStore } from './collections/collectionStore';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The page's endpoints in Vite's dev server. */
export function playgroundDevPlugin(store: CollectionStore | undefined): Plugin {
  const config: PlaygroundConfig = {
    gatewayUrl: DEFAULT_GATEWAY_URL,
    relay: false,
    collectionsDir: store !== undefined,
  };
  return {
    name: 'sigv4-playground-dev-endpoints',
    configureServer(server) {
      const port = () =>
        (server.httpServer?.address() as AddressInfo | null)?.port ?? server.config.server.port;
      const collectionsApi = createCollectionsHandler({ store, port });
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '/').split('?')[0]!;
        if (isCollectionsPath(path)) return collectionsApi(request, response);
        if (path === PLAYGROUND_CONFIG_URL && request.method === 'GET') {
          response.writeHead(200, {
            'Content-Type': 'application/json',
            'Cache-Control': 'no-store',
          });
          response.end(JSON.stringify(config));
          return;
        }
        next();
      });
    },
  };
}

export interface DevServerOptions {
  /** `--collections DIR`; it must exist. */
  collectionsDir?: string;
  /** Another port than vite.config.ts's 5173 (0: any free one), for tests. */
  port?: number;
  logLevel?: 'info' | 'silent';
}

/** Vite's dev server with the page's endpoints, listening. */
export async function startDevServer(options: DevServerOptions = {}): Promise<ViteDevServer> {
  const store =
    options.collectionsDir === undefined
      ? undefined
      : await openCollectionStore(options.collectionsDir);
  const server = await createServer({
    root,
    configFile: `${root}vite.config.ts`,
    plugins: [playgroundDevPlugin(store)],
    ...(options.port === undefined ? {} : { server: { port: options.port } }),
    ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
  });
  await server.listen();
  return server;
}
