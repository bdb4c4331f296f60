// The local gateway with CORS switched off, quiet, on a free port: an API a page can reach only
// through the relay, for the journeys that show "Blocked by CORS" and its advice.
import { loadGatewayConfig } from '../server/gateway/gatewayConfig';
import { startGateway } from '../server/gateway/gatewayServer';

export async function startGatewayWithoutCors(): Promise<{
  /** Its hello route: what the page sends to. */
  helloUrl: string;
  close(): Promise<void>;
}> {
  const config = loadGatewayConfig();
  const gateway = await startGateway({
    config: { ...config, cors: { ...config.cors, enabled: false } },
    port: 0,
    log: () => {},
  });
  return { helloUrl: `${gateway.url}/${config.stage}/hello`, close: () => gateway.close() };
}
