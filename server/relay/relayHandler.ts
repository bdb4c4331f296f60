// The relay: the page signs a request in the browser and POSTs it here as JSON (see
// src/transport/relayProtocol.ts); the relay sends it on to its target exactly as signed and brings
// the answer back, because most real APIs do not allow browser origins. It never sees a secret key,
// and it never logs headers, query strings or bodies.
//
// One request goes through these steps, each in its own module:
// 1. refuseCaller: who is asking (only the playground page, at the relay's own address).
// 2. readEnvelope, parseRelayRequest, prepareTarget: what to send (the JSON envelope within the
//    limit, every field checked, nothing that cannot go on the wire exactly as signed).
// 3. sendUpstream: send it on and read the answer; classifyUpstreamError says what went wrong.
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_SEND_TIMEOUT_MS,
  RELAY_MAX_REQUEST_BYTES,
  RELAY_MAX_RESPONSE_BYTES,
} from '../../src/transport/limits';
import {
  RELAY_HEADER,
  type RelayFailure,
  type RelayResponse,
} from '../../src/transport/relayProtocol';
import { classifyUpstreamError, PageGone } from './classifyUpstreamError';
import { parseRelayRequest } from './parseRelayRequest';
import { prepareTarget, type Target } from './prepareTarget';
import { dropRestOfUpload } from '../readBoundedBody';
import { envelopeLimit, readEnvelope } from './readEnvelope';
import { refuseCaller } from './refuseCaller';
import { badRequest, RelayError } from './relayError';
import { forLog } from './relayText';
import { sendUpstream } from './sendUpstream';
import { createUpstreamAgents } from './upstreamAgents';
import { createLineWriter, type LineWriter } from '../lineWriter';
import { sendJson } from '../sendJson';

export interface RelayHandlerOptions {
  /** The port the app (and so the relay) is served on; a function when it is known only later. */
  port: number | (() => number);
  /** Request body limit in decoded bytes; default RELAY_MAX_REQUEST_BYTES (10 MiB). */
  maxBodyBytes?: number;
  /** Answer body limit in bytes; default RELAY_MAX_RESPONSE_BYTES (10 MiB). */
  maxResponseBytes?: number;
  /** Upstream timeout when the page gives none; default DEFAULT_SEND_TIMEOUT_MS (30 s). */
  defaultTimeoutMs?: number;
  /** Where the one line per request goes; default standard output, written without blocking. */
  log?: (line: string) => void;
}

/** The relay's request handler, for POST /relay on the app's own origin (any node:http server). */
export function createRelayHandler(
  options: RelayHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const maxBodyBytes = options.maxBodyBytes ?? RELAY_MAX_REQUEST_BYTES;
  const maxResponseBytes = options.maxResponseBytes ?? RELAY_MAX_RESPONSE_BYTES;
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const maxEnvelopeBytes = envelopeLimit(maxBodyBytes);
  const log = options.log ?? standardOutputLog();
  const appPort = typeof options.port === 'function' ? options.port : () => options.port as number;
  const agents = createUpstreamAgents();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const elapsed = () => `${Math.round(performance.now() - started)}ms`;

    // 1. Who is asking: only POST, only to this relay's own host, only from the app's own page.
    const refusal = refuseCaller(req, appPort());
    if (refusal) {
      req.resume();
      fail(res, refusal);
      log(
        `relay refused ${refusal.status === 405 ? `${forLog(req.method ?? '-')} ` : ''}${refusal.status} ${refusal.type}`,
      );
      return;
    }

    // 2. What to send: the JSON envelope, within the body limit, with every field checked.
    let target: Target;
    try {
      const envelope = await readEnvelope(req, maxEnvelopeBytes, maxBodyBytes).catch(
        (error: Error) => {
          if (error instanceof RelayError) throw error;
          throw badRequest(`The relay could not read the request (${error.message}).`);
        },
      );
      const { relayRequest, body } = parseRelayRequest(
        envelope.toString('utf8'),
        maxBodyBytes,
        defaultTimeoutMs,
      );
      target = prepareTarget(relayRequest, body);
    } catch (error) {
      if (!(error instanceof RelayError)) throw error;
      if (!req.complete) dropRestOfUpload(req);
      fail(res, error);
      log(`relay refused ${error.status} ${error.type}`);
      return;
    }

    // 3. Send it on, and bring the answer back (or say what went wrong).
    const where = `${target.hostname.includes(':') ? `[${target.hostname}]` : target.hostname}:${target.port}`;
    const logTarget = `${target.method} ${forLog(`${target.url.scheme}://${target.url.authority}${target.requestTarget.split('?')[0]}`)}`;
    let upstream: ClientRequest | undefined;
    // The page went away: stop the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished)
        upstream?.destroy(new PageGone('The page closed the relay request.'));
    });
    try {
      const response = await sendUpstream(
        target,
        maxResponseBytes,
        (request) => {
          upstream = request;
        },
        agents,
      );
      send(res, 200, response);
      log(`relay ${logTarget} ${response.status} ${elapsed()}`);
    } catch (error) {
      const relayError = classifyUpstreamError(
        error as Error,
        where,
        target.hostname,
        target.timeoutMs,
        maxResponseBytes,
      );
      fail(res, relayError);
      log(
        `relay ${logTarget} ${relayError.type}${relayError.code ? ` ${relayError.code}` : ''} ${elapsed()}`,
      );
    }
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug of ours: say so rather than leave the page waiting.
      fail(
        res,
        new RelayError(
          'internal',
          500,
          `The relay failed unexpectedly (${(error as Error).message}); see the server's log.`,
        ),
      );
      log(`relay error 500 ${forLog((error as Error).message)}`);
    });
  };
}

let standardOutput: LineWriter | undefined;
/**
 * The relay's lines on standard output, through one writer per process (lineWriter.ts): a
 * console.log to a terminal or a pipe would hold every relayed answer until the line is written.
 */
function standardOutputLog(): (line: string) => void {
  const writer = (standardOutput ??= createLineWriter({
    name: "the relay's log",
    droppedNotice: (count) =>
      `relay log: ${count} line${count === 1 ? '' : 's'} dropped (the destination could not keep up)`,
  }));
  return (line) => writer.write(line);
}

/** The relay's own answer: JSON, never cached, marked as the relay's (RELAY_HEADER). */
function send(res: ServerResponse, status: number, result: RelayResponse | RelayFailure) {
  // Without CORP: the relay's guard (refuseCaller) is what stops other sites, and its refusals
  // reach them as the opaque answers e2e/security.spec.ts pins down.
  sendJson(
    res,
    status,
    result,
    { [RELAY_HEADER]: '1', ...(status === 405 ? { Allow: 'POST' } : {}) },
    false,
  );
}

function fail(res: ServerResponse, error: RelayError) {
  const failure: RelayFailure = {
    kind: 'failure',
    error: {
      type: error.type,
      message: error.message,
      ...(error.code === undefined ? {} : { code: error.code }),
    },
  };
  send(res, error.status, failure);
}
