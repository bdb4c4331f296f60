// The relay request's fields, each checked for its type and range before anything else happens.
import { MAX_SEND_TIMEOUT_MS } from '../../src/transport/limits';
import type { RelayRequest } from '../../src/transport/relayProtocol';
import { badRequest, RelayError } from './relayError';
import { formatBytes } from './relayText';

/** Base64 alphabet and padding; with a length check, since a grouped pattern overflows the stack. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (text: string) => text.length % 4 === 0 && BASE64.test(text);

/**
 * The envelope's JSON as a RelayRequest (timeout filled in) and its decoded body; a 400
 * RelayError naming the field that is wrong, or a 413 when the body is over `maxBodyBytes`.
 */
export function parseRelayRequest(
  text: string,
  maxBodyBytes: number,
  defaultTimeoutMs: number,
): { relayRequest: RelayRequest & { timeoutMs: number }; body: Buffer } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw badRequest(`The relay request is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw badRequest('The relay request must be a JSON object with method, url and headers.');
  }
  const fields = raw as Record<string, unknown>;
  const { method, url, headers, bodyBase64, timeoutMs } = fields;
  if (typeof method !== 'string' || method === '') {
    throw badRequest('The relay request needs "method", a non-empty string such as "POST".');
  }
  if (typeof url !== 'string' || url === '') {
    throw badRequest('The relay request needs "url", an absolute http:// or https:// URL.');
  }
  if (!Array.isArray(headers)) {
    throw badRequest('The relay request needs "headers", a list of [name, value] pairs.');
  }
  headers.forEach((pair: unknown, index) => {
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      typeof pair[0] !== 'string' ||
      typeof pair[1] !== 'string'
    ) {
      throw badRequest(`"headers[${index}]" must be a [name, value] pair of strings.`);
    }
  });
  if (bodyBase64 !== undefined && (typeof bodyBase64 !== 'string' || !isBase64(bodyBase64))) {
    throw badRequest('"bodyBase64" must be a Base64 string (standard alphabet, padded).');
  }
  if (
    timeoutMs !== undefined &&
    (typeof timeoutMs !== 'number' ||
      !Number.isInteger(timeoutMs) ||
      timeoutMs < 1 ||
      timeoutMs > MAX_SEND_TIMEOUT_MS)
  ) {
    throw badRequest(
      `"timeoutMs" must be a whole number of milliseconds from 1 to ${MAX_SEND_TIMEOUT_MS}.`,
    );
  }
  const base64 = bodyBase64 ?? '';
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const bodyLength = (base64.length / 4) * 3 - padding;
  if (bodyLength > maxBodyBytes) {
    throw new RelayError(
      'body-too-large',
      413,
      `The request body is ${formatBytes(bodyLength)}, over the relay's limit of ${formatBytes(maxBodyBytes)}, so the relay did not send it; send a smaller body.`,
    );
  }
  return {
    relayRequest: {
      method,
      url,
      headers: headers as Array<[string, string]>,
      bodyBase64: base64,
      timeoutMs: timeoutMs ?? defaultTimeoutMs,
    },
    body: Buffer.from(base64, 'base64'),
  };
}
