// One server of bench:gateway in a process of its own (started by benchServers.ts startChild):
// tells its parent the port it listens on, and its CPU time when asked.
import { serve, type ServerKind } from './benchServers';

const kind = process.argv[2] as ServerKind;
// A server child lives only as long as the benchmark that started it.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'cpu') return;
  const usage = process.cpuUsage();
  process.send!({ cpu: usage.user + usage.system });
});
serve(kind, process.argv[3]).then(
  (port) => process.send!({ port }),
  (error: Error) => {
    process.send!({ error: error.message });
    process.exit(1);
  },
);
