// How much latency the relay adds in front of the local API Gateway: the same signed requests,
// one at a time, straight to the gateway and through the relay, in alternating rounds.
import { Agent } from 'node:http';
import type { RelayRequest } from '../src/transport/relayProtocol';
import { startChild } from './benchServers';
import {
  latencies,
  pass,
  ROUNDS,
  roundOrders,
  send,
  type PreparedRequest,
  type Target,
} from './loadGenerator';
import { median, quantile } from './quantiles';

// Issue 15: the relay adds at most 1 ms at the median.
const TARGET_RELAY_P50_MS = 1;

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

/** Measures and prints p50 and p99 latency with and without the relay. */
export async function measureRelay(
  gateway: Target,
  expectedBody: string,
  timing: { warmupMs: number; measureMs: number },
): Promise<void> {
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
      await latencies(target, timing.warmupMs);
      const samples = (await latencies(target, timing.measureMs)).sort((a, b) => a - b);
      p50[key]!.push(quantile(samples, 0.5));
      p99[key]!.push(quantile(samples, 0.99));
    }
  }
  const direct50 = median(p50.direct!);
  const relay50 = median(p50.relay!);
  const direct99 = median(p99.direct!);
  const relay99 = median(p99.relay!);
  const added50 = relay50 - direct50;
  console.log(
    `\nRelay latency (one request at a time, ${timing.measureMs / 1000} s per target and round, ${ROUNDS} rounds, median)`,
  );
  console.log(`  gateway directly         p50 ${ms(direct50)}   p99 ${ms(direct99)}`);
  console.log(`  relay → gateway          p50 ${ms(relay50)}   p99 ${ms(relay99)}`);
  console.log(`  relay adds               p50 ${ms(added50)}   p99 ${ms(relay99 - direct99)}`);
  console.log(
    `  target: relay p50 overhead ≤ ${TARGET_RELAY_P50_MS} ms   ${pass(added50 <= TARGET_RELAY_P50_MS)}`,
  );
}
