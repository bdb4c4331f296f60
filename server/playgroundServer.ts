// The playground's servers: the built app and the relay on one origin, the local API Gateway on
// another port, in a process of its own (gatewayProcess.ts). Everything binds to 127.0.0.1 only.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { RELAY_PATH } from '../src/transport/relayProtocol';
import { listen, type RunningServer } from './gateway/gatewayServer';
import { startGatewayProcess, type GatewayProcessOptions } from './gatewayProcess';
import { localHosts } from './localHosts';
import { createRelayHandler } from './relay/relayHandler';
import { PAGE_SECURITY_HEADERS } from './securityHeaders';
import { createStaticHandler } from './staticFiles';

/** What the page reads at start-up to point itself at the local gateway. */
export const PLAYGROUND_CONFIG_PATH = '/playground-config.json';

export interface PlaygroundOptions {
  port: number;
  gatewayPort: number;
  /** What happens when the gateway stops on its own for good (gatewayProcess.ts). */
  onGatewayGiveUp?: GatewayProcessOptions['onGiveUp'];
}

export async function startPlayground(options: PlaygroundOptions) {
  const gateway = await startGatewayProcess({
    port: options.gatewayPort,
    ...(options.onGatewayGiveUp ? { onGiveUp: options.onGatewayGiveUp } : {}),
  });
  const gatewayBase = gateway.base;

  const serveStatic = createStaticHandler(fileURLToPath(new URL('../dist', import.meta.url)));
  let appPort = options.port;
  const relay = createRelayHandler({ port: () => appPort });
  const app = createServer((request, response) => {
    for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) {
      response.setHeader(name, value);
    }
    const path = (request.url ?? '/').split('?')[0];
    // The relay checks the Host itself, and says so in words the page explains.
    if (path === RELAY_PATH) return relay(request, response);
    if (!localHosts(appPort).has(request.headers.host ?? '')) {
      request.resume();
      response
        .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(
          `The playground answers only at http://127.0.0.1:${appPort}/ or http://localhost:${appPort}/; another host name pointing here can mean DNS rebinding.`,
        );
      return;
    }
    if (path === PLAYGROUND_CONFIG_PATH) {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify({ gatewayUrl: gatewayBase, relay: true }));
      return;
    }
    void serveStatic(request, response);
  });
  let playground: RunningServer;
  try {
    playground = await listen(app, options.port, 'playground');
  } catch (error) {
    await gateway.close();
    throw error;
  }
  appPort = Number(new URL(playground.url).port);
  return { playground, gateway, gatewayBase };
}
