// The local API Gateway: an HTTP server that behaves like an Amazon API Gateway REST API whose
// routes use AWS_IAM authorization. Same checks, same status codes, same error texts and headers.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from './gatewayConfig';
import { missingAuthenticationToken, type GatewayError } from './gatewayErrors';
import { runIntegration } from './integrations';
import { matchRoute } from './matchRoute';
import { RequestVerifier, type WireRequest } from './verifyRequest';

/** API Gateway's payload limit (10 MB). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Headers a browser may send on a signed call, besides those a preflight asks for. */
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-Amz-Date',
  'X-Amz-Security-Token',
  'X-Amz-Content-Sha256',
  // SigV4a's signed region set.
  'X-Amz-Region-Set',
  'X-Amz-User-Agent',
  'X-Api-Key',
];
const EXPOSED_HEADERS = 'x-amzn-ErrorType, x-amzn-RequestId, Date';

export interface GatewayOptions {
  config: GatewayConfig;
  /** Where the one line per request goes; default console.log. */
  log?: (line: string) => void;
  /** The gateway's clock in epoch ms; default: config.clock, else GATEWAY_CLOCK, else real time. */
  now?: () => number;
}

/** The clock the gateway reads: pinned by configuration or GATEWAY_CLOCK, else real time. */
export function gatewayClock(config: GatewayConfig, env = process.env): () => number {
  const pinned = config.clock ?? env.GATEWAY_CLOCK;
  if (pinned) {
    const time = Date.parse(pinned);
    if (Number.isNaN(time))
      throw new Error(`The gateway clock "${pinned}" is not an ISO 8601 instant.`);
    return () => time;
  }
  return Date.now;
}

function rawHeaderPairs(request: IncomingMessage): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

function readBody(request: IncomingMessage): Promise<Uint8Array | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(tooLarge ? 'too-large' : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)),
    );
    request.on('error', reject);
  });
}

/** The request handler, for use with any node:http server. */
export function createGatewayHandler(options: GatewayOptions) {
  const { config } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? gatewayClock(config);
  const verifier = new RequestVerifier(config);
  const routes = new Map<string, ReturnType<typeof matchRoute>>();
  /** Route lookups, remembered per method and path (bounded: paths come from clients). */
  function findRoute(path: string, method: string) {
    const key = `${method} ${path}`;
    let match = routes.get(key);
    if (match === undefined) {
      match = matchRoute(config, path, method);
      if (routes.size >= 1000) routes.clear();
      routes.set(key, match);
    }
    return match;
  }

  function corsHeaders(): Record<string, string> {
    if (!config.cors.enabled) return {};
    // A REST API answers its configured value whatever the Origin: it never echoes one back.
    return {
      'Access-Control-Allow-Origin': config.cors.allowOrigin,
      'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    };
  }

  function send(
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    body: string,
    extra: Record<string, string> = {},
  ) {
    // A known length sends the answer in one write instead of chunks.
    response.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
      'x-amzn-RequestId': randomUUID(),
      ...corsHeaders(),
      ...extra,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  function sendError(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    error: GatewayError,
    callerArn?: string,
  ) {
    send(request, response, error.status, JSON.stringify(error.body), {
      'x-amzn-ErrorType': error.type,
    });
    log(`${request.method} ${path} ${callerArn ?? '-'} ${error.status} ${error.type}`);
  }

  return async function handle(request: IncomingMessage, response: ServerResponse) {
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const method = request.method ?? 'GET';
    try {
      // CORS preflight: no signature, answered for any existing resource.
      if (
        method === 'OPTIONS' &&
        config.cors.enabled &&
        request.headers['access-control-request-method']
      ) {
        request.resume();
        if (!matchRoute(config, path, null)) {
          sendError(request, response, path, missingAuthenticationToken());
          return;
        }
        const asked = request.headers['access-control-request-headers'];
        const methods = [
          ...new Set(
            config.routes.map((route) =>
              route.method === 'ANY' ? 'GET,POST,PUT,PATCH,DELETE,HEAD' : route.method,
            ),
          ),
        ];
        send(request, response, 200, '{}', {
          'Access-Control-Allow-Methods': [...methods, 'OPTIONS'].join(','),
          'Access-Control-Allow-Headers': [...ALLOWED_HEADERS, ...(asked ? [asked] : [])].join(','),
          'Access-Control-Max-Age': '600',
        });
        log(`${method} ${path} - 200 -`);
        return;
      }

      const match = findRoute(path, method);
      if (!match) {
        request.resume();
        sendError(request, response, path, missingAuthenticationToken());
        return;
      }
      const body = await readBody(request);
      if (body === 'too-large') {
        send(request, response, 413, JSON.stringify({ message: 'Request Too Long' }), {
          'x-amzn-ErrorType': 'RequestTooLongException',
        });
        log(`${method} ${path} - 413 RequestTooLongException`);
        return;
      }
      const wire: WireRequest = { method, target, headers: rawHeaderPairs(request), body };
      const verification = await verifier.verify(wire, now(), match.resourcePath);
      if (!verification.ok) {
        sendError(request, response, path, verification.error, verification.callerArn);
        return;
      }
      const result = runIntegration(match.route, wire, verification.identity.arn);
      send(request, response, result.status, result.body);
      log(`${method} ${path} ${verification.identity.arn} ${result.status} -`);
    } catch (error) {
      // A bug of ours, never the client's fault: say so the way API Gateway does.
      if (!response.headersSent) {
        send(request, response, 500, JSON.stringify({ message: 'Internal server error' }), {
          'x-amzn-ErrorType': 'InternalServerErrorException',
        });
      }
      log(`${method} ${path} - 500 InternalServerErrorException ${(error as Error).message}`);
    }
  };
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 only; rejects with a clear message when the port is taken. */
export function listen(server: Server, port: number, what: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use, so the ${what} cannot start there. Stop what uses it, or choose another port.`
            : `The ${what} cannot listen on 127.0.0.1:${port}: ${error.message}`,
        ),
      );
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://127.0.0.1:${address.port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * Bad HTTP never reaches the handler: answer it API Gateway-style instead of dropping it, and
 * log it like any other request.
 */
function answerClientErrors(server: Server, log: (line: string) => void) {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    log(`- - - 400 BadRequestException ${error.code ?? ''}`.trimEnd());
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify({ message: 'Bad Request' });
    socket.end(
      'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n' +
        `x-amzn-ErrorType: BadRequestException\r\nx-amzn-RequestId: ${randomUUID()}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

export function createGatewayServer(options: GatewayOptions): Server {
  const handler = createGatewayHandler(options);
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    void handler(request, response);
  });
  answerClientErrors(server, options.log ?? ((line: string) => console.log(line)));
  return server;
}

export function startGateway(options: GatewayOptions & { port: number }): Promise<RunningServer> {
  return listen(createGatewayServer(options), options.port, 'local API Gateway');
}
