// npm start: the playground (built app and the relay, same origin) on 127.0.0.1:5173 and the local
// API Gateway on 127.0.0.1:5174, in a child process. PORT and GATEWAY_PORT choose other ports;
// `npm start -- --collections DIR` keeps collections as files in DIR (startOptions.ts).
import { startPlayground } from './playgroundServer';
import { parseStartOptions } from './startOptions';

function port(name: string, fallback: number): number {
  const text = process.env[name];
  const value = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number (0-65535), not "${text}".`);
  }
  return value;
}

async function main() {
  const { collectionsDir } = parseStartOptions(process.argv.slice(2));
  const closers: Array<() => Promise<void>> = [];
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    void Promise.all(closers.map((close) => close())).then(() => process.exit(code));
  };
  // The gateway runs in a process of its own: when it stops by itself it is restarted, and
  // only when it cannot come back does the playground stop too, saying why (exit code 1).
  const { playground, gateway, gatewayBase, collectionsRoot } = await startPlayground({
    port: port('PORT', 5173),
    gatewayPort: port('GATEWAY_PORT', 5174),
    ...(collectionsDir === undefined ? {} : { collectionsDir }),
    onGatewayGiveUp: (reason) => {
      console.error(`${reason} Stopping the playground too.`);
      stop(1);
    },
  });
  closers.push(playground.close, gateway.close);
  console.log(`SigV4 Playground:  ${playground.url}/`);
  console.log(
    `Local API Gateway: ${gatewayBase}/hello (AWS_IAM; identities in server/gateway/gateway.config.json)`,
  );
  if (collectionsRoot !== undefined) {
    console.log(`Collections:       ${collectionsRoot} (each folder in it is a collection)`);
  }
  console.log('Ctrl-C stops both.');
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
