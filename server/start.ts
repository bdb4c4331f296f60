// npm start: the playground (built app and the relay, same origin) on 127.0.0.1:5173 and the local
// API Gateway on 127.0.0.1:5174. PORT and GATEWAY_PORT choose other ports.
import { startPlayground } from './playgroundServer';

function port(name: string, fallback: number): number {
  const text = process.env[name];
  const value = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number (0-65535), not "${text}".`);
  }
  return value;
}

async function main() {
  const { playground, gateway, gatewayBase } = await startPlayground({
    port: port('PORT', 5173),
    gatewayPort: port('GATEWAY_PORT', 5174),
  });
  console.log(`SigV4 Playground:  ${playground.url}/`);
  console.log(
    `Local API Gateway: ${gatewayBase}/hello (AWS_IAM; identities in server/gateway/gateway.config.json)`,
  );
  console.log('Ctrl-C stops both.');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([playground.close(), gateway.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
