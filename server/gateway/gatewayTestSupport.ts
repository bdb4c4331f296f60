// Shared by the gateway's socket tests (gatewayServer.test.ts, gatewaySecurity.test.ts): a
// gateway on 127.0.0.1 at a random port with its log captured, the clients that talk to it
// (node's HTTP client, raw sockets, curl), signing with our own signer, and what an API Gateway
// answer must look like. The "case N" numbers are the rows of docs/api-gateway-iam-errors.md.
import { execFile, fork } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { createSigner, type Credentials, type SigningInput } from '../../src/signing';
import { nodeSigningCrypto } from '../nodeSigningCrypto';
import { loadGatewayConfig, type GatewayConfig, type GatewayIdentity } from './gatewayConfig';
import { startGateway } from './gatewayServer';

export type HeaderPairs = Array<[string, string]>;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Any answer, from any client, must come within this time: a hang fails the test, never stalls it. */
export const ANSWER_TIMEOUT_MS = 5000;

// ---------------------------------------------------------------------------------------------
// Talking to a gateway
// ---------------------------------------------------------------------------------------------

export interface Reply {
  status: number;
  /** Header values by lower-case name (the last one when repeated). */
  headers: Record<string, string>;
  /** Header names exactly as sent. */
  headerNames: string[];
  body: string;
  /** The lines the gateway logged while it answered this request. */
  log: string[];
}

export type WireReply = Omit<Reply, 'log'>;

function readHead(head: string): Omit<WireReply, 'body'> {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  const headers: Record<string, string> = {};
  const headerNames: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    headerNames.push(name);
    headers[name.toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, headers, headerNames };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) throw new Error('The chunked response body ends early.');
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (size === 0) return Buffer.concat(parts);
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** The first HTTP/1.1 response in bytes read off a socket. */
export function readResponse(data: Buffer): WireReply {
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd < 0)
    throw new Error(`No complete response: ${JSON.stringify(data.toString('latin1'))}`);
  const head = readHead(data.subarray(0, headEnd).toString('latin1'));
  let body = data.subarray(headEnd + 4);
  if (head.headers['transfer-encoding'] === 'chunked') body = dechunk(body);
  else if (head.headers['content-length'] !== undefined) {
    body = body.subarray(0, Number(head.headers['content-length']));
  }
  return { ...head, body: body.toString('utf8') };
}

/** Writes bytes on a fresh connection, half-closes it, and reads the answer. */
function viaSocket(port: number, bytes: Buffer): Promise<WireReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let failure: Error | undefined;
    const timer = setTimeout(
      () => socket.destroy(new Error(`No answer within ${ANSWER_TIMEOUT_MS} ms`)),
      ANSWER_TIMEOUT_MS,
    );
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error) => (failure = error));
    socket.on('close', () => {
      clearTimeout(timer);
      // A reset after the answer (the server closed while bytes were in flight) still counts.
      if (chunks.length === 0)
        reject(failure ?? new Error('The gateway closed without answering.'));
      else {
        try {
          resolve(readResponse(Buffer.concat(chunks)));
        } catch (error) {
          reject(failure ?? error);
        }
      }
    });
    socket.end(bytes);
  });
}

/** A request with node's HTTP client: the path is sent as given, the headers as listed. */
function viaHttp(port: number, request: WireRequest): Promise<WireReply> {
  return new Promise((resolve, reject) => {
    const headers = request.headers.flat();
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    if (
      body !== undefined &&
      !request.headers.some(([name]) => name.toLowerCase() === 'content-length')
    ) {
      headers.push('Content-Length', String(body.length));
    }
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.target,
        headers,
        setHost: false,
        agent: false,
        timeout: ANSWER_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const headerNames: string[] = [];
          const values: Record<string, string> = {};
          for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
            headerNames.push(response.rawHeaders[i]!);
            values[response.rawHeaders[i]!.toLowerCase()] = response.rawHeaders[i + 1]!;
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: values,
            headerNames,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`No answer within ${ANSWER_TIMEOUT_MS} ms`)),
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** curl with its own SigV4 signer; -i so the answer's head comes too. */
function viaCurl(args: string[]): Promise<WireReply> {
  return new Promise((resolve, reject) => {
    execFile(
      'curl',
      [
        '--silent',
        '--show-error',
        '--include',
        '--max-time',
        String(ANSWER_TIMEOUT_MS / 1000),
        ...args,
      ],
      { encoding: 'buffer', timeout: ANSWER_TIMEOUT_MS * 2 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`curl failed: ${error.message} ${stderr.toString()}`));
        const headEnd = stdout.indexOf('\r\n\r\n');
        resolve({
          ...readHead(stdout.subarray(0, headEnd).toString('latin1')),
          body: stdout.subarray(headEnd + 4).toString('utf8'),
        });
      },
    );
  });
}

export interface WireRequest {
  method: string;
  /** Path and query exactly as they go on the request line. */
  target: string;
  headers: HeaderPairs;
  body?: string | Uint8Array;
}

/** A request serialized by hand: CRLF lines, `Name: value`, Content-Length added for a body. */
export function wireBytes(request: WireRequest): Buffer {
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  const lines = [
    `${request.method} ${request.target} HTTP/1.1`,
    ...request.headers.map(([n, v]) => `${n}: ${v}`),
  ];
  if (
    body.length > 0 &&
    !request.headers.some(([name]) => name.toLowerCase() === 'content-length')
  ) {
    lines.push(`Content-Length: ${body.length}`);
  }
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body]);
}

/** The script TestGateway.startInChild runs (under tsx). */
const CHILD_SCRIPT = fileURLToPath(new URL('./gatewayTestChild.ts', import.meta.url));

/** What the child process sends back: its URL once listening, then one message per log line. */
export type ChildMessage = { url: string } | { error: string } | { log: string };

/**
 * A gateway on 127.0.0.1 at a random port, its log captured. `start` runs it in this process;
 * `startInChild` in a process of its own, for requests that might block the gateway's event
 * loop (a regular expression that backtracks for minutes): in this process that would also
 * stop the timers that are to fail the test, so a hang would stall the run instead.
 */
export class TestGateway {
  readonly lines: string[] = [];
  private running!: { url: string; close(): Promise<void> };
  private inChild = false;
  private lineWaiters: Array<() => void> = [];

  private constructor(readonly config: GatewayConfig) {}

  static async start(config: GatewayConfig, now?: () => number): Promise<TestGateway> {
    const gateway = new TestGateway(config);
    gateway.running = await startGateway({
      config,
      port: 0,
      log: (line) => gateway.record(line),
      ...(now ? { now } : {}),
    });
    return gateway;
  }

  /** In a child process, its clock pinned to `now` (epoch ms). */
  static async startInChild(config: GatewayConfig, now: number): Promise<TestGateway> {
    const gateway = new TestGateway(config);
    gateway.inChild = true;
    const child = fork(CHILD_SCRIPT, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const url = await new Promise<string>((resolve, reject) => {
      child.on('message', (message: ChildMessage) => {
        if ('log' in message) gateway.record(message.log);
        else if ('url' in message) resolve(message.url);
        else reject(new Error(`The gateway child did not start: ${message.error}`));
      });
      child.once('exit', (code) => reject(new Error(`The gateway child exited (${code})`)));
      child.send({ config, now });
    });
    gateway.running = {
      url,
      close: () => {
        child.kill('SIGKILL');
        return exited;
      },
    };
    return gateway;
  }

  private record(line: string) {
    this.lines.push(line);
    for (const wake of this.lineWaiters.splice(0)) wake();
  }

  /** Resolves once the log holds `count` lines; a gateway that never logs them fails the test. */
  waitForLines(count: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`The gateway logged ${this.lines.length} lines, not ${count}, in time`)),
        ANSWER_TIMEOUT_MS,
      );
      const check = () => {
        if (this.lines.length < count) this.lineWaiters.push(check);
        else {
          clearTimeout(timer);
          resolve();
        }
      };
      check();
    });
  }

  get url(): string {
    return this.running.url;
  }

  get port(): number {
    return Number(new URL(this.running.url).port);
  }

  /** The stage's base URL, e.g. http://127.0.0.1:1234/prod. */
  get base(): string {
    return this.config.stage === '' ? this.url : `${this.url}/${this.config.stage}`;
  }

  private async logged(answer: Promise<WireReply>): Promise<Reply> {
    const before = this.lines.length;
    const reply = await answer;
    // In this process the line is written before the answer is read; a child's comes over IPC.
    if (this.inChild) await this.waitForLines(before + 1);
    return { ...reply, log: this.lines.slice(before) };
  }

  send(request: WireRequest): Promise<Reply> {
    return this.logged(viaHttp(this.port, request));
  }

  sendRaw(bytes: Buffer): Promise<Reply> {
    return this.logged(viaSocket(this.port, bytes));
  }

  curl(args: string[]): Promise<Reply> {
    return this.logged(viaCurl(args));
  }

  close(): Promise<void> {
    return this.running.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Signing with our own signer
// ---------------------------------------------------------------------------------------------

export const signer = createSigner({ crypto: nodeSigningCrypto });

export const DEFAULT_CONFIG = loadGatewayConfig();

function identity(name: string): GatewayIdentity {
  const found = DEFAULT_CONFIG.identities.find((entry) => entry.name === name);
  if (!found) throw new Error(`gateway.config.json has no identity "${name}"`);
  return found;
}

export const DEMO = identity('demo');
export const ADMIN = identity('admin');
export const TEMP = identity('temp');
export const TEMP_TOKEN = TEMP.sessionToken!;

export const keysOf = (who: GatewayIdentity, sessionToken?: string): Credentials => ({
  accessKeyId: who.accessKeyId,
  secretAccessKey: who.secretAccessKey,
  ...(sessionToken === undefined ? {} : { sessionToken }),
});

/** The pinned clock of most gateways here, and the instant requests are signed at. */
export const NOW = Date.parse('2026-01-15T10:20:30Z');
export const NOW_AMZ = '20260115T102030Z';

type SignOptions = Partial<Omit<SigningInput, 'url' | 'body'>> & {
  /** Path and query after the gateway's origin, e.g. /prod/hello. */
  target?: string;
  body?: string | Uint8Array;
};

/** Signs a request for this gateway: demo's keys, POST /prod/hello, header mode, at NOW. */
export async function sign(gateway: TestGateway, options: SignOptions = {}): Promise<WireRequest> {
  const { target = '/prod/hello', ...input } = options;
  const method = input.method ?? 'POST';
  const result = await signer.signRequest({
    method,
    url: `${gateway.url}${target}`,
    credentials: keysOf(DEMO),
    region: 'ca-central-1',
    service: 'execute-api',
    signingDate: new Date(NOW),
    ...input,
  });
  return {
    method,
    target: result.url.slice(gateway.url.length),
    headers: result.headers,
    ...(input.body === undefined ? {} : { body: input.body }),
  };
}

export const withHeader = (
  request: WireRequest,
  name: string,
  value: string | null,
): WireRequest => ({
  ...request,
  headers: [
    ...request.headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase()),
    ...(value === null ? [] : [[name, value] as [string, string]]),
  ],
});

export const headerOf = (request: WireRequest, name: string) =>
  request.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

// ---------------------------------------------------------------------------------------------
// What an API Gateway answer looks like
// ---------------------------------------------------------------------------------------------

/** The body of a successful call to the 'hello' integration: a JSON string. */
export const helloBody = (callerArn: string, method: string, body?: string) =>
  JSON.stringify(
    body === undefined
      ? `${callerArn} sent a ${method}`
      : `${callerArn} sent a ${method} with body: ${body}`,
  );

export function expectSuccess(reply: Reply, body?: string) {
  expect(reply.status, reply.body).toBe(200);
  expect(reply.headers['content-type']).toBe('application/json');
  expect(reply.headers['x-amzn-requestid']).toMatch(UUID);
  expect(reply.headers['x-amzn-errortype']).toBeUndefined();
  if (body !== undefined) expect(reply.body).toBe(body);
  expect(reply.log).toHaveLength(1);
  expect(reply.log[0]).toMatch(/ 200 -$/);
}

/**
 * An API Gateway authentication/authorization failure: 403, x-amzn-ErrorType (in that spelling),
 * a UUID x-amzn-RequestId, JSON with the one key `message` (`Message` for access denied), and
 * exactly one log line naming the status and the error type. Returns the message.
 */
export function expectGatewayError(reply: Reply, type: string, message?: string | RegExp): string {
  expect(reply.status, reply.body).toBe(403);
  expect(reply.headerNames).toContain('x-amzn-ErrorType');
  expect(reply.headerNames).toContain('x-amzn-RequestId');
  expect(reply.headers['x-amzn-errortype']).toBe(type);
  expect(reply.headers['x-amzn-requestid']).toMatch(UUID);
  expect(reply.headers['content-type']).toBe('application/json');
  const body = JSON.parse(reply.body) as Record<string, unknown>;
  const key = type === 'AccessDeniedException' ? 'Message' : 'message';
  expect(Object.keys(body)).toEqual([key]);
  const text = body[key];
  expect(typeof text).toBe('string');
  if (typeof message === 'string') expect(text).toBe(message);
  else if (message) expect(text).toMatch(message);
  expect(reply.log).toHaveLength(1);
  expect(reply.log[0]).toMatch(new RegExp(` 403 ${type}$`));
  return text as string;
}

const MISMATCH_PREFIX =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** Case 2's message as the gateway must write it for this canonical request and string to sign. */
export const mismatchMessage = (canonicalRequest: string, stringToSign: string) =>
  `${MISMATCH_PREFIX}\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`;

/** The canonical request and string to sign a case-2 message carries. */
export function readMismatch(message: string): { canonicalRequest: string; stringToSign: string } {
  const match =
    /\n\nThe Canonical String for this request should have been\n'([\s\S]*)'\n\nThe String-to-Sign should have been\n'([\s\S]*)'\n$/.exec(
      message,
    );
  if (!message.startsWith(MISMATCH_PREFIX) || !match)
    throw new Error(`Not a case-2 message: ${message}`);
  return { canonicalRequest: match[1]!, stringToSign: match[2]! };
}

/** An error answer of any kind the gateway gives: 4xx, x-amzn-ErrorType, JSON `message`/`Message`. */
export function expectApiGatewayStyleError(reply: Reply) {
  expect(reply.status).toBeGreaterThanOrEqual(400);
  expect(reply.status).toBeLessThan(500);
  expect(reply.headers['x-amzn-errortype']).toMatch(/^[A-Za-z]+Exception$/);
  expect(reply.headers['content-type']).toBe('application/json');
  const body = JSON.parse(reply.body) as Record<string, unknown>;
  expect(Object.keys(body)).toHaveLength(1);
  expect(typeof (body.message ?? body.Message)).toBe('string');
}

export function identityIn(config: GatewayConfig, name: string): GatewayIdentity {
  const found = config.identities.find((entry) => entry.name === name);
  if (!found) throw new Error(`no identity ${name}`);
  return found;
}
