// The servers bench:gateway loads, each in a process of its own, so that the load generator's
// work is never charged to a server. The local API Gateway and the relay run as users run them:
// the built command (`npm run build:server`'s dist-server/cli.js, what `npx sigv4-playground`
// runs), the gateway writing its line per request to a file (standard output redirected, as
// `> gateway.log` does), to standard output read through a pipe, or --quiet. The reference is a
// bare node:http server that answers the same body without verifying anything (bareServer.ts).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test-support/freePort';

export type ServerKind = 'gateway-file' | 'gateway-stdout' | 'gateway-quiet' | 'bare' | 'relay';
export const GATEWAY_KINDS = ['gateway-file', 'gateway-stdout', 'gateway-quiet'] as const;

/** The gateway's pinned clock, and the instant every request is signed at. */
export const SIGNED_AT = '2026-01-15T10:20:30Z';
const DEMO_ARN = 'arn:aws:iam::850047500507:user/demo';
export const BUILT_CLI = fileURLToPath(new URL('../dist-server/cli.js', import.meta.url));
const BARE_SERVER = fileURLToPath(new URL('./bareServer.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;

/** What the 'hello' integration answers; the bare server answers it too, unverified. */
export const helloAnswer = (body: string) =>
  JSON.stringify(`${DEMO_ARN} sent a POST with body: ${body}`);

export interface Child {
  kind: ServerKind;
  port: number;
  process: ChildProcess;
  /** Bytes the child wrote to its standard output (a gateway's log to a pipe), drained here. */
  readonly stdoutBytes: number;
  readonly stdoutLines: number;
}

const children: Child[] = [];

/**
 * Whether the load generator and the servers can be kept on separate cores (Linux's taskset), as
 * the measurement assumes: left to the scheduler, they could share one for a while, and the bare
 * server's rounds ranged 14,239-21,719 req/s in one run; pinned, 19,984-20,666 (Nov 2026, 2 cores).
 */
export const canPin: boolean = (() => {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return process.platform === 'linux';
  } catch {
    return false;
  }
})();

/** Keeps this process, every thread of it, on the given cores (taskset's list: "0", "0-1"). */
export function pinThisProcess(cores: string): void {
  if (canPin)
    execFileSync('taskset', ['-a', '-p', '-c', cores, String(process.pid)], { stdio: 'ignore' });
}

/** The command line of one kind of server, listening on `port`. */
function commandOf(kind: ServerKind, port: number): string[] {
  if (kind === 'bare') return [process.execPath, ...process.execArgv, BARE_SERVER, String(port)];
  if (kind === 'relay')
    return [process.execPath, BUILT_CLI, '--no-gateway', '--port', String(port)];
  return [
    process.execPath,
    BUILT_CLI,
    'gateway',
    '--port',
    String(port),
    ...(kind === 'gateway-quiet' ? ['--quiet'] : []),
  ];
}

/** Resolves once something accepts connections on the port. */
async function listening(port: number, child: ChildProcess, kind: ServerKind): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The ${kind} server exited (code ${child.exitCode}) before it listened.`);
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(true));
      socket.once('error', () => resolve(false));
      socket.once('close', () => socket.destroy());
    }).then((ok) => ok);
    if (accepted) return;
    if (Date.now() > deadline)
      throw new Error(`The ${kind} server did not listen within ${START_TIMEOUT_MS / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A server in a process of its own, once it listens. A gateway with `logFile` has its standard
 * output in that file; any other standard output is a pipe this process reads as fast as it
 * comes, as a terminal would (there is no terminal here). `core`: kept on that core (canPin).
 */
export async function startChild(
  kind: ServerKind,
  { logFile, core }: { logFile?: string | undefined; core?: number | undefined } = {},
): Promise<Child> {
  if (kind !== 'bare' && !existsSync(BUILT_CLI))
    throw new Error(`${BUILT_CLI} is missing: run npm run build:server first.`);
  const port = await freePort();
  // taskset runs the server in its own process (it execs it), on the one core given.
  const [command, ...args] = [
    ...(core !== undefined && canPin ? ['taskset', '-c', String(core)] : []),
    ...commandOf(kind, port),
  ];
  const file = logFile === undefined ? undefined : openSync(logFile, 'a');
  const child = spawn(command!, args, {
    stdio: ['ignore', file ?? 'pipe', 'inherit'],
    env: { ...process.env, GATEWAY_CLOCK: SIGNED_AT },
  });
  if (file !== undefined) closeSync(file);
  let stdoutBytes = 0;
  let stdoutLines = 0;
  child.stdout?.on('data', (chunk: Buffer) => {
    stdoutBytes += chunk.length;
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) stdoutLines++;
  });
  const started: Child = {
    kind,
    port,
    process: child,
    get stdoutBytes() {
      return stdoutBytes;
    },
    get stdoutLines() {
      return stdoutLines;
    },
  };
  children.push(started);
  await listening(port, child, kind);
  return started;
}

export function stopChildren(): void {
  for (const child of children.splice(0)) child.process.kill();
}

/**
 * A child's CPU time so far (user + system, every thread: libuv's pool writing the log included),
 * in microseconds, from the kernel's counters in /proc (Linux, where this benchmark runs).
 */
export function childCpu(child: Child): number {
  const stat = readFileSync(`/proc/${child.process.pid}/stat`, 'latin1');
  // Fields after the command name in parentheses (which may hold spaces): utime is the 14th
  // field of the line, stime the 15th, in clock ticks of 1/100 s on Linux.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}
