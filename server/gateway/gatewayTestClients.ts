// How the gateway's socket tests talk to a gateway on 127.0.0.1: node's HTTP client (headers as
// listed, path as given), raw bytes on a socket, and curl with its own SigV4 signer. Every client
// gives up after ANSWER_TIMEOUT_MS, so a hang fails the test instead of stalling the run.
import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

export type HeaderPairs = Array<[string, string]>;

/** Any answer, from any client, must come within this time: a hang fails the test, never stalls it. */
export const ANSWER_TIMEOUT_MS = 5000;

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
export function viaSocket(port: number, bytes: Buffer): Promise<WireReply> {
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
export function viaHttp(port: number, request: WireRequest): Promise<WireReply> {
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
export function viaCurl(args: string[]): Promise<WireReply> {
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
