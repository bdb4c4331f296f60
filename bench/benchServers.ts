// The servers bench:gateway loads, each in a child process of its own (benchServerChild.ts), so
// that the load generator's work is never charged to a server: the local API Gateway as users run
// it (its line per request to a file, or to standard output, a pipe this process drains), or quiet;
// a bare node:http server that answers the same without verifying anything; and the relay.
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadGatewayConfig } from '../server/gateway/gatewayConfig';
import { startGateway } from '../server/gateway/gatewayServer';
import { createRequestLog, NO_REQUEST_LOG } from '../server/gateway/requestLog';
import { createRelayHandler } from '../server/relay/relayHandler';

export type ServerKind = 'gateway-file' | 'gateway-stdout' | 'gateway-quiet' | 'bare' | 'relay';
export const GATEWAY_KINDS = ['gateway-file', 'gateway-stdout', 'gateway-quiet'] as const;

/** The gateway's pinned clock, and the instant every request is signed at. */
export const SIGNED_AT = '2026-01-15T10:20:30Z';
const DEMO_ARN = 'arn:aws:iam::850047500507:user/demo';
const CHILD_MODULE = fileURLToPath(new URL('./benchServerChild.ts', import.meta.url));

/** What the 'hello' integration answers; the bare server answers it too, unverified. */
export const helloAnswer = (body: string) =>
  JSON.stringify(`${DEMO_ARN} sent a POST with body: ${body}`);

function readAll(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function listenOnLoopback(server: ReturnType<typeof createServer>): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Starts one server in this process (a child's) on a free loopback port. A gateway logs as the
 * command does (text lines, requestLog.ts): to `logFile`, to standard output, or not at all.
 */
export async function serve(kind: ServerKind, logFile?: string): Promise<number> {
  if (kind.startsWith('gateway')) {
    const config = { ...loadGatewayConfig(), clock: SIGNED_AT };
    const requestLog =
      kind === 'gateway-quiet'
        ? NO_REQUEST_LOG
        : createRequestLog(kind === 'gateway-file' ? { destination: logFile! } : {});
    const gateway = await startGateway({ config, port: 0, requestLog });
    return Number(new URL(gateway.url).port);
  }
  if (kind === 'bare') {
    const server = createServer((request, response) => {
      void readAll(request).then((body) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(helloAnswer(body.toString('utf8')));
      });
    });
    return listenOnLoopback(server);
  }
  // The relay checks Host and Origin against its own port, which is known once it listens.
  let handle = (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(503).end();
  };
  const server = createServer((request, response) => handle(request, response));
  const port = await listenOnLoopback(server);
  handle = createRelayHandler({ port, log: () => {} });
  return port;
}

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
 * A server in a child process of its own, once it listens. Its standard output is a pipe that
 * this process reads as fast as it comes, as a terminal would (there is no terminal to use here).
 */
export function startChild(kind: ServerKind, logFile?: string): Promise<Child> {
  return new Promise((resolve, reject) => {
    // fork keeps this process's execArgv, so the child runs under tsx as well.
    const child = fork(CHILD_MODULE, [kind, ...(logFile ? [logFile] : [])], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let stdoutBytes = 0;
    let stdoutLines = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) stdoutLines++;
    });
    const timer = setTimeout(
      () => reject(new Error(`The ${kind} server did not start within 30 s.`)),
      30_000,
    );
    child.once('message', (message: { port?: number; error?: string }) => {
      clearTimeout(timer);
      if (message.port === undefined)
        return reject(new Error(`The ${kind} server failed: ${message.error}`));
      const started = {
        kind,
        port: message.port,
        process: child,
        get stdoutBytes() {
          return stdoutBytes;
        },
        get stdoutLines() {
          return stdoutLines;
        },
      };
      children.push(started);
      resolve(started);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The ${kind} server exited (code ${code}) before it listened.`));
    });
  });
}

export function stopChildren(): void {
  for (const child of children.splice(0)) child.process.kill();
}

/** A child's CPU time so far (user + system), in microseconds. */
export function childCpu(child: Child): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The ${child.kind} server did not report its CPU time.`)),
      5000,
    );
    child.process.once('message', (message: { cpu?: number }) => {
      clearTimeout(timer);
      resolve(message.cpu ?? NaN);
    });
    child.process.send({ type: 'cpu' });
  });
}
