// Shared by the relay's tests: the relay mounted on a blank "app" server, targets on 127.0.0.1
// (random ports) that answer or misbehave, a client that calls the relay the way the page does
// with full control over Host and Origin, and the local API Gateway with an echo route for
// requests signed with our own signer.
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestListener,
  type Server,
} from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { expect } from 'vitest';
import { createSigner } from '../../src/signing';
import {
  RELAY_HEADER,
  RELAY_PATH,
  type RelayFailure,
  type RelayRequest,
  type RelayResponse,
  type RelayResult,
} from '../../src/transport/relayProtocol';
import {
  loadGatewayConfig,
  parseGatewayConfig,
  type GatewayConfig,
} from '../gateway/gatewayConfig';
import { startGateway } from '../gateway/gatewayServer';
import { nodeSigningCrypto } from '../nodeSigningCrypto';
import { createRelayHandler, type RelayHandlerOptions } from './relayHandler';

// ---------------------------------------------------------------------------------------------
// Servers

/** Everything a test starts, closed by closeStarted even when the test fails. */
const cleanups: Array<() => Promise<void> | void> = [];

/** Closes what `onCleanup` was given, last first; each test file runs it in afterAll. */
export async function closeStarted(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/** Something to close once the file's tests are done (a server, a browser, a folder). */
export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

export function listenOn(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export function closeServer(server: Server | ReturnType<typeof createNetServer>): Promise<void> {
  return new Promise((resolve) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close(() => resolve());
  });
}

export interface Relay {
  port: number;
  host: string;
  origin: string;
  lines: string[];
}

/** The relay mounted at RELAY_PATH on a server that also serves a blank page (the "app"). */
export async function startRelay(options: Partial<RelayHandlerOptions> = {}): Promise<Relay> {
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
  onCleanup(() => closeServer(server));
  return { port, host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, lines };
}

/** A plain HTTP server for one test; `requests` counts what reached it. */
export async function startTarget(
  listener: RequestListener,
): Promise<{ url: string; requests: number }> {
  const state = { url: '', requests: 0 };
  const server = createServer((req, res) => {
    state.requests += 1;
    listener(req, res);
  });
  state.url = `http://127.0.0.1:${await listenOn(server)}`;
  onCleanup(() => closeServer(server));
  return state;
}

/** A TCP server that does `onSocket` with every connection (for targets that misbehave). */
export async function startTcp(onSocket: (socket: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  const port = await listenOn(server);
  onCleanup(() => {
    for (const socket of sockets) socket.destroy();
    return closeServer(server);
  });
  return port;
}

/** A port nothing listens on: bound, then closed again. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  const port = await listenOn(server);
  await closeServer(server);
  return port;
}

// ---------------------------------------------------------------------------------------------
// Calling the relay the way the page does, with full control over Host and Origin

export interface RelayCall {
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

export function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export function callRelay(
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

export function expectResponse(call: RelayCall): RelayResponse {
  expect(call.status, JSON.stringify(call.result)).toBe(200);
  expect(call.headers[RELAY_HEADER]).toBe('1');
  expect(call.headers['cache-control']).toBe('no-store');
  expect(call.result.kind).toBe('response');
  return call.result as RelayResponse;
}

export function expectFailure(
  call: RelayCall,
  status: number,
  type: string,
): RelayFailure['error'] {
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

export const header = (pairs: Array<[string, string]>, name: string) =>
  pairs.find(([key]) => key.toLowerCase() === name.toLowerCase());

export const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

// ---------------------------------------------------------------------------------------------
// The gateway with an echo route, and requests signed for it

export const SIGNING_DATE = new Date('2025-06-01T12:00:00Z');
/** Bytes that are not UTF-8: a lone continuation byte, an overlong form, NUL, CR LF, 0xFF. */
export const BINARY_BODY = new Uint8Array([
  0xff, 0xfe, 0x80, 0x00, 0xc0, 0xaf, 0x0d, 0x0a, 0xc3, 0x28, 0x7f,
]);

export interface EchoBody {
  caller: string;
  method: string;
  target: string;
  headers: Array<[string, string]>;
  bodyBase64: string;
}

export interface EchoGateway {
  url: string;
  config: GatewayConfig;
  /** An identity of gateway.config.json by name (demo, temp, ...). */
  identity(name: string): GatewayConfig['identities'][number];
  /** A relay request signed for the echo route by `identity` (default demo), at SIGNING_DATE. */
  signedRelayRequest(options?: SignedRelayRequestOptions): Promise<RelayRequest>;
}

export interface SignedRelayRequestOptions {
  method?: string;
  path?: string;
  headers?: Array<[string, string]>;
  body?: Uint8Array;
  identity?: string;
  /** A secret other than the identity's, for a signature the gateway refuses. */
  secret?: string;
}

const signer = createSigner({ crypto: nodeSigningCrypto });

/** The local gateway, stage prod, one echo route for every path, its clock at SIGNING_DATE. */
export async function startEchoGateway(): Promise<EchoGateway> {
  const config = parseGatewayConfig({
    ...loadGatewayConfig(),
    stage: 'prod',
    clock: null,
    routes: [{ method: 'ANY', path: '/{proxy+}', handler: 'echo' }],
  });
  const gateway = await startGateway({
    config,
    port: 0,
    log: () => {},
    now: () => SIGNING_DATE.getTime(),
  });
  onCleanup(() => gateway.close());

  const identity = (name: string) => {
    const found = config.identities.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`No identity ${name} in gateway.config.json`);
    return found;
  };

  async function signedRelayRequest(
    options: SignedRelayRequestOptions = {},
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
      region: config.region,
      service: config.service,
      signingDate: SIGNING_DATE,
    });
    return {
      method: options.method ?? 'POST',
      url: signed.url,
      headers: signed.headers,
      bodyBase64: b64(options.body ?? new Uint8Array()),
    };
  }

  return { url: gateway.url, config, identity, signedRelayRequest };
}
