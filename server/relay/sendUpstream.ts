// Sending a prepared target on with node:http(s) and reading the whole answer, with the timings
// the page shows. Header lines go to node:http as a flat array (the rawHeaders format), so names
// keep their case, lines keep their order and repeated names stay separate lines. Connections are
// reused (upstreamAgents.ts): Node appends `Connection: keep-alive` unless the page sent its own
// Connection header; it is never signed.
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { RelayResponse, RelayTimings } from '../../src/transport/relayProtocol';
import { ResponseTooLarge, UpstreamTimeout } from './classifyUpstreamError';
import { RelayError } from './relayError';
import type { Target } from './prepareTarget';
import type { UpstreamAgents } from './upstreamAgents';

/**
 * Errors of a reused connection that the target closed while the request was on its way: the
 * target never read the request, so it is sent again on a fresh connection, as browsers do.
 */
const CLOSED_BEFORE_ANSWER = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

const roundMs = (ms: number) => Math.round(ms * 10) / 10;

/**
 * The target's answer, or the error that ended the attempt (Node's own, UpstreamTimeout,
 * ResponseTooLarge, or a RelayError for an upgrade) for classifyUpstreamError to explain.
 * `onRequest` receives the outgoing request, so the caller can destroy it when the page goes away.
 * Without `agents`, a fresh connection per request, closed after the answer.
 */
export async function sendUpstream(
  target: Target,
  maxResponseBytes: number,
  onRequest: (request: ClientRequest) => void,
  agents?: UpstreamAgents,
): Promise<RelayResponse> {
  const agent = agents === undefined ? false : target.secure ? agents.https : agents.http;
  try {
    return await attempt(target, maxResponseBytes, onRequest, agent);
  } catch (error) {
    if (!(error instanceof ReusedConnectionClosed)) throw error;
    return attempt(target, maxResponseBytes, onRequest, false);
  }
}

/** A reused connection closed before any answer: safe to send again (CLOSED_BEFORE_ANSWER). */
class ReusedConnectionClosed extends Error {}

function attempt(
  target: Target,
  maxResponseBytes: number,
  onRequest: (request: ClientRequest) => void,
  agent: UpstreamAgents['http'] | UpstreamAgents['https'] | false,
): Promise<RelayResponse> {
  const started = performance.now();
  const since = () => roundMs(performance.now() - started);
  const timings: Partial<RelayTimings> = {};
  return new Promise((resolve, reject) => {
    let upstream: ClientRequest | undefined;
    let socket: Socket | undefined;
    let settled = false;
    let answered = false;
    const finish = (error: Error | null, response?: RelayResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // After a complete answer, a pooled connection goes back to its agent for the next request;
      // after anything else (and without an agent) it is closed.
      if (error || agent === false) {
        upstream?.destroy();
        socket?.destroy();
      }
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (error && upstream?.reusedSocket && !answered && code && CLOSED_BEFORE_ANSWER.has(code))
        reject(new ReusedConnectionClosed(error.message));
      else if (error) reject(error);
      else resolve(response!);
    };
    const timer = setTimeout(() => {
      const error = new UpstreamTimeout('timeout');
      upstream?.destroy(error);
      finish(error);
    }, target.timeoutMs);

    try {
      upstream = (target.secure ? httpsRequest : httpRequest)({
        method: target.method,
        host: target.hostname,
        port: target.port,
        path: target.requestTarget,
        // The rawHeaders format: names keep their case, order and repetitions.
        headers: target.headers.flat(),
        setHost: false,
        agent,
        insecureHTTPParser: false,
      });
    } catch (error) {
      finish(error as Error);
      return;
    }
    onRequest(upstream);
    upstream.on('socket', (opened: Socket) => {
      socket = opened;
      // A reused connection has no lookup, connect or handshake to time (and listeners added
      // to it for them would pile up, one per request).
      if (opened.connecting) {
        opened.once('lookup', () => (timings.dnsMs = since()));
        opened.once('connect', () => (timings.connectMs = since()));
        opened.once('secureConnect', () => (timings.tlsMs = since()));
      }
      opened.prependOnceListener('data', () => (timings.firstByteMs ??= since()));
    });
    upstream.on('error', (error) => finish(error));
    upstream.on('upgrade', () =>
      finish(
        new RelayError(
          'network',
          502,
          'The target switched protocols (101, for example to WebSocket), which the relay cannot carry; leave out the Upgrade header.',
          'UPGRADE',
        ),
      ),
    );
    upstream.on('response', (response: IncomingMessage) => {
      answered = true;
      timings.firstByteMs ??= since();
      const chunks: Buffer[] = [];
      let length = 0;
      response.on('data', (chunk: Buffer) => {
        length += chunk.length;
        if (length > maxResponseBytes) finish(new ResponseTooLarge('too large'));
        else chunks.push(chunk);
      });
      response.on('error', (error) => finish(error));
      response.on('end', () => {
        const headers: Array<[string, string]> = [];
        const raw = response.rawHeaders;
        for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i]!, raw[i + 1]!]);
        finish(null, {
          kind: 'response',
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers,
          bodyBase64: Buffer.concat(chunks, length).toString('base64'),
          timings: { ...timings, firstByteMs: timings.firstByteMs ?? since(), totalMs: since() },
        });
      });
    });
    upstream.end(target.body);
  });
}
