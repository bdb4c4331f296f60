// The local API Gateway in a child process (server/gatewayChild.ts), as npm start runs it: a client
// that keeps the gateway busy, fills its memory or crashes it cannot stall the page or the relay,
// which stay in the parent. A gateway that stops on its own is reported and restarted on the same
// port (a few times at most); one that is told to stop goes at once, even when frozen.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GatewayAdminReply, GatewayAdminRequest } from './gateway/liveConfig';
import type { LogOptions } from './gateway/logOptions';

/**
 * What the child tells its parent: once, that it listens or why it cannot; then the answers to
 * the page's questions about its policies (gatewayPoliciesHandler.ts).
 */
export type GatewayChildMessage =
  | { type: 'listening'; url: string; base: string }
  | { type: 'failed'; message: string }
  | { type: 'admin-reply'; id: number; reply: GatewayAdminReply };

/**
 * From the sources (npm start, Vitest) the child is TypeScript and runs under tsx's loader, named by
 * path so it is found whatever the working directory (Vitest's execArgv has no tsx). In the
 * package (scripts/buildServer.ts) this module is bundled beside gatewayChild.js: plain node.
 */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const CHILD_ENTRY = fileURLToPath(
  new URL(FROM_SOURCES ? './gatewayChild.ts' : './gatewayChild.js', import.meta.url),
);
const loaderArgs = (): string[] =>
  FROM_SOURCES
    ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href]
    : [];

/** The gateway's JavaScript heap limit; it needs a few tens of MiB. */
const GATEWAY_HEAP_MIB = 512;
/** Unexpected stops restarted within RESTART_WINDOW_MS; one more and the gateway stays down. */
export const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

export interface GatewayProcessOptions {
  port: number;
  /** The gateway's configuration file; default server/gateway/gateway.config.json. */
  configPath?: string;
  /** Where unexpected stops and restarts are reported; default console.error. */
  log?: (line: string) => void;
  /** The gateway stopped on its own and will not come back; default: only logged. */
  onGiveUp?: (reason: string) => void;
  /** The gateway's line per request (`--log-format`, `--quiet`); default text lines. */
  logOptions?: LogOptions;
  /** `--strict`: answers exactly as API Gateway's, without the IAM decision trace header. */
  strict?: boolean;
}

/**
 * What the parent tells its child: stop, once the log lines still queued are written; or a
 * question from the page about the policies (list, edit).
 */
export type GatewayParentMessage =
  { type: 'stop' } | { type: 'admin'; id: number; request: GatewayAdminRequest };
/** How long the page's question may wait for the gateway (busy, restarting) before it is told so. */
const ADMIN_TIMEOUT_MS = 5000;
/** How long a child told to stop may take to write its queued log lines before it is killed. */
const STOP_GRACE_MS = 1000;

export interface GatewayProcess {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The URL with the stage, where the routes are. */
  base: string;
  /** The gateway's current process id (a restart changes it). */
  readonly pid: number;
  /** Asks the running gateway about its policies, or changes one (liveConfig.ts). */
  admin(request: GatewayAdminRequest): Promise<GatewayAdminReply>;
  /** Stops the gateway (and any restart under way) and waits until its process is gone. */
  close(): Promise<void>;
}

interface ForkedGateway {
  child: ChildProcess;
  url: string;
  base: string;
}

const describeExit = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `killed by ${signal}` : `exit code ${code}`;

/** Forks the gateway and waits until it listens, or rejects with the reason it cannot. */
function forkGateway(
  port: number,
  configPath: string | undefined,
  logOptions: LogOptions = { format: 'text', quiet: false },
  strict = false,
): Promise<ForkedGateway> {
  const child = fork(
    CHILD_ENTRY,
    [
      String(port),
      configPath ?? '',
      logOptions.quiet ? 'quiet' : logOptions.format,
      strict ? 'strict' : '',
    ],
    {
      // A client that fills the gateway's heap crashes the gateway (then restarted), not the machine.
      execArgv: [...loaderArgs(), `--max-old-space-size=${GATEWAY_HEAP_MIB}`],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      reject(
        new Error(
          `The local API Gateway stopped before it was ready (${describeExit(code, signal)}).`,
        ),
      );
    child.once('error', reject);
    child.once('exit', onExit);
    child.once('message', (message: GatewayChildMessage) => {
      child.off('exit', onExit);
      child.off('error', reject);
      // Once running, a failed IPC write is not worth a crash of the parent.
      child.on('error', () => {});
      if (message.type === 'listening') resolve({ child, url: message.url, base: message.base });
      else if (message.type === 'failed') reject(new Error(message.message));
    });
  });
}

/**
 * The gateway keeps nothing but the log lines it has not written yet: asked to stop, it writes
 * them and exits. A busy or frozen (SIGSTOPped) one would not act on that, so SIGKILL ends it
 * after STOP_GRACE_MS, whatever it is doing.
 */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    const stop: GatewayParentMessage = { type: 'stop' };
    if (!child.connected) child.kill('SIGKILL');
    else child.send(stop, (error) => error && child.kill('SIGKILL'));
  });
}

/** Starts the gateway in its own process and watches it until close(). */
export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const log = options.log ?? ((line: string) => console.error(line));
  const giveUp = options.onGiveUp ?? log;
  let current = await forkGateway(
    options.port,
    options.configPath,
    options.logOptions,
    options.strict,
  );
  // A restart takes the same port, so the page's idea of where the gateway is stays true.
  const port = Number(new URL(current.url).port);
  let stopping = false;
  let restarting: Promise<void> | undefined;
  const unexpectedStops: number[] = [];

  async function restart(pid: number | undefined, how: string) {
    const now = Date.now();
    unexpectedStops.push(now);
    while (unexpectedStops[0]! <= now - RESTART_WINDOW_MS) unexpectedStops.shift();
    if (unexpectedStops.length > MAX_RESTARTS) {
      giveUp(
        `The local API Gateway (pid ${pid}) stopped unexpectedly (${how}), ${unexpectedStops.length} times within a minute; it stays stopped.`,
      );
      return;
    }
    log(
      `The local API Gateway (pid ${pid}) stopped unexpectedly (${how}); restarting it on port ${port}.`,
    );
    try {
      current = await forkGateway(port, options.configPath, options.logOptions, options.strict);
    } catch (error) {
      giveUp(`The local API Gateway could not be restarted: ${(error as Error).message}`);
      return;
    }
    if (stopping) return;
    log(`Local API Gateway restarted (pid ${current.child.pid}): ${current.base}`);
    watch(current.child);
  }

  function watch(child: ChildProcess) {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      restarting = restart(child.pid, describeExit(code, signal));
    });
  }
  watch(current.child);

  let nextId = 0;
  const pending = new Map<number, (reply: GatewayAdminReply) => void>();
  const unavailable = (message: string): GatewayAdminReply => ({ status: 503, body: { message } });

  return {
    url: current.url,
    base: current.base,
    get pid() {
      return current.child.pid!;
    },
    admin(request) {
      const child = current.child;
      if (!child.connected) {
        return Promise.resolve(unavailable('The local API Gateway is not running.'));
      }
      const id = ++nextId;
      return new Promise((resolve) => {
        const done = (reply: GatewayAdminReply) => {
          clearTimeout(timer);
          child.off('message', onMessage);
          pending.delete(id);
          resolve(reply);
        };
        const timer = setTimeout(
          () => done(unavailable('The local API Gateway did not answer; try again.')),
          ADMIN_TIMEOUT_MS,
        );
        const onMessage = (message: GatewayChildMessage) => {
          if (message.type === 'admin-reply' && message.id === id) done(message.reply);
        };
        pending.set(id, done);
        child.on('message', onMessage);
        const ask: GatewayParentMessage = { type: 'admin', id, request };
        const stopped = () => done(unavailable('The local API Gateway is not running.'));
        try {
          child.send(ask, (error) => error && stopped());
        } catch {
          // The channel closed between the check above and now.
          stopped();
        }
      });
    },
    async close() {
      stopping = true;
      await restarting;
      await stopChild(current.child);
    },
  };
}
