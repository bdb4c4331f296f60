// The playground's servers: the built app and the relay on one origin, the local API Gateway on
// another port. Everything binds to 127.0.0.1 only.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { RELAY_PATH } from '../src/transport/relayProtocol';
import { loadGatewayConfig } from './gateway/gatewayConfig';
import { listen, startGateway, type RunningServer } from './gateway/gatewayServer';
import { createRelayHandler } from './relay/relayHandler';
import { createStaticHandler } from './staticFiles';

/** What the page reads at start-up to point itself at the local gateway. */
export const PLAYGROUND_CONFIG_PATH = '/playground-config.json';

export async function startPlayground(options: { port: number; gatewayPort: number }) {
  const config = loadGatewayConfig();
  const gateway = await startGateway({ config, port: options.gatewayPort });
  const gatewayBase = config.stage === '' ? gateway.url : `${gateway.url}/${config.stage}`;

  const serveStatic = createStaticHandler(fileURLToPath(new URL('../dist', import.meta.url)));
  let appPort = options.port;
  const relay = createRelayHandler({ port: () => appPort });
  const app = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === RELAY_PATH) return relay(request, response);
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
