// The local API Gateway: an HTTP server that behaves like an Amazon API Gateway REST API whose
// routes use AWS_IAM authorization. Same checks, same status codes, same error texts and headers.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { GatewayConfig } from './gatewayConfig';
import { missingAuthenticationToken, type GatewayError } from './gatewayErrors';
import { runIntegration } from './integrations';
import { matchRoute, resourceMethods, type RouteMatch } from './matchRoute';
import { normalizeRequestPath, printablePath } from './normalizeRequestPath';
import { isStsPath, StsService } from './sts/stsService';
import { RequestVerifier, type WireRequest } from './verifyRequest';
import { awaitingContinue, MAX_BODY_BYTES, readBody, skipBody } from './requestBody';
import {
  createRequestLog,
  lineSink,
  NO_REQUEST_LOG,
  type RequestLogSink,
  type RequestRecord,
} from './requestLog';
import {
  encodeIamDecisionTrace,
  type IamDecisionTrace,
} from '../../src/diagnosis/iamDecisionTrace';
import {
  IAM_DECISION_HEADER,
  IAM_TRACE_REQUEST_HEADER,
} from '../../src/transport/iamDecisionHeader';

export { MAX_BODY_BYTES };

const EXPOSED_HEADERS = 'x-amzn-ErrorType, x-amzn-RequestId, Date';
/** Not strict: the page may read the IAM decision's trace too. */
const EXPOSED_HEADERS_WITH_TRACE = `${EXPOSED_HEADERS}, ${IAM_DECISION_HEADER}`;
const nodeBase64url = (text: string) => Buffer.from(text).toString('base64url');

export interface GatewayOptions {
  config: GatewayConfig;
  /** Where the one record per request goes (requestLog.ts); default: text lines to stdout. */
  requestLog?: RequestLogSink;
  /** Instead of requestLog: each record's text line to this function (tests collect them). */
  log?: (line: string) => void;
  /** The gateway's clock in epoch ms; default: config.clock, else GATEWAY_CLOCK, else real time. */
  now?: () => number;
  /**
   * Answer byte for byte as API Gateway does (`--strict`): no IAM decision trace header
   * (x-playground-iam-decision), which the local gateway otherwise adds to the answers that went
   * through the policy check, when the request asked for it (wantsTrace).
   */
  strict?: boolean;
  /**
   * Receives the handler's decision cache control, so whoever changes the configuration's
   * policies in place (the page's editor, the file watch: liveConfig.ts) can drop stale decisions.
   */
  onDecisions?: (decisions: { forget(): void }) => void;
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

/**
 * Whether a request asked for the IAM decision's trace: it carries x-playground-iam-trace (the
 * page adds it to what it sends through its relay to a gateway on this machine; anyone may send
 * it), or an Origin, as a browser's cross-origin request does (the page in direct mode). Scripts
 * and SDKs never read the trace: their answers go without it, as API Gateway's do, and cost the
 * gateway less to write.
 */
const wantsTrace = (request: IncomingMessage): boolean =>
  request.headers[IAM_TRACE_REQUEST_HEADER] !== undefined || request.headers.origin !== undefined;

function rawHeaderPairs(request: IncomingMessage): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

/**
 * Each connection's latest answer, so that the clientError handler knows when the request handler
 * has a request it has not answered yet (its answer not ended) and logs it; and the requests
 * whose body broke HTTP midway, which the clientError handler answers and logs itself. Set in the
 * handler, never removed: a listener per request to remove it would cost more than the entry,
 * which goes with its connection.
 */
const latestAnswer = new WeakMap<Socket, ServerResponse>();
const brokenMidBody = new WeakSet<IncomingMessage>();
/** Connections whose broken HTTP was already answered (and logged) by the clientError handler. */
const answeredClientErrors = new WeakSet<Socket>();

let standardOutputLog: RequestLogSink | undefined;
/** The sink the options name; else one text log to standard output, shared in the process. */
function requestLogOf(options: GatewayOptions): RequestLogSink {
  if (options.requestLog) return options.requestLog;
  if (options.log) return lineSink(options.log);
  return (standardOutputLog ??= createRequestLog());
}

/**
 * One record per request, for the request's sink. The log call sites name what they know; the
 * time and the duration are filled in here, when the answer has gone out.
 */
type Logged = Omit<RequestRecord, 'time' | 'durationMs'>;
function recorder(sink: RequestLogSink) {
  // --quiet: nothing to time or to build.
  if (sink === NO_REQUEST_LOG) return () => {};
  return (startedAt: number, logged: Logged) => {
    // Each call site's record is its own object: completed in place rather than copied.
    const record = logged as RequestRecord;
    record.time = Date.now();
    record.durationMs = Math.round((performance.now() - startedAt) * 100) / 100;
    sink.write(record);
  };
}

/** The request handler, for use with any node:http server. */
export function createGatewayHandler(options: GatewayOptions) {
  const { config } = options;
  const record = recorder(requestLogOf(options));
  const now = options.now ?? gatewayClock(config);
  // Not strict, answers that went through the policy check carry its trace when asked (wantsTrace).
  const verifier = new RequestVerifier(config, undefined, options.strict !== true);
  options.onDecisions?.({ forget: () => verifier.forgetDecisions() });
  /**
   * Each trace's headers, encoded once: the verifier gives a trace again while it holds. Shared
   * between answers, so never changed once made (send copies them).
   */
  const traceHeaders = new WeakMap<IamDecisionTrace, Readonly<Record<string, string>>>();
  const NO_HEADERS: Readonly<Record<string, string>> = {};
  const traceHeader = (
    request: IncomingMessage,
    trace: IamDecisionTrace | undefined,
  ): Readonly<Record<string, string>> => {
    if (trace === undefined || !wantsTrace(request)) return NO_HEADERS;
    let headers = traceHeaders.get(trace);
    if (headers === undefined) {
      const encoded = encodeIamDecisionTrace(trace, { base64url: nodeBase64url });
      headers = config.cors.enabled
        ? {
            [IAM_DECISION_HEADER]: encoded,
            'Access-Control-Expose-Headers': EXPOSED_HEADERS_WITH_TRACE,
          }
        : { [IAM_DECISION_HEADER]: encoded };
      traceHeaders.set(trace, headers);
    }
    return headers;
  };
  // The local STS shares the verifier: the sessions it issues sign API routes (sts/).
  const sts = config.sts.enabled ? new StsService(config, verifier) : undefined;
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

  const paths = new Map<string, { requestPath: string | null; logPath: string }>();
  /** Longer paths are worked out each time: a thousand of them stay within a megabyte. */
  const MAX_REMEMBERED_PATH = 1024;
  /**
   * The one path for the route, the resource ARN and the log (normalizeRequestPath.ts), and its
   * printable form, remembered per path as sent (bounded: paths come from clients).
   */
  function pathsOf(rawPath: string) {
    let known = paths.get(rawPath);
    if (known === undefined) {
      const requestPath = normalizeRequestPath(rawPath);
      known = { requestPath, logPath: printablePath(requestPath ?? rawPath) };
      if (rawPath.length <= MAX_REMEMBERED_PATH) {
        if (paths.size >= 1000) paths.clear();
        paths.set(rawPath, known);
      }
    }
    return known;
  }

  function send(
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    body: string,
    extra: Readonly<Record<string, string>> = {},
  ) {
    // A known length sends the answer in one write instead of chunks. One object, filled in
    // place: this runs for every answer.
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
      'x-amzn-RequestId': randomUUID(),
    };
    if (config.cors.enabled) {
      // A REST API answers its configured value whatever the Origin: it never echoes one back.
      headers['Access-Control-Allow-Origin'] = config.cors.allowOrigin;
      headers['Access-Control-Expose-Headers'] = EXPOSED_HEADERS;
    }
    for (const name in extra) headers[name] = extra[name]!;
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  function sendError(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    startedAt: number,
    error: GatewayError,
    callerArn?: string,
    extra: Readonly<Record<string, string>> = {},
  ) {
    send(request, response, error.status, JSON.stringify(error.body), {
      'x-amzn-ErrorType': error.type,
      ...extra,
    });
    record(startedAt, {
      method: request.method ?? null,
      path,
      callerArn: callerArn ?? null,
      status: error.status,
      errorType: error.type,
    });
  }

  /** Case 1 for a request that names no resource: its body is not read (skipBody). */
  function sendNoSuchResource(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    startedAt: number,
  ) {
    sendError(
      request,
      response,
      path,
      startedAt,
      missingAuthenticationToken(),
      undefined,
      skipBody(request),
    );
  }

  /** A preflight's answer: the resource's methods and the configured headers, whatever was asked. */
  function preflightHeaders(match: RouteMatch): Record<string, string> {
    const methods = new Set(
      resourceMethods(config, match).flatMap((method) =>
        method === 'ANY' ? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] : [method],
      ),
    );
    return {
      'Access-Control-Allow-Methods': [...methods, 'OPTIONS'].join(','),
      'Access-Control-Allow-Headers': config.cors.allowHeaders.join(','),
      'Access-Control-Max-Age': '600',
    };
  }

  /**
   * The request with its body, or undefined when it was answered (body over the limit) or
   * nobody is left to answer (the client went away).
   */
  async function readWire(
    request: IncomingMessage,
    response: ServerResponse,
    logPath: string,
    startedAt: number,
  ): Promise<WireRequest | undefined> {
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    if (body.kind === 'aborted') {
      // Nobody to answer: the client closed the connection before its body was complete
      // (unless the body broke HTTP midway: answered and logged as a 400 by clientError).
      if (!brokenMidBody.has(request)) {
        record(startedAt, {
          method,
          path: logPath,
          callerArn: null,
          status: null,
          errorType: 'aborted',
        });
      }
      return undefined;
    }
    if (body.kind === 'too-large') {
      // Connection: close makes node close the connection once the answer is written; what
      // is left of the body is never read.
      send(request, response, 413, JSON.stringify({ message: 'Request Too Long' }), {
        'x-amzn-ErrorType': 'RequestTooLongException',
        Connection: 'close',
      });
      record(startedAt, {
        method,
        path: logPath,
        callerArn: null,
        status: 413,
        errorType: 'RequestTooLongException',
      });
      return undefined;
    }
    return {
      method,
      target: request.url ?? '/',
      headers: rawHeaderPairs(request),
      body: body.body,
    };
  }

  /** The local STS's path: a preflight, or STS's query API answered in XML (sts/stsService.ts). */
  async function handleSts(
    service: StsService,
    request: IncomingMessage,
    response: ServerResponse,
    logPath: string,
    startedAt: number,
  ) {
    const method = request.method ?? 'GET';
    if (
      method === 'OPTIONS' &&
      config.cors.enabled &&
      request.headers['access-control-request-method']
    ) {
      send(request, response, 200, '{}', {
        'Access-Control-Allow-Methods': 'GET,POST,OPTIONS',
        'Access-Control-Allow-Headers': config.cors.allowHeaders.join(','),
        'Access-Control-Max-Age': '600',
        ...skipBody(request),
      });
      record(startedAt, { method, path: logPath, callerArn: null, status: 200, errorType: null });
      return;
    }
    const wire = await readWire(request, response, logPath, startedAt);
    if (wire === undefined) return;
    const answer = await service.handle(wire, now());
    send(request, response, answer.status, answer.body, {
      'Content-Type': 'text/xml',
      'x-amzn-RequestId': answer.requestId,
    });
    record(startedAt, {
      method,
      path: logPath,
      callerArn: answer.callerArn ?? null,
      status: answer.status,
      errorType: answer.code ?? null,
    });
  }

  return async function handle(request: IncomingMessage, response: ServerResponse) {
    const startedAt = performance.now();
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
    const { requestPath, logPath } = pathsOf(rawPath);
    const method = request.method ?? 'GET';
    try {
      // The local STS comes first: its path lies outside the stage (stsConfig.ts).
      if (sts !== undefined && isStsPath(rawPath, config.sts.path)) {
        await handleSts(sts, request, response, logPath, startedAt);
        return;
      }
      // CORS preflight: no signature, answered for any existing resource.
      if (
        method === 'OPTIONS' &&
        config.cors.enabled &&
        request.headers['access-control-request-method']
      ) {
        const resource = requestPath === null ? null : matchRoute(config, requestPath, null);
        if (!resource) {
          sendNoSuchResource(request, response, logPath, startedAt);
          return;
        }
        send(request, response, 200, '{}', { ...preflightHeaders(resource), ...skipBody(request) });
        record(startedAt, { method, path: logPath, callerArn: null, status: 200, errorType: null });
        return;
      }

      const match = requestPath === null ? null : findRoute(requestPath, method);
      if (!match) {
        sendNoSuchResource(request, response, logPath, startedAt);
        return;
      }
      const wire = await readWire(request, response, logPath, startedAt);
      if (wire === undefined) return;
      const verification = await verifier.verify(
        wire,
        now(),
        match.resourcePath,
        request.socket.remoteAddress,
      );
      if (!verification.ok) {
        sendError(
          request,
          response,
          logPath,
          startedAt,
          verification.error,
          verification.callerArn,
          traceHeader(request, verification.trace),
        );
        return;
      }
      const result = runIntegration(match.route, wire, verification.identity.arn);
      send(request, response, result.status, result.body, traceHeader(request, verification.trace));
      record(startedAt, {
        method,
        path: logPath,
        callerArn: verification.identity.arn,
        status: result.status,
        errorType: null,
      });
    } catch (error) {
      // A bug of ours, never the client's fault: say so the way API Gateway does.
      if (!response.headersSent) {
        send(request, response, 500, JSON.stringify({ message: 'Internal server error' }), {
          'x-amzn-ErrorType': 'InternalServerErrorException',
        });
      }
      record(startedAt, {
        method,
        path: logPath,
        callerArn: null,
        status: 500,
        errorType: 'InternalServerErrorException',
        detail: (error as Error).message,
      });
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
function answerClientErrors(server: Server, log: RequestLogSink) {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A head over node's limit is reported again for the bytes the client is still sending after
    // the 400 went out: one connection, one answer and one log line.
    if (answeredClientErrors.has(socket)) return socket.destroy();
    answeredClientErrors.add(socket);
    const answer = latestAnswer.get(socket);
    const request = answer !== undefined && !answer.writableEnded ? answer.req : undefined;
    if (request !== undefined) {
      // The connection ended in the middle of a request's body: the client left, and the
      // request handler logs that as an abort. Any other error there is a body that is not
      // HTTP (a bad chunk size, say): the 400 below, and the request handler stays silent.
      if (error.code === 'HPE_INVALID_EOF_STATE' || error.code === 'ECONNRESET')
        return socket.destroy();
      brokenMidBody.add(request);
    }
    log.write({
      time: Date.now(),
      method: null,
      path: null,
      callerArn: null,
      status: 400,
      errorType: 'BadRequestException',
      durationMs: null,
      ...(error.code ? { detail: error.code } : {}),
    });
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
    latestAnswer.set(request.socket, response);
    void handler(request, response);
  });
  // Every header line reaches the verifier: node would drop lines past 2000 (the head as a
  // whole stays bounded by node's maxHeaderSize, 16 KiB).
  server.maxHeadersCount = 0;
  // Expect: 100-continue. The 100 goes out only when the body is wanted (readBody): a request
  // for no route, or with a body declared over the limit, gets its final answer straight away.
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    awaitingContinue.set(request, response);
    latestAnswer.set(request.socket, response);
    void handler(request, response);
  });
  answerClientErrors(server, requestLogOf(options));
  return server;
}

export function startGateway(options: GatewayOptions & { port: number }): Promise<RunningServer> {
  return listen(createGatewayServer(options), options.port, 'local API Gateway');
}
