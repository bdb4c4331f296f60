// Whatever went wrong on the way to the target, told apart: each failure becomes a relay error type
// the page explains (dns, refused, reset, tls, timeout, ...) with one sentence that says what to do.
import { RELAY_MAX_RESPONSE_BYTES } from '../../src/transport/limits';
import { invalidTarget, RelayError } from './relayError';
import { formatBytes } from './relayText';

/** The target gave no complete answer within the timeout. */
export class UpstreamTimeout extends Error {}
/** The target's answer went over the response limit. */
export class ResponseTooLarge extends Error {}
/** The page closed the relay request before the answer came. */
export class PageGone extends Error {}

const TLS_CODES = new Set([
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'HOSTNAME_MISMATCH',
]);

const isTlsCode = (code: string) =>
  TLS_CODES.has(code) ||
  code.startsWith('ERR_TLS_') ||
  code.startsWith('ERR_SSL_') ||
  code.startsWith('CERT_');

/** Node's codes for a request it will not write as given. */
const REFUSED_BY_NODE = new Set([
  'ERR_INVALID_CHAR',
  'ERR_UNESCAPED_CHARACTERS',
  'ERR_INVALID_HTTP_TOKEN',
  'ERR_INVALID_URL',
  'ERR_INVALID_ARG_VALUE',
]);

/** The error code, looking inside the AggregateError of Node's happy-eyeballs connect. */
function errorCode(error: Error): string {
  const own = (error as NodeJS.ErrnoException).code;
  if (own) return own;
  const inner = (error as Partial<AggregateError>).errors?.[0] as NodeJS.ErrnoException | undefined;
  return inner?.code ?? '';
}

/** Maps whatever went wrong with the target to a relay error the page can explain. */
export function classifyUpstreamError(
  error: Error,
  where: string,
  hostname: string,
  timeoutMs: number,
  maxResponseBytes = RELAY_MAX_RESPONSE_BYTES,
): RelayError {
  if (error instanceof RelayError) return error;
  if (error instanceof UpstreamTimeout) {
    return new RelayError(
      'timeout',
      504,
      `The target at ${where} gave no complete answer within ${timeoutMs} ms; check that the API is not stuck, or allow a longer timeout.`,
      'TIMEOUT',
    );
  }
  if (error instanceof PageGone) {
    return new RelayError(
      'network',
      502,
      'The page closed the relay request before the answer came, so the relay dropped it.',
      'PAGE_CLOSED',
    );
  }
  if (error instanceof ResponseTooLarge) {
    return new RelayError(
      'response-too-large',
      502,
      `The target at ${where} answered with a body over the relay's limit of ${formatBytes(maxResponseBytes)}, so the relay stopped reading it; ask for less (a range or a smaller page).`,
      'RESPONSE_TOO_LARGE',
    );
  }
  const code = errorCode(error);
  const detail = error.message || code;
  if (code === 'ENOTFOUND') {
    return new RelayError(
      'dns',
      502,
      `The host name ${hostname} does not resolve (DNS lookup failed); check the URL's host name for typos.`,
      code,
    );
  }
  if (code === 'EAI_AGAIN') {
    return new RelayError(
      'dns',
      502,
      `The DNS lookup of ${hostname} failed for now (EAI_AGAIN); check the network connection and try again.`,
      code,
    );
  }
  if (code === 'ECONNREFUSED') {
    return new RelayError(
      'refused',
      502,
      `Nothing is listening at ${where} (connection refused). Is the API running, and is the port right?`,
      code,
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(detail)) {
    return new RelayError(
      'reset',
      502,
      `The target at ${where} closed the connection before a complete answer (${detail}); check the server's log, and whether it expects https:// rather than http://.`,
      code || 'ECONNRESET',
    );
  }
  if (isTlsCode(code)) {
    const certificate = code !== 'EPROTO' && !code.startsWith('ERR_SSL_');
    return new RelayError(
      'tls',
      502,
      certificate
        ? `The TLS certificate of ${where} is not trusted (${code}: ${detail}); use a certificate the relay's Node trusts, for example through NODE_EXTRA_CA_CERTS.`
        : `The TLS handshake with ${where} failed (${detail.split('\n')[0]}); if the server speaks plain HTTP, use http:// instead of https://.`,
      code,
    );
  }
  if (code === 'ETIMEDOUT') {
    return new RelayError(
      'timeout',
      504,
      `Connecting to ${where} timed out (ETIMEDOUT); check the host and port, and any firewall in between.`,
      code,
    );
  }
  if (REFUSED_BY_NODE.has(code)) {
    return invalidTarget(`Node refused to send the request as given: ${detail}.`, code);
  }
  if (code.startsWith('HPE_')) {
    return new RelayError(
      'network',
      502,
      `The target at ${where} answered with something that is not valid HTTP/1.1 (${detail}); check the port, and whether it expects https://.`,
      code,
    );
  }
  return new RelayError(
    'network',
    502,
    `The request to ${where} failed (${code ? `${code}: ` : ''}${detail}); check that the target is reachable from this machine.`,
    code || undefined,
  );
}
