// Sending a prepared target on with node:http(s) and reading the whole answer, with the timings
// the page shows. Header lines go to node:http as a flat array (the rawHeaders format), so names
// keep their case, lines keep their order and repeated names stay separate lines. Node appends
// `Connection: close` (a fresh connection per request) unless the page sent its own Connection
// header; it is never signed.
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { RelayResponse, RelayTimings } from '../../src/transport/relayProtocol';
import { ResponseTooLarge, UpstreamTimeout } from './classifyUpstreamError';
import { RelayError } from './relayError';
import type { Target } from './prepareTarget';

const roundMs = (ms: number) => Math.round(ms * 10) / 10;

/**
 * The target's answer, or the error that ended the attempt (Node's own, UpstreamTimeout,
 * ResponseTooLarge, or a RelayError for an upgrade) for classifyUpstreamError to explain.
 * `onRequest` receives the outgoing request, so the caller can destroy it when the page goes away.
 */
export function sendUpstream(
  target: Target,
  maxResponseBytes: number,
  onRequest: (request: ClientRequest) => void,
): Promise<RelayResponse> {
  const started = performance.now();
  const since = () => roundMs(performance.now() - started);
  const timings: Partial<RelayTimings> = {};
  return new Promise((resolve, reject) => {
    let upstream: ClientRequest | undefined;
    let socket: Socket | undefined;
    let settled = false;
    const finish = (error: Error | null, response?: RelayResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // A fresh connection per request; never left open for reuse.
      upstream?.destroy();
      socket?.destroy();
      if (error) reject(error);
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
        agent: false,
        insecureHTTPParser: false,
      });
    } catch (error) {
      finish(error as Error);
      return;
    }
    onRequest(upstream);
    upstream.on('socket', (opened: Socket) => {
      socket = opened;
      opened.once('lookup', () => (timings.dnsMs = since()));
      opened.once('connect', () => (timings.connectMs = since()));
      opened.once('secureConnect', () => (timings.tlsMs = since()));
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
