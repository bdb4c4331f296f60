// bench:gateway's load generator: node's HTTP client with a keep-alive agent, requests signed
// before the timing starts, throughput with CONCURRENCY requests in flight or latency one at a
// time, and the CPU share of every process while it ran.
import { Agent, request as httpRequest } from 'node:http';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadGatewayConfig } from '../server/gateway/gatewayConfig';
import { nodeSigningCrypto } from '../server/nodeSigningCrypto';
import { createSigner } from '../src/signing';
import { childCpu, helloAnswer, SIGNED_AT, type Child } from './benchServers';

export const CONCURRENCY = 16;
export const ROUNDS = 3;
const POOL_SIZE = 64;

export interface PreparedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Target {
  name: string;
  port: number;
  pool: PreparedRequest[];
  /** The server's child process, asked for its CPU time around each measurement. */
  child: Child;
}

export interface Measurement {
  perSecond: number;
  /** Share of one core each process used while measured: a generator near 100% is the limit. */
  serverCpu: number;
  generatorCpu: number;
  /** Cores that other processes on the machine used meanwhile: they skew the comparison. */
  othersCpu: number;
}

const ownCpu = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

/** The machine's busy CPU time so far, all cores, in milliseconds (from the kernel's counters). */
const machineBusyMs = () =>
  cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);

/** POST /prod/hello as demo, signed at SIGNED_AT, one distinct body per pool entry. */
export async function signPool(
  port: number,
): Promise<Array<PreparedRequest & { expected: string }>> {
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

export interface Answer {
  status: number;
  body: string;
}

export function send(
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * CONCURRENCY workers sending the pool round-robin for `ms`: answers per second, CPU shares.
 * As fast as the server answers; or, with `rate`, request n is not sent before n / rate seconds
 * from the start (timers tick in milliseconds, so requests leave in small bursts each tick).
 */
export async function throughput(target: Target, ms: number, rate?: number): Promise<Measurement> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let answered = 0;
  let sent = 0;
  const serverBefore = childCpu(target.child);
  const generatorBefore = ownCpu();
  const machineBefore = machineBusyMs();
  const start = performance.now();
  const end = start + ms;
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (;;) {
          const i = sent++;
          if (rate !== undefined) {
            const wait = start + (i * 1000) / rate - performance.now();
            if (wait > 0) await sleep(wait);
          }
          if (performance.now() >= end) break;
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
  const serverCpu = (childCpu(target.child) - serverBefore) / 1000 / elapsedMs;
  const othersCpu = Math.max(0, machineCpu - generatorCpu - serverCpu);
  return { perSecond: answered / (elapsedMs / 1000), serverCpu, generatorCpu, othersCpu };
}

/** One request at a time for `ms`; each one's latency in milliseconds. */
export async function latencies(target: Target, ms: number): Promise<number[]> {
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

/** Rounds in alternating order (A B, B A, A B, ...), so neither target always goes first. */
export function roundOrders<T>(targets: readonly T[]): T[][] {
  return Array.from({ length: ROUNDS }, (_, round) =>
    round % 2 === 0 ? [...targets] : [...targets].reverse(),
  );
}

export const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');
