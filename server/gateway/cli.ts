// npm run gateway -- [--port N] [--config FILE]: the local API Gateway on its own.
import { parseArgs } from 'node:util';
import { GatewayConfigError, loadGatewayConfig } from './gatewayConfig';
import { startGateway } from './gatewayServer';

const DEFAULT_PORT = 5174;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run gateway -- [--port N] [--config FILE]\n  GATEWAY_CLOCK=ISO-8601 pins the clock.',
    );
    return;
  }
  const port = Number(values.port ?? process.env.GATEWAY_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new GatewayConfigError(`--port must be a port number, not "${values.port}".`);
  }
  const config = loadGatewayConfig(values.config);
  const gateway = await startGateway({ config, port });
  const base = config.stage === '' ? gateway.url : `${gateway.url}/${config.stage}`;
  console.log(`Local API Gateway (AWS_IAM) for ${config.apiId} in ${config.region}: ${base}`);
  for (const route of config.routes) console.log(`  ${route.method} ${base}${route.path}`);
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
