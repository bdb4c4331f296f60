/**
 * `npm run bench:gateway`: how many SigV4-verified requests per second the local API Gateway
 * answers over loopback, next to a bare node:http server that answers the same 200 JSON string
 * without verifying anything, and, when server/relay/relayHandler.ts exists, how much latency the
 * relay adds in front of the gateway.
 *
 * Processes. The machine has 2 cores and node serves on one thread, so each server runs in a child
 * process of its own and this process only generates load: on one process the load generator
 * and the server would share one event loop, and the generator's own work (building requests,
 * parsing answers) would be charged to the server. With one server child busy at a time, it gets
 * a core and the generator the other, the same for the gateway and the bare server. On this
 * machine one node client tops out around 45-50k answers/s, below what the bare server could
 * answer, so the CPU share of each process and the server's CPU time per answer are printed
 * too: they show which side was the limit, and compare the servers where req/s cannot. The relay
 * measurement needs the relay and the gateway at once, so three processes share the two cores
 * there; it runs one request at a time, where the processes mostly wait on each other.
 *
 * Load. One generator for every target: node's HTTP client with a keep-alive agent and
 * CONCURRENCY requests in flight, for a fixed time after a warm-up that is not counted. Requests
 * are signed before the timing starts (the gateway's clock is pinned to the signing instant, so
 * they stay valid), from a pool of distinct bodies, and every answer must be a 200. Targets take
 * turns, in an order that alternates from round to round, and the result is each target's median
 * over the rounds. The servers' log lines are dropped: what a log costs depends on where it goes.
 *
 * Targets are printed PASS/MISS and never fail the run: the exit code is non-zero only if
 * something breaks (a server that does not start, an answer that is not 200). Everything listens
 * on 127.0.0.1 and stops by itself; a watchdog ends the run if it ever takes too long.
 *
 * BENCH_QUICK=1 runs a much shorter configuration, for trying the harness out.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadGatewayConfig } from '../server/gateway/gatewayConfig';
import { startGateway } from '../server/gateway/gatewayServer';
import { nodeSigningCrypto } from '../server/nodeSigningCrypto';
import { createSigner } from '../src/signing';
import type { RelayRequest } from '../src/transport/relayProtocol';

const QUICK = process.env.BENCH_QUICK === '1';
const CONCURRENCY = 16;
const WARMUP_MS = QUICK ? 200 : 1000;
const MEASURE_MS = QUICK ? 1000 : 5000;
const ROUNDS = 3;
/** The relay latency runs: one request at a time, per target and round. */
const LATENCY_WARMUP_MS = QUICK ? 200 : 500;
const LATENCY_MS = QUICK ? 1000 : 2000;
const WATCHDOG_MS = 240_000;

const TARGET_RATIO = 0.7;
const TARGET_RELAY_P50_MS = 2;
/** Above this share of a core used by other processes during a measurement, say so. */
const OTHERS_WARNING = 0.1;

/** The gateway's pinned clock, and the instant every request is signed at. */
const SIGNED_AT = '2026-01-15T10:20:30Z';
const POOL_SIZE = 64;
const DEMO_ARN = 'arn:aws:iam::850047500507:user/demo';
const RELAY_MODULE = new URL('../server/relay/relayHandler.ts', import.meta.url);

type ServerKind = 'gateway' | 'bare' | 'relay';

// ---------------------------------------------------------------------------------------------
// Child processes: one server each
// ---------------------------------------------------------------------------------------------

/** What the 'hello' integration answers; the bare server answers it too, unverified. */
const helloAnswer = (body: string) => JSON.stringify(`${DEMO_ARN} sent a POST with body: ${body}`);

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

type RelayHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

type RelayFactory = (options: { port: number; log?: (line: string) => void }) => RelayHandler;

async function loadRelayFactory(): Promise<RelayFactory | null> {
  if (!existsSync(RELAY_MODULE)) return null;
  const module = (await import(RELAY_MODULE.href)) as { createRelayHandler?: unknown };
  return typeof module.createRelayHandler === 'function'
    ? (module.createRelayHandler as RelayFactory)
    : null;
}

async function serve(kind: ServerKind): Promise<number> {
  if (kind === 'gateway') {
    const config = { ...loadGatewayConfig(), clock: SIGNED_AT };
    const gateway = await startGateway({ config, port: 0, log: () => {} });
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
  const createRelayHandler = await loadRelayFactory();
  if (!createRelayHandler)
    throw new Error('server/relay/relayHandler.ts exports no createRelayHandler');
  // The relay checks Host and Origin against its own port, which is known once it listens.
  let handle: RelayHandler = (_request, response) => response.writeHead(503).end();
  const server = createServer((request, response) => void handle(request, response));
  const port = await listenOnLoopback(server);
  handle = createRelayHandler({ port, log: () => {} });
  return port;
}

interface Child {
  kind: ServerKind;
  port: number;
  process: ChildProcess;
}

const children: Child[] = [];

function startChild(kind: ServerKind): Promise<Child> {
  return new Promise((resolve, reject) => {
    // fork keeps this process's execArgv, so the child runs under tsx as well.
    const child = fork(fileURLToPath(import.meta.url), ['--serve', kind], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(
      () => reject(new Error(`The ${kind} server did not start within 30 s.`)),
      30_000,
    );
    child.once('message', (message: { port?: number; error?: string }) => {
      clearTimeout(timer);
      if (message.port === undefined)
        return reject(new Error(`The ${kind} server failed: ${message.error}`));
      const started = { kind, port: message.port, process: child };
      children.push(started);
      resolve(started);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The ${kind} server exited (code ${code}) before it listened.`));
    });
  });
}

function stopChildren() {
  for (const child of children.splice(0)) child.process.kill();
}

// ---------------------------------------------------------------------------------------------
// The load generator
// ---------------------------------------------------------------------------------------------

interface PreparedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

interface Target {
  name: string;
  port: number;
  pool: PreparedRequest[];
  /** The server's child process, asked for its CPU time around each measurement. */
  child: Child;
}

/** A child's CPU time so far (user + system), in microseconds. */
function childCpu(child: Child): Promise<number> {
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

const ownCpu = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

interface Measurement {
  perSecond: number;
  /** Share of one core each process used while measured: a generator near 100% is the limit. */
  serverCpu: number;
  generatorCpu: number;
  /** Cores that other processes on the machine used meanwhile: they skew the comparison. */
  othersCpu: number;
}

/** The machine's busy CPU time so far, all cores, in milliseconds (from the kernel's counters). */
const machineBusyMs = () =>
  cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);

/** POST /prod/hello as demo, signed at SIGNED_AT, one distinct body per pool entry. */
async function signPool(port: number): Promise<Array<PreparedRequest & { expected: string }>> {
  const signer = createSigner({ crypto: nodeSigningCrypto });
  const pool: Array<PreparedRequest & { expected: string }> = [];
  const demo = loadGatewayConfig().identities.find((identity) => identity.name === 'demo')!;
  for (let i = 0; i < POOL_SIZE; i++) {
    const body = JSON.stringify({ hello: 'world', request: i });
    const signed = await signer.signRequest({
      method: 'POST',
      url: `http://127.0.0.1:${port}/prod/hello`,
      headers: [['Content-Type', 'application/json']],
      body,
      credentials: { accessKeyId: demo.accessKeyId, secretAccessKey: demo.secretAccessKey },
      region: 'ca-central-1',
      service: 'execute-api',
      signingDate: new Date(SIGNED_AT),
    });
    pool.push({
      method: 'POST',
      path: '/prod/hello',
      headers: Object.fromEntries(signed.headers),
      body: Buffer.from(body),
      expected: helloAnswer(body),
    });
  }
  return pool;
}

interface Answer {
  status: number;
  body: string;
}

function send(
  agent: Agent,
  port: number,
  request: PreparedRequest,
  keepBody: boolean,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => keepBody && chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: keepBody ? Buffer.concat(chunks).toString('utf8') : '',
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** CONCURRENCY workers sending the pool round-robin for `ms`: answers per second, CPU shares. */
async function throughput(target: Target, ms: number): Promise<Measurement> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let answered = 0;
  const serverBefore = await childCpu(target.child);
  const generatorBefore = ownCpu();
  const machineBefore = machineBusyMs();
  const start = performance.now();
  const end = start + ms;
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        for (let i = worker; performance.now() < end; i += CONCURRENCY) {
          const answer = await send(
            agent,
            target.port,
            target.pool[i % target.pool.length]!,
            false,
          );
          if (answer.status !== 200) throw new Error(`${target.name} answered ${answer.status}`);
          answered++;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const elapsedMs = performance.now() - start;
  const machineCpu = (machineBusyMs() - machineBefore) / elapsedMs;
  const generatorCpu = (ownCpu() - generatorBefore) / 1000 / elapsedMs;
  const serverCpu = ((await childCpu(target.child)) - serverBefore) / 1000 / elapsedMs;
  const othersCpu = Math.max(0, machineCpu - generatorCpu - serverCpu);
  return { perSecond: answered / (elapsedMs / 1000), serverCpu, generatorCpu, othersCpu };
}

/** One request at a time for `ms`; each one's latency in milliseconds. */
async function latencies(target: Target, ms: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  const end = performance.now() + ms;
  try {
    for (let i = 0; performance.now() < end; i++) {
      const started = performance.now();
      const answer = await send(agent, target.port, target.pool[i % target.pool.length]!, true);
      samples.push(performance.now() - started);
      if (answer.status !== 200)
        throw new Error(`${target.name} answered ${answer.status}: ${answer.body}`);
    }
  } finally {
    agent.destroy();
  }
  return samples;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const percentile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

/** Rounds in alternating order (A B, B A, A B, ...), so neither target always goes first. */
function roundOrders<T>(targets: readonly T[]): T[][] {
  return Array.from({ length: ROUNDS }, (_, round) =>
    round % 2 === 0 ? [...targets] : [...targets].reverse(),
  );
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const percent = (share: number) => `${Math.round(share * 100)}%`;
const rate = (value: number) => Math.round(value).toLocaleString('en-US').padStart(8);
const ms = (value: number) => `${value.toFixed(3)} ms`;

/** The relay's body for one signed gateway request. */
function viaRelay(
  gatewayPort: number,
  relayPort: number,
  request: PreparedRequest,
): PreparedRequest {
  const relayed: RelayRequest = {
    method: request.method,
    url: `http://127.0.0.1:${gatewayPort}${request.path}`,
    headers: Object.entries(request.headers),
    bodyBase64: request.body.toString('base64'),
  };
  const origin = `http://127.0.0.1:${relayPort}`;
  return {
    method: 'POST',
    path: '/relay',
    headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${relayPort}`, Origin: origin },
    body: Buffer.from(JSON.stringify(relayed)),
  };
}

async function measureRelay(gateway: Target, expectedBody: string): Promise<void> {
  const relayChild = await startChild('relay');
  const relay: Target = {
    name: 'relay → gateway',
    port: relayChild.port,
    child: relayChild,
    pool: gateway.pool.map((request) => viaRelay(gateway.port, relayChild.port, request)),
  };
  // The relay must carry the gateway's own answer back.
  const check = await send(new Agent(), relay.port, relay.pool[0]!, true);
  const relayed = (check.status === 200 ? JSON.parse(check.body) : null) as {
    kind?: string;
    status?: number;
    bodyBase64?: string;
  } | null;
  const carried = Buffer.from(relayed?.bodyBase64 ?? '', 'base64').toString('utf8');
  if (relayed?.kind !== 'response' || relayed.status !== 200 || carried !== expectedBody) {
    throw new Error(
      `The relay did not carry the request to the gateway: ${check.status} ${check.body}`,
    );
  }

  const p50: Record<string, number[]> = { direct: [], relay: [] };
  const p99: Record<string, number[]> = { direct: [], relay: [] };
  for (const order of roundOrders([
    ['direct', gateway],
    ['relay', relay],
  ] as const)) {
    for (const [key, target] of order) {
      await latencies(target, LATENCY_WARMUP_MS);
      const samples = await latencies(target, LATENCY_MS);
      p50[key]!.push(percentile(samples, 0.5));
      p99[key]!.push(percentile(samples, 0.99));
    }
  }
  const direct50 = median(p50.direct!);
  const relay50 = median(p50.relay!);
  const direct99 = median(p99.direct!);
  const relay99 = median(p99.relay!);
  const added50 = relay50 - direct50;
  console.log(
    `\nRelay latency (one request at a time, ${LATENCY_MS / 1000} s per target and round, ${ROUNDS} rounds, median)`,
  );
  console.log(`  gateway directly         p50 ${ms(direct50)}   p99 ${ms(direct99)}`);
  console.log(`  relay → gateway          p50 ${ms(relay50)}   p99 ${ms(relay99)}`);
  console.log(`  relay adds               p50 ${ms(added50)}   p99 ${ms(relay99 - direct99)}`);
  console.log(
    `  target: relay p50 overhead ≤ ${TARGET_RELAY_P50_MS} ms   ${pass(added50 <= TARGET_RELAY_P50_MS)}`,
  );
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench:gateway took longer than ${WATCHDOG_MS / 1000} s; stopping.`);
    stopChildren();
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();

  console.log(
    `Local API Gateway benchmark: node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'})${QUICK ? ', QUICK' : ''}`,
  );
  const [gatewayChild, bareChild] = [await startChild('gateway'), await startChild('bare')];
  const gatewayPool = await signPool(gatewayChild.port);
  const gateway: Target = {
    name: 'gateway (SigV4 verified)',
    port: gatewayChild.port,
    pool: gatewayPool,
    child: gatewayChild,
  };
  const bare: Target = {
    name: 'bare node:http',
    port: bareChild.port,
    pool: gatewayPool,
    child: bareChild,
  };

  // Both must give the same answer to the same request before their speeds are compared.
  for (const target of [gateway, bare]) {
    const answer = await send(new Agent(), target.port, gatewayPool[0]!, true);
    if (answer.status !== 200 || answer.body !== gatewayPool[0]!.expected) {
      throw new Error(
        `${target.name} answered ${answer.status} ${answer.body}, not ${gatewayPool[0]!.expected}`,
      );
    }
  }

  const results = new Map<Target, Measurement[]>([
    [bare, []],
    [gateway, []],
  ]);
  for (const order of roundOrders([gateway, bare])) {
    for (const target of order) {
      await throughput(target, WARMUP_MS);
      results.get(target)!.push(await throughput(target, MEASURE_MS));
    }
  }

  console.log(
    `\nThroughput (POST /prod/hello, ${CONCURRENCY} in flight, keep-alive, ${MEASURE_MS / 1000} s per target after ${WARMUP_MS / 1000} s warm-up, ${ROUNDS} rounds, median)`,
  );
  const rates = (target: Target) => results.get(target)!.map((m) => m.perSecond);
  const medianOf = (target: Target, pick: (m: Measurement) => number) =>
    median(results.get(target)!.map(pick));
  for (const target of results.keys()) {
    const rounds = rates(target).map(Math.round).join(', ');
    const cpu = [
      `server ${percent(medianOf(target, (m) => m.serverCpu))}`,
      `load generator ${percent(medianOf(target, (m) => m.generatorCpu))}`,
      `other processes ${percent(medianOf(target, (m) => m.othersCpu))}`,
    ].join(', ');
    console.log(
      `  ${target.name.padEnd(26)} ${rate(median(rates(target)))} req/s   rounds: ${rounds}   CPU: ${cpu}`,
    );
  }
  const ratio = median(rates(gateway)) / median(rates(bare));
  const verdict = pass(ratio >= TARGET_RATIO);
  console.log(
    `  ratio gateway/bare: ${ratio.toFixed(2)}×   target ≥ ${TARGET_RATIO}×   ${verdict}`,
  );
  // A generator near 100% of its core is the limit, not the server it loads, and then the req/s
  // ratio flatters the slower server. Server CPU time per answer compares the two regardless.
  const cpuPerAnswer = (target: Target) =>
    medianOf(target, (m) => (m.serverCpu * 1e6) / m.perSecond);
  const costRatio = cpuPerAnswer(bare) / cpuPerAnswer(gateway);
  console.log(
    `  server CPU per answer: bare ${cpuPerAnswer(bare).toFixed(1)} µs, gateway ${cpuPerAnswer(gateway).toFixed(1)} µs` +
      ` → CPU-bound ratio ${costRatio.toFixed(2)}× (for information; the target is on req/s)`,
  );

  const busiest = Math.max(...[...results.values()].flat().map((m) => m.othersCpu));
  if (busiest > OTHERS_WARNING) {
    console.log(
      `  note: other processes used up to ${percent(busiest)} of a core during a measurement; req/s ` +
        'is skewed then, CPU per answer much less so. Run again on a quiet machine to compare.',
    );
  }

  if (await loadRelayFactory()) await measureRelay(gateway, gatewayPool[0]!.expected);
  else
    console.log(
      '\nrelay: not available (server/relay/relayHandler.ts with createRelayHandler not found)',
    );
}

if (process.argv[2] === '--serve') {
  const kind = process.argv[3] as ServerKind;
  // A server child lives only as long as the benchmark that started it.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: { type?: string }) => {
    if (message.type !== 'cpu') return;
    const usage = process.cpuUsage();
    process.send!({ cpu: usage.user + usage.system });
  });
  serve(kind).then(
    (port) => process.send!({ port }),
    (error: Error) => {
      process.send!({ error: error.message });
      process.exit(1);
    },
  );
} else {
  main()
    .catch((error: Error) => {
      console.error(`bench:gateway failed: ${error.message}`);
      process.exitCode = 1;
    })
    .finally(stopChildren);
}
