// The local API Gateway in a process of its own, as server/gatewayProcess.ts forks it for
// `npm start`: whatever a client throws at the gateway (CPU, memory, a crash) stays in here, away
// from the page and the relay. Arguments: the port, the configuration file or '', the log
// format (text, json, or quiet), and 'strict' or ''. It tells its parent over IPC when it listens, or why it cannot;
// told to stop, it writes the log lines still queued and exits.
import { loadGatewayConfig } from './gateway/gatewayConfig';
import { answerAdminRequest } from './gateway/liveConfig';
import { watchConfigFile } from './gateway/watchConfigFile';
import { startGateway } from './gateway/gatewayServer';
import { NO_REQUEST_LOG, openRequestLog } from './gateway/requestLog';
import type { GatewayChildMessage, GatewayParentMessage } from './gatewayProcess';

function tell(message: GatewayChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

if (!process.send) {
  console.error(
    'The gateway child is started by the playground; run the gateway alone with `sigv4-playground gateway` (npm run gateway).',
  );
  process.exit(1);
}
// Ctrl-C, or a supervisor's SIGTERM, reaches the whole process group: the parent acts on it and
// stops the gateway itself, so the gateway going first is never mistaken for a crash.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
// The parent is gone, even killed outright: go too, rather than live on as an orphan.
process.on('disconnect', () => process.exit(0));

const [portArgument, configPath, logFormat, strict] = process.argv.slice(2);
const requestLog = openRequestLog({
  format: logFormat === 'json' ? 'json' : 'text',
  quiet: logFormat === 'quiet',
});
let answerAdmin: ((message: GatewayParentMessage & { type: 'admin' }) => void) | undefined;
process.on('message', (message: GatewayParentMessage) => {
  if (message.type === 'admin') return answerAdmin?.(message);
  if (message.type !== 'stop') return;
  void (requestLog?.close() ?? Promise.resolve()).then(() => process.exit(0));
});

try {
  const config = loadGatewayConfig(configPath || undefined);
  let forgetDecisions = () => {};
  const gateway = await startGateway({
    config,
    port: Number(portArgument),
    requestLog: requestLog ?? NO_REQUEST_LOG,
    strict: strict === 'strict',
    onDecisions: (decisions) => (forgetDecisions = decisions.forget),
  });
  // The page's questions and edits, forwarded by the playground server (liveConfig.ts).
  answerAdmin = (message) =>
    void tell({
      type: 'admin-reply',
      id: message.id,
      reply: answerAdminRequest(config, message.request, forgetDecisions, configPath || null),
    });
  // A --config file edited in an editor applies at once; the bundled one is not watched.
  if (configPath)
    watchConfigFile({
      config,
      path: configPath,
      forgetDecisions: () => forgetDecisions(),
      log: (line) => console.error(line),
    });
  await tell({
    type: 'listening',
    url: gateway.url,
    base: config.stage === '' ? gateway.url : `${gateway.url}/${config.stage}`,
  });
} catch (error) {
  await tell({ type: 'failed', message: (error as Error).message });
  process.exit(1);
}
