// The relay against real servers on 127.0.0.1 (random ports): the local API Gateway with an echo
// route for byte-exactness, and small hand-made servers for every way a target can fail.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestListener,
  type Server,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigner } from '../../src/signing';
import {
  RELAY_HEADER,
  RELAY_PATH,
  type RelayFailure,
  type RelayRequest,
  type RelayResponse,
  type RelayResult,
} from '../../src/transport/relayProtocol';
import { chromiumExecutablePath, chromiumLaunchOptions } from '../../test-support/browser/chromium';
import type { GatewayConfig } from '../gateway/gatewayConfig';
import { loadGatewayConfig, parseGatewayConfig } from '../gateway/gatewayConfig';
import { startGateway, type RunningServer } from '../gateway/gatewayServer';
import { nodeSigningCrypto } from '../nodeSigningCrypto';
import { classifyUpstreamError } from './classifyUpstreamError';
import { createRelayHandler, type RelayHandlerOptions } from './relayHandler';

// ---------------------------------------------------------------------------------------------
// Servers

/** Everything a test starts, closed in afterAll even when the test fails. */
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function listenOn(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server | ReturnType<typeof createNetServer>): Promise<void> {
  return new Promise((resolve) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close(() => resolve());
  });
}

interface Relay {
  port: number;
  host: string;
  origin: string;
  lines: string[];
}

/** The relay mounted at RELAY_PATH on a server that also serves a blank page (the "app"). */
async function startRelay(options: Partial<RelayHandlerOptions> = {}): Promise<Relay> {
  const lines: string[] = [];
  let port = 0;
  const handler = createRelayHandler({
    port: () => port,
    log: (line) => lines.push(line),
    ...options,
  });
  const server = createServer((req, res) => {
    if (req.url === RELAY_PATH) return handler(req, res);
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><meta charset="utf-8"><title>app</title>');
  });
  port = await listenOn(server);
  cleanups.push(() => closeServer(server));
  return { port, host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, lines };
}

/** A plain HTTP server for one test; `requests` counts what reached it. */
async function startTarget(listener: RequestListener): Promise<{ url: string; requests: number }> {
  const state = { url: '', requests: 0 };
  const server = createServer((req, res) => {
    state.requests += 1;
    listener(req, res);
  });
  state.url = `http://127.0.0.1:${await listenOn(server)}`;
  cleanups.push(() => closeServer(server));
  return state;
}

/** A TCP server that does `onSocket` with every connection (for targets that misbehave). */
async function startTcp(onSocket: (socket: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  const port = await listenOn(server);
  cleanups.push(() => {
    for (const socket of sockets) socket.destroy();
    return closeServer(server);
  });
  return port;
}

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  const port = await listenOn(server);
  await closeServer(server);
  return port;
}

// ---------------------------------------------------------------------------------------------
// Calling the relay the way the page does, with full control over Host and Origin

interface RelayCall {
  status: number;
  headers: IncomingHttpHeaders;
  result: RelayResult;
}

interface CallOptions {
  /** Default: the relay's own origin; null sends no Origin. */
  origin?: string | null;
  /** Default: the relay's own 127.0.0.1:PORT. */
  host?: string;
  method?: string;
  /** Default: application/json; null sends none. */
  contentType?: string | null;
  /** Sent as they are, after the others (Sec-Fetch-Site, ...). */
  extraHeaders?: Array<[string, string]>;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function callRelay(
  relay: Relay,
  body: RelayRequest | string | Buffer,
  options: CallOptions = {},
): Promise<RelayCall> {
  const payload =
    typeof body === 'string' || Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  const headers: string[] = ['Host', options.host ?? relay.host];
  const origin = options.origin === undefined ? relay.origin : options.origin;
  if (origin !== null) headers.push('Origin', origin);
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (contentType !== null) headers.push('Content-Type', contentType);
  headers.push('Content-Length', String(payload.length));
  for (const [name, value] of options.extraHeaders ?? []) headers.push(name, value);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: relay.port,
        method: options.method ?? 'POST',
        path: RELAY_PATH,
        headers,
        setHost: false,
        agent: false,
      },
      (res) => {
        readAll(res).then((data) => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            result: JSON.parse(data.toString('utf8')) as RelayResult,
          });
        }, reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function expectResponse(call: RelayCall): RelayResponse {
  expect(call.status, JSON.stringify(call.result)).toBe(200);
  expect(call.headers[RELAY_HEADER]).toBe('1');
  expect(call.headers['cache-control']).toBe('no-store');
  expect(call.result.kind).toBe('response');
  return call.result as RelayResponse;
}

function expectFailure(call: RelayCall, status: number, type: string): RelayFailure['error'] {
  expect(call.result.kind, JSON.stringify(call.result)).toBe('failure');
  const { error } = call.result as RelayFailure;
  expect(error.type, error.message).toBe(type);
  expect(call.status).toBe(status);
  expect(call.headers[RELAY_HEADER]).toBe('1');
  expect(call.headers['cache-control']).toBe('no-store');
  // One plain sentence, never Node's stack or an empty text.
  expect(error.message).toMatch(/^[A-Z"].+[.?]$/s);
  return error;
}

const header = (pairs: Array<[string, string]>, name: string) =>
  pairs.find(([key]) => key.toLowerCase() === name.toLowerCase());

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

// ---------------------------------------------------------------------------------------------
// The gateway with an echo route, and requests signed for it

const SIGNING_DATE = new Date('2025-06-01T12:00:00Z');
/** Bytes that are not UTF-8: a lone continuation byte, an overlong form, NUL, CR LF, 0xFF. */
const BINARY_BODY = new Uint8Array([
  0xff, 0xfe, 0x80, 0x00, 0xc0, 0xaf, 0x0d, 0x0a, 0xc3, 0x28, 0x7f,
]);

interface EchoBody {
  caller: string;
  method: string;
  target: string;
  headers: Array<[string, string]>;
  bodyBase64: string;
}

let gateway: RunningServer;
let gatewayConfig: GatewayConfig;
const signer = createSigner({ crypto: nodeSigningCrypto });

beforeAll(async () => {
  const defaults = loadGatewayConfig();
  gatewayConfig = parseGatewayConfig({
    ...defaults,
    stage: 'prod',
    clock: null,
    routes: [{ method: 'ANY', path: '/{proxy+}', handler: 'echo' }],
  });
  gateway = await startGateway({
    config: gatewayConfig,
    port: 0,
    log: () => {},
    now: () => SIGNING_DATE.getTime(),
  });
  cleanups.push(() => gateway.close());
});

function identity(name: string) {
  const found = gatewayConfig.identities.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No identity ${name} in gateway.config.json`);
  return found;
}

async function signedRelayRequest(
  options: {
    method?: string;
    path?: string;
    headers?: Array<[string, string]>;
    body?: Uint8Array;
    identity?: string;
    secret?: string;
  } = {},
): Promise<RelayRequest> {
  const who = identity(options.identity ?? 'demo');
  const signed = await signer.signRequest({
    method: options.method ?? 'POST',
    url: `${gateway.url}${options.path ?? '/prod/hello'}`,
    headers: options.headers ?? [],
    body: options.body ?? new Uint8Array(),
    credentials: {
      accessKeyId: who.accessKeyId,
      secretAccessKey: options.secret ?? who.secretAccessKey,
      ...(who.sessionToken ? { sessionToken: who.sessionToken } : {}),
    },
    region: gatewayConfig.region,
    service: gatewayConfig.service,
    signingDate: SIGNING_DATE,
  });
  return {
    method: options.method ?? 'POST',
    url: signed.url,
    headers: signed.headers,
    bodyBase64: b64(options.body ?? new Uint8Array()),
  };
}

// ---------------------------------------------------------------------------------------------

describe('carrying a signed request byte-exactly', () => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await startRelay();
  });

  it('sends the raw target, header lines and body bytes exactly as signed, and the gateway accepts them', async () => {
    const path = '/prod/items/a%20b/c+d/%7Euser?b=1+2&a=x&a=y&a=&flag&sp=%20';
    const relayRequest = await signedRelayRequest({
      path,
      headers: [
        // Host as a real API's, not the URL's: the relay must not derive it from the URL.
        ['Host', '42mydti3lg.execute-api.ca-central-1.amazonaws.com'],
        ['Content-Type', 'application/octet-stream'],
        ['X-Custom-Thing', 'one'],
        ['x-custom-thing', 'two'],
        ['X-CASE-Kept', 'value'],
      ],
      body: BINARY_BODY,
    });
    const response = expectResponse(await callRelay(relay, relayRequest));
    expect(response.status).toBe(200);
    expect(response.statusText).toBe('OK');
    const echo = JSON.parse(Buffer.from(response.bodyBase64, 'base64').toString()) as EchoBody;
    expect(echo.caller).toBe(identity('demo').arn);
    expect(echo.method).toBe('POST');
    expect(echo.target).toBe(path);
    // Every line as given, in order, names in their case, repeats kept; then what the relay and
    // Node add: the body's length (the page gave none) and Node's Connection: close.
    expect(echo.headers).toEqual([
      ...relayRequest.headers,
      ['Content-Length', String(BINARY_BODY.length)],
      ['Connection', 'close'],
    ]);
    expect(echo.headers[0]).toEqual(['Host', '42mydti3lg.execute-api.ca-central-1.amazonaws.com']);
    expect(echo.bodyBase64).toBe(b64(BINARY_BODY));

    // The gateway's own header lines come back as sent, with timings from the socket.
    expect(header(response.headers, 'x-amzn-RequestId')?.[0]).toBe('x-amzn-RequestId');
    expect(response.timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(response.timings.dnsMs).toBeUndefined(); // an IP literal needs no lookup
    expect(response.timings.tlsMs).toBeUndefined();
    expect(response.timings.firstByteMs).toBeGreaterThanOrEqual(response.timings.connectMs!);
    expect(response.timings.totalMs).toBeGreaterThanOrEqual(response.timings.firstByteMs);
  });

  it('puts exactly these bytes on the wire: request line, header lines, body', async () => {
    let received = Buffer.alloc(0);
    const port = await startTcp((socket) => {
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        const headEnd = received.indexOf('\r\n\r\n');
        if (headEnd >= 0 && received.length >= headEnd + 4 + 3) {
          socket.end('HTTP/1.1 204 No Content\r\n\r\n');
        }
      });
    });
    const response = expectResponse(
      await callRelay(relay, {
        method: 'PATCH',
        url: `http://user:pw@127.0.0.1:${port}/a%2Fb/./../%7e/c+d?x=1+2&x=3&=&%zz#fragment`,
        headers: [
          ['HOST', 'Example.COM:8080'],
          ['x-amz-date', '20250601T120000Z'],
          ['X-Padded', '  two  spaces  '],
          ['X-Tab', '\tvalue\t'],
          ['X-Empty', ''],
          ['X-Latin1', 'caf\u00e9'],
          ['x-dup', 'a'],
          ['X-Dup', 'b'],
          ['x-dup', 'a'],
        ],
        bodyBase64: b64(new Uint8Array([0x00, 0xff, 0x0a])),
      }),
    );
    expect(response.status).toBe(204);
    expect(received.toString('latin1')).toBe(
      [
        'PATCH /a%2Fb/./../%7e/c+d?x=1+2&x=3&=&%zz HTTP/1.1',
        'HOST: Example.COM:8080',
        'x-amz-date: 20250601T120000Z',
        'X-Padded:   two  spaces  ',
        'X-Tab: \tvalue\t',
        'X-Empty: ',
        'X-Latin1: caf\u00e9',
        'x-dup: a',
        'X-Dup: b',
        'x-dup: a',
        'Content-Length: 3',
        'Connection: close',
        '',
        '\u0000\u00ff\n',
      ].join('\r\n'),
    );
  });

  it("keeps the page's own Content-Length and Connection lines instead of adding them", async () => {
    const relayRequest = await signedRelayRequest({
      headers: [
        ['content-length', String(BINARY_BODY.length)],
        ['connection', 'keep-alive'],
      ],
      body: BINARY_BODY,
    });
    const response = expectResponse(await callRelay(relay, relayRequest));
    const echo = JSON.parse(Buffer.from(response.bodyBase64, 'base64').toString()) as EchoBody;
    expect(response.status).toBe(200);
    expect(echo.headers).toEqual(relayRequest.headers);
  });

  it('adds the Host a browser would send when the page gives none', async () => {
    const relayRequest = await signedRelayRequest({ identity: 'temp' });
    const withoutHost = relayRequest.headers.filter(([name]) => name.toLowerCase() !== 'host');
    const target = await startTarget((req, res) => {
      res.end(JSON.stringify(req.rawHeaders));
    });
    const response = expectResponse(
      await callRelay(relay, { ...relayRequest, url: `${target.url}/x`, headers: withoutHost }),
    );
    const raw = JSON.parse(Buffer.from(response.bodyBase64, 'base64').toString()) as string[];
    expect(raw.slice(0, 2)).toEqual(['Host', target.url.slice('http://'.length)]);
  });

  it('sends GET without a body and without Content-Length, like a browser', async () => {
    const relayRequest = await signedRelayRequest({ method: 'GET', identity: 'temp' });
    const response = expectResponse(await callRelay(relay, relayRequest));
    const echo = JSON.parse(Buffer.from(response.bodyBase64, 'base64').toString()) as EchoBody;
    expect(response.status).toBe(200);
    expect(echo.headers).toEqual([...relayRequest.headers, ['Connection', 'close']]);
  });

  it("returns the gateway's 403 (wrong secret) as a response, with x-amzn-ErrorType intact", async () => {
    const relayRequest = await signedRelayRequest({ secret: 'not-the-secret', body: BINARY_BODY });
    const response = expectResponse(await callRelay(relay, relayRequest));
    expect(response.status).toBe(403);
    expect(response.statusText).toBe('Forbidden');
    expect(header(response.headers, 'x-amzn-ErrorType')).toEqual([
      'x-amzn-ErrorType',
      'InvalidSignatureException',
    ]);
    const body = JSON.parse(Buffer.from(response.bodyBase64, 'base64').toString()) as {
      message: string;
    };
    expect(body.message).toMatch(/signature we calculated does not match/);
  });

  it('logs one line per request with no header, query, token or body', async () => {
    const before = relay.lines.length;
    const relayRequest = await signedRelayRequest({
      identity: 'temp',
      path: '/prod/secret-path?X-Query-Secret=hush',
      body: new TextEncoder().encode('body-secret'),
    });
    expectResponse(await callRelay(relay, relayRequest));
    const lines = relay.lines.slice(before);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatch(/^relay POST http:\/\/127\.0\.0\.1:\d+\/prod\/secret-path 200 \d+ms$/);
    const authorization = header(relayRequest.headers, 'authorization')![1];
    const token = identity('temp').sessionToken!;
    for (const secret of [authorization, authorization.slice(-64), token, 'hush', 'body-secret']) {
      expect(line).not.toContain(secret);
    }
  });

  it('returns a redirect as it is, without following it', async () => {
    const target = await startTarget((_req, res) => {
      res.writeHead(302, { Location: '/elsewhere', 'X-From': 'target' });
      res.end('moved');
    });
    const response = expectResponse(
      await callRelay(relay, { method: 'GET', url: `${target.url}/start`, headers: [] }),
    );
    expect(response.status).toBe(302);
    expect(response.statusText).toBe('Found');
    expect(header(response.headers, 'Location')).toEqual(['Location', '/elsewhere']);
    expect(Buffer.from(response.bodyBase64, 'base64').toString()).toBe('moved');
    expect(target.requests).toBe(1);
  });

  it('returns duplicate and oddly cased response header lines as the target sent them', async () => {
    const port = await startTcp((socket) => {
      socket.once('data', () => {
        socket.end(
          'HTTP/1.1 418 Short And Stout\r\nX-Dup: 1\r\nx-dup: 2\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 3\r\n\r\n\u00ff\u0000\u0080',
          'latin1',
        );
      });
    });
    const response = expectResponse(
      await callRelay(relay, { method: 'GET', url: `http://127.0.0.1:${port}/`, headers: [] }),
    );
    expect(response.status).toBe(418);
    expect(response.statusText).toBe('Short And Stout');
    expect(response.headers).toEqual([
      ['X-Dup', '1'],
      ['x-dup', '2'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
      ['Content-Length', '3'],
    ]);
    expect(response.bodyBase64).toBe(b64(new Uint8Array([0xff, 0x00, 0x80])));
  });
});

describe('who may use the relay', () => {
  let relay: Relay;
  let target: { url: string; requests: number };
  let request: RelayRequest;
  beforeAll(async () => {
    relay = await startRelay();
    target = await startTarget((_req, res) => res.end('ok'));
    request = { method: 'GET', url: `${target.url}/`, headers: [] };
  });

  it('answers its own page on 127.0.0.1 and localhost', async () => {
    expectResponse(await callRelay(relay, request));
    expectResponse(
      await callRelay(relay, request, {
        host: `localhost:${relay.port}`,
        origin: `http://localhost:${relay.port}`,
      }),
    );
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another port', 'http://127.0.0.1:1'],
    ['https on the same host', 'https://127.0.0.1:PORT'],
    ['an opaque origin', 'null'],
    ['no Origin at all', null],
  ])('refuses %s as Origin (403 forbidden-origin)', async (_label, origin) => {
    const before = target.requests;
    const call = await callRelay(relay, request, {
      origin: origin?.replace('PORT', String(relay.port)) ?? null,
    });
    expectFailure(call, 403, 'forbidden-origin');
    expect(target.requests).toBe(before);
  });

  it.each([
    ['a rebinding host name', 'evil.example:PORT'],
    ['another port', '127.0.0.1:1'],
    ['no port', '127.0.0.1'],
    ['an IPv6 address', '[::1]:PORT'],
    ['the empty string', ''],
  ])('refuses %s as Host (403 forbidden-host)', async (_label, host) => {
    const before = target.requests;
    const call = await callRelay(relay, request, {
      host: host.replace('PORT', String(relay.port)),
    });
    expectFailure(call, 403, 'forbidden-host');
    expect(target.requests).toBe(before);
  });

  it('answers only POST (405)', async () => {
    const call = await callRelay(relay, '', { method: 'GET' });
    expectFailure(call, 405, 'bad-request');
    expect(call.headers.allow).toBe('POST');
  });

  it('refuses the other loopback name as Origin: the page must be where the request goes', async () => {
    const before = target.requests;
    const call = await callRelay(relay, request, {
      host: `127.0.0.1:${relay.port}`,
      origin: `http://localhost:${relay.port}`,
    });
    expectFailure(call, 403, 'forbidden-origin');
    expect(target.requests).toBe(before);
  });

  it('answers when the browser says the request is same-origin (Sec-Fetch-Site)', async () => {
    expectResponse(
      await callRelay(relay, request, { extraHeaders: [['Sec-Fetch-Site', 'same-origin']] }),
    );
  });

  it.each(['cross-site', 'same-site', 'none'])(
    'refuses Sec-Fetch-Site: %s even with the right Origin (403 forbidden-origin)',
    async (site) => {
      const before = target.requests;
      const call = await callRelay(relay, request, { extraHeaders: [['Sec-Fetch-Site', site]] });
      expectFailure(call, 403, 'forbidden-origin');
      expect(target.requests).toBe(before);
    },
  );

  it.each([
    ['text/plain (a simple request another site may send blind)', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['none at all', null],
  ])('refuses a body sent as %s (415), even from its own page', async (_label, contentType) => {
    const before = target.requests;
    const call = await callRelay(relay, JSON.stringify(request), { contentType });
    expectFailure(call, 415, 'bad-request');
    expect(target.requests).toBe(before);
  });

  it('takes application/json with parameters, in any case', async () => {
    expectResponse(
      await callRelay(relay, request, { contentType: 'Application/JSON; charset=utf-8' }),
    );
  });
});

describe('what the relay accepts', () => {
  const LIMIT = 1024;
  let relay: Relay;
  let target: { url: string; requests: number };
  beforeAll(async () => {
    relay = await startRelay({ maxBodyBytes: LIMIT });
    target = await startTarget((req, res) => {
      void readAll(req).then((body) => res.end(body));
    });
  });

  it('carries a body of exactly the limit', async () => {
    const body = new Uint8Array(LIMIT).fill(7);
    const response = expectResponse(
      await callRelay(relay, {
        method: 'PUT',
        url: target.url,
        headers: [],
        bodyBase64: b64(body),
      }),
    );
    expect(response.bodyBase64).toBe(b64(body));
  });

  it('refuses a body one byte over the limit (413), naming the limit', async () => {
    const before = target.requests;
    const body = new Uint8Array(LIMIT + 1);
    const call = await callRelay(relay, {
      method: 'PUT',
      url: target.url,
      headers: [],
      bodyBase64: b64(body),
    });
    const error = expectFailure(call, 413, 'body-too-large');
    expect(error.message).toContain('1024 bytes (0.001 MiB)');
    expect(target.requests).toBe(before);
  });

  it('says the default limit in MiB', async () => {
    const big = await startRelay();
    const body = Buffer.alloc(10 * 1024 * 1024 + 3);
    const error = expectFailure(
      await callRelay(big, { method: 'PUT', url: target.url, headers: [], bodyBase64: b64(body) }),
      413,
      'body-too-large',
    );
    expect(error.message).toContain('limit of 10 MiB');
  });

  it('answers 413 before the upload ends, without reading it all', async () => {
    const answer = await new Promise<{ status: number; result: RelayFailure }>(
      (resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: relay.port,
            method: 'POST',
            path: RELAY_PATH,
            headers: { Host: relay.host, Origin: relay.origin, 'Content-Type': 'application/json' },
            agent: false,
          },
          (res) => {
            void readAll(res).then((data) => {
              resolve({ status: res.statusCode ?? 0, result: JSON.parse(data.toString()) });
              req.destroy();
            }, reject);
          },
        );
        req.on('error', () => {});
        // Chunked, no length: far more than the limit, and never ended.
        req.write(`{"method":"PUT","url":"${target.url}","headers":[],"bodyBase64":"`);
        req.write('A'.repeat(1024 * 1024 + 16 * 1024));
      },
    );
    expect(answer.status).toBe(413);
    expect(answer.result.error.type).toBe('body-too-large');
  });

  it.each([
    ['malformed JSON', '{"method":', /not valid JSON/],
    ['a JSON array', '[]', /JSON object/],
    ['no url', JSON.stringify({ method: 'GET', headers: [] }), /"url"/],
    ['no method', JSON.stringify({ url: 'http://127.0.0.1:1/', headers: [] }), /"method"/],
    ['no headers', JSON.stringify({ method: 'GET', url: 'http://127.0.0.1:1/' }), /"headers"/],
    [
      'a header that is not a pair',
      JSON.stringify({ method: 'GET', url: 'http://127.0.0.1:1/', headers: [['a', 'b'], ['c']] }),
      /"headers\[1\]"/,
    ],
    [
      'a file: URL',
      JSON.stringify({ method: 'GET', url: 'file:///etc/passwd', headers: [] }),
      /"url" must start with http/,
    ],
    [
      'a relative URL',
      JSON.stringify({ method: 'GET', url: '/prod/hello', headers: [] }),
      /"url" must start with http/,
    ],
    [
      'a URL without a host',
      JSON.stringify({ method: 'GET', url: 'http:///x', headers: [] }),
      /no host/,
    ],
    [
      'invalid Base64',
      JSON.stringify({ method: 'PUT', url: 'http://127.0.0.1:1/', headers: [], bodyBase64: 'a$b' }),
      /"bodyBase64"/,
    ],
    [
      'a timeout of 0',
      JSON.stringify({ method: 'GET', url: 'http://127.0.0.1:1/', headers: [], timeoutMs: 0 }),
      /"timeoutMs"/,
    ],
  ])('refuses %s (400 bad-request, naming the field)', async (_label, body, message) => {
    const error = expectFailure(await callRelay(relay, body), 400, 'bad-request');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['a lower-case method', { method: 'post' }, /upper case.*"POST"/],
    ['a method that is not a token', { method: 'GE T' }, /not a valid HTTP method/],
    ['a space in the path', { url: 'PATH/a b' }, /a space/],
    ['a non-ASCII path', { url: 'PATH/caf\u00e9' }, /non-ASCII character "\u00e9"/],
    ['a header name with a space', { headers: [['X Y', '1']] }, /headers\[0\].*not a valid/],
    ['a line break in a value', { headers: [['X-A', 'a\r\nX-Injected: 1']] }, /line break/],
    ['a wrong Content-Length', { headers: [['Content-Length', '2']] }, /does not match/],
    [
      'Content-Length with Transfer-Encoding',
      {
        headers: [
          ['Content-Length', '3'],
          ['Transfer-Encoding', 'chunked'],
        ],
      },
      /both/,
    ],
    ['Transfer-Encoding gzip', { headers: [['Transfer-Encoding', 'gzip']] }, /chunked/],
  ] satisfies Array<[string, Partial<RelayRequest>, RegExp]>)(
    'refuses %s (400 invalid-target) without sending anything',
    async (_label, change, message) => {
      const before = target.requests;
      const request: RelayRequest = {
        method: 'POST',
        url: `${target.url}/`,
        headers: [],
        bodyBase64: b64('abc'),
        ...change,
      };
      request.url = request.url.replace('PATH', target.url);
      const error = expectFailure(await callRelay(relay, request), 400, 'invalid-target');
      expect(error.message).toMatch(message);
      expect(target.requests).toBe(before);
    },
  );

  it('sends a chunked body when the page asks for it', async () => {
    const response = expectResponse(
      await callRelay(relay, {
        method: 'POST',
        url: target.url,
        headers: [['Transfer-Encoding', 'chunked']],
        bodyBase64: b64('chunked body'),
      }),
    );
    expect(Buffer.from(response.bodyBase64, 'base64').toString()).toBe('chunked body');
  });
});

describe('every way the target can fail, told apart', () => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await startRelay({ maxResponseBytes: 64 * 1024 });
  });

  const get = (url: string, timeoutMs?: number): RelayRequest => ({
    method: 'GET',
    url,
    headers: [],
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });

  it('refused: nothing listens on the port', async () => {
    const port = await closedPort();
    const error = expectFailure(
      await callRelay(relay, get(`http://127.0.0.1:${port}/`)),
      502,
      'refused',
    );
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toBe(
      `Nothing is listening at 127.0.0.1:${port} (connection refused). Is the API running, and is the port right?`,
    );
  });

  it('reset: the server drops the connection as soon as it opens', async () => {
    const port = await startTcp((socket) => socket.destroy());
    const error = expectFailure(
      await callRelay(relay, get(`http://127.0.0.1:${port}/`)),
      502,
      'reset',
    );
    expect(error.code).toBe('ECONNRESET');
  });

  it('reset: the server resets the connection (RST)', async () => {
    const port = await startTcp((socket) => socket.resetAndDestroy());
    expectFailure(await callRelay(relay, get(`http://127.0.0.1:${port}/`)), 502, 'reset');
  });

  it('reset: the answer stops before its Content-Length', async () => {
    const port = await startTcp((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc'));
    });
    expectFailure(await callRelay(relay, get(`http://127.0.0.1:${port}/`)), 502, 'reset');
  });

  it('timeout: the server never answers (timeoutMs 200)', async () => {
    const port = await startTcp(() => {});
    const started = Date.now();
    const error = expectFailure(
      await callRelay(relay, get(`http://127.0.0.1:${port}/`, 200)),
      504,
      'timeout',
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.message).toContain('within 200 ms');
  });

  it('timeout: the server sends headers, then stalls the body', async () => {
    const port = await startTcp((socket) => {
      socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab'));
    });
    expectFailure(await callRelay(relay, get(`http://127.0.0.1:${port}/`, 200)), 504, 'timeout');
  });

  it('tls: https:// to a plain-HTTP server', async () => {
    const target = await startTarget((_req, res) => res.end('plain'));
    const error = expectFailure(
      await callRelay(relay, get(target.url.replace('http:', 'https:'))),
      502,
      'tls',
    );
    expect(error.message).toMatch(/use http:\/\/ instead of https:\/\//);
  });

  it('tls: a self-signed certificate', async (context) => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-tls-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    try {
      // A throwaway certificate for 127.0.0.1, made for this test only.
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-subj',
          '/CN=127.0.0.1',
          '-days',
          '1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
    } catch {
      context.skip();
    }
    const server = createHttpsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (_req, res) => res.end('secret'),
    );
    server.on('tlsClientError', () => {});
    const port = await listenOn(server);
    cleanups.push(() => closeServer(server));
    const error = expectFailure(
      await callRelay(relay, get(`https://127.0.0.1:${port}/`)),
      502,
      'tls',
    );
    expect(error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(error.message).toMatch(/certificate/);
  });

  it('dns: a host name that never resolves (.invalid)', async () => {
    // RFC 6761: .invalid never resolves. Here the resolver says so at once (ENOTFOUND); only a
    // resolver that hangs would end in the timeout instead, which is then the honest answer.
    const started = Date.now();
    const call = await callRelay(relay, get('http://does-not-exist.invalid/', 3000));
    const type = (call.result as RelayFailure).error?.type;
    if (type === 'timeout') {
      expectFailure(call, 504, 'timeout');
      expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    } else {
      const error = expectFailure(call, 502, 'dns');
      expect(error.message).toContain('does-not-exist.invalid');
      expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(error.code);
    }
  }, 10_000);

  it('network: the target answers with something that is not HTTP', async () => {
    const port = await startTcp((socket) => {
      socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.2\r\n\r\n'));
    });
    const error = expectFailure(
      await callRelay(relay, get(`http://127.0.0.1:${port}/`)),
      502,
      'network',
    );
    expect(error.code).toMatch(/^HPE_/);
  });

  it('response-too-large: an answer over the response limit (502)', async () => {
    const target = await startTarget((_req, res) => res.end(Buffer.alloc(64 * 1024 + 1)));
    const call = await callRelay(relay, get(target.url));
    const error = expectFailure(call, 502, 'response-too-large');
    expect(error.code).toBe('RESPONSE_TOO_LARGE');
  });

  it('logs the error type, never the query', async () => {
    const port = await closedPort();
    const before = relay.lines.length;
    await callRelay(relay, get(`http://127.0.0.1:${port}/some/path?token=hush`));
    expect(relay.lines.slice(before)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^relay GET http://127\\.0\\.0\\.1:${port}/some/path refused ECONNREFUSED \\d+ms$`,
        ),
      ),
    ]);
  });
});

describe('error codes the local servers cannot produce', () => {
  const withCode = (code: string, message = code) =>
    Object.assign(new Error(message), { code }) as Error;

  it.each([
    ['EAI_AGAIN', 'dns', 502],
    ['CERT_HAS_EXPIRED', 'tls', 502],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', 502],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls', 502],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls', 502],
    ['EPIPE', 'reset', 502],
    ['ETIMEDOUT', 'timeout', 504],
    ['EHOSTUNREACH', 'network', 502],
    ['ERR_INVALID_CHAR', 'invalid-target', 400],
  ])('%s → %s (%i)', (code, type, status) => {
    const error = classifyUpstreamError(withCode(code), 'api.example:443', 'api.example', 30_000);
    expect([error.type, error.status, error.code]).toEqual([type, status, code]);
    expect(error.message).toMatch(/^[A-Z].+[.?]$/s);
  });

  it("reads the code inside happy eyeballs' AggregateError", () => {
    const error = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], '');
    expect(classifyUpstreamError(error, 'localhost:9', 'localhost', 30_000).type).toBe('refused');
  });
});

describe('when the page goes away', () => {
  it('closes the upstream connection too', async () => {
    const relay = await startRelay();
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    const port = await startTcp((socket) => {
      socket.on('close', () => upstreamClosed());
      socket.resume(); // read, so the relay's close arrives
    });
    const body = JSON.stringify({
      method: 'GET',
      url: `http://127.0.0.1:${port}/slow`,
      headers: [],
      timeoutMs: 20_000,
    });
    const req = httpRequest({
      host: '127.0.0.1',
      port: relay.port,
      method: 'POST',
      path: RELAY_PATH,
      headers: { Origin: relay.origin, 'Content-Type': 'application/json' },
      agent: false,
    });
    req.on('error', () => {});
    req.end(body);
    setTimeout(() => req.destroy(), 100);
    await closed;
    await expect.poll(() => relay.lines.at(-1)).toMatch(/ network PAGE_CLOSED \d+ms$/);
  });
});

// ---------------------------------------------------------------------------------------------
// A real browser: what Chromium sends decides whether the Origin check lets the page through.

describe.skipIf(!chromiumExecutablePath())('from a real page in Chromium', () => {
  it('lets the same-origin page through (Chromium sends Origin) and refuses another origin', async () => {
    const relay = await startRelay({ maxBodyBytes: 64 * 1024 });
    const foreign = await startTarget((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>elsewhere</title>');
    });
    const relayRequest = await signedRelayRequest({
      path: '/prod/from-browser',
      body: BINARY_BODY,
    });
    const browser = await chromium.launch(chromiumLaunchOptions());
    cleanups.push(() => browser.close());
    const page = await browser.newPage();

    const post = (url: string, body: string, mode: RequestMode = 'cors') =>
      page.evaluate(
        async ({ url, body, mode }) => {
          try {
            const res = await fetch(url, {
              method: 'POST',
              mode,
              headers: mode === 'no-cors' ? {} : { 'Content-Type': 'application/json' },
              body,
            });
            return {
              status: res.status,
              relay: res.headers.get('x-sigv4-relay'),
              text: await res.text(),
            };
          } catch (error) {
            return { status: -1, relay: null, text: String(error) };
          }
        },
        { url, body, mode },
      );

    for (const host of ['127.0.0.1', 'localhost']) {
      await page.goto(`http://${host}:${relay.port}/`);
      const answer = await post(RELAY_PATH, JSON.stringify(relayRequest));
      expect(answer.status, answer.text).toBe(200);
      expect(answer.relay).toBe('1');
      const result = JSON.parse(answer.text) as RelayResponse;
      expect(result.status).toBe(200);
      const echo = JSON.parse(Buffer.from(result.bodyBase64, 'base64').toString()) as EchoBody;
      expect(echo.target).toBe('/prod/from-browser');
      expect(echo.bodyBase64).toBe(b64(BINARY_BODY));
    }

    // Over the limit from the page: the browser reads the early 413, not a broken connection.
    const tooBig = JSON.stringify({
      ...relayRequest,
      bodyBase64: b64(Buffer.alloc(4 * 1024 * 1024)),
    });
    const refused = await post(RELAY_PATH, tooBig);
    expect(refused.status, refused.text).toBe(413);
    expect((JSON.parse(refused.text) as RelayFailure).error.type).toBe('body-too-large');

    // Another origin: a "simple" no-cors POST reaches the relay but is refused there.
    await page.goto(`${foreign.url}/`);
    const before = relay.lines.length;
    await post(`${relay.origin}${RELAY_PATH}`, JSON.stringify(relayRequest), 'no-cors');
    expect(relay.lines.slice(before)).toEqual(['relay refused 403 forbidden-origin']);
  }, 30_000);
});
