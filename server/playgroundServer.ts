// The playground's servers: the built app, the relay and the collections API on one origin, the
// local API Gateway on another port, in a process of its own (gatewayProcess.ts). Everything binds
// to 127.0.0.1 only.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_GATEWAY_URL,
  PLAYGROUND_CONFIG_URL,
  type PlaygroundConfig,
} from '../src/request/defaults';
import { RELAY_PATH } from '../src/transport/relayProtocol';
import { createCollectionsHandler, isCollectionsPath } from './collections/collectionsHandler';
import { openCollectionStore } from './collections/collectionStore';
import { listen, type RunningServer } from './gateway/gatewayServer';
import { GATEWAY_POLICIES_PATH } from '../src/diagnosis/gatewayPolicies';
import { createGatewayPoliciesHandler } from './gatewayPoliciesHandler';
import { startGatewayProcess, type GatewayProcessOptions } from './gatewayProcess';
import { localHosts } from './localHosts';
import { createRelayHandler } from './relay/relayHandler';
import { PAGE_SECURITY_HEADERS } from './securityHeaders';
import { createFirstViewPage } from './firstViewPage';
import { createStaticHandler } from './staticFiles';

export interface PlaygroundOptions {
  port: number;
  gatewayPort: number;
  /** What happens when the gateway stops on its own for good (gatewayProcess.ts). */
  onGatewayGiveUp?: GatewayProcessOptions['onGiveUp'];
  /** `--collections DIR`: the folder of collections the page reads and writes; it must exist. */
  collectionsDir?: string;
  /** `--config FILE`: the gateway's configuration. */
  configPath?: string;
  /** false (`--no-gateway`): no local gateway; the page keeps the default gateway URL. */
  gateway?: boolean;
  /** `--log-format`, `--quiet`: the gateway's line per request; default text lines. */
  gatewayLog?: GatewayProcessOptions['logOptions'];
  /** `--strict`: the gateway answers exactly as API Gateway, without the IAM decision trace. */
  gatewayStrict?: boolean;
}

/**
 * The built page: `dist` beside `server` in the repository, and beside `dist-server` (where this
 * module is bundled) in the package.
 */
const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));
/** The first view's build (npm run build:first-view), beside dist. */
const FIRST_VIEW_MODULE = new URL('../dist-ssr/renderFirstView.js', import.meta.url);

export async function startPlayground(options: PlaygroundOptions) {
  // First, so a wrong DIR stops the start before anything listens.
  const collections =
    options.collectionsDir === undefined
      ? undefined
      : await openCollectionStore(options.collectionsDir);
  const gateway =
    options.gateway === false
      ? undefined
      : await startGatewayProcess({
          port: options.gatewayPort,
          ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
          ...(options.onGatewayGiveUp ? { onGiveUp: options.onGatewayGiveUp } : {}),
          ...(options.gatewayLog ? { logOptions: options.gatewayLog } : {}),
          ...(options.gatewayStrict ? { strict: true } : {}),
        });
  const gatewayBase = gateway?.base;

  const serveStatic = createStaticHandler(DIST_DIR, { indexPage: () => firstView.page() });
  let appPort = options.port;
  const relay = createRelayHandler({ port: () => appPort });
  const collectionsApi = createCollectionsHandler({ store: collections, port: () => appPort });
  const gatewayPolicies = createGatewayPoliciesHandler({
    admin: gateway && ((request) => gateway.admin(request)),
    port: () => appPort,
  });
  const config: PlaygroundConfig = {
    gatewayUrl: gatewayBase ?? DEFAULT_GATEWAY_URL,
    relay: true,
    collectionsDir: collections !== undefined,
  };
  const firstView = createFirstViewPage({
    distDir: DIST_DIR,
    moduleUrl: FIRST_VIEW_MODULE,
    config,
  });
  const app = createServer((request, response) => {
    for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) {
      response.setHeader(name, value);
    }
    const path = (request.url ?? '/').split('?')[0];
    // The relay checks the Host itself, and says so in words the page explains.
    if (path === RELAY_PATH) return relay(request, response);
    if (isCollectionsPath(path!)) return collectionsApi(request, response);
    if (path === GATEWAY_POLICIES_PATH) return gatewayPolicies(request, response);
    if (!localHosts(appPort).has(request.headers.host ?? '')) {
      request.resume();
      response
        .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(
          `The playground answers only at http://127.0.0.1:${appPort}/ or http://localhost:${appPort}/; another host name pointing here can mean DNS rebinding.`,
        );
      return;
    }
    if (path === PLAYGROUND_CONFIG_URL) {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify(config));
      return;
    }
    void serveStatic(request, response);
  });
  let playground: RunningServer;
  try {
    playground = await listen(app, options.port, 'playground');
  } catch (error) {
    await gateway?.close();
    throw error;
  }
  appPort = Number(new URL(playground.url).port);
  firstView.warm();
  return { playground, gateway, gatewayBase, collectionsRoot: collections?.root };
}
