// A gateway in a process of its own, for TestGateway.startInChild (gatewayTestRunner.ts): it
// takes its configuration and pinned clock over IPC, answers with its URL, and sends each log
// line back. It ends when the test process disconnects or kills it.
import type { GatewayConfig } from './gatewayConfig';
import { startGateway } from './gatewayServer';
import type { ChildMessage } from './gatewayTestRunner';

const reply = (message: ChildMessage) => process.send!(message);

process.once('message', (message: { config: GatewayConfig; now: number }) => {
  startGateway({
    config: message.config,
    port: 0,
    now: () => message.now,
    log: (line) => reply({ log: line }),
  }).then(
    (running) => reply({ url: running.url }),
    (error: Error) => {
      reply({ error: error.message });
      process.exit(1);
    },
  );
});
process.once('disconnect', () => process.exit(0));
