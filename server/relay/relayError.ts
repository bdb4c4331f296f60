import type { RelayErrorType } from '../../src/transport/relayProtocol';

export type RelayStatus = 400 | 403 | 405 | 413 | 415 | 500 | 502 | 504;

/** A refusal or failure the relay answers with itself: a type the page explains, a status, one sentence. */
export class RelayError extends Error {
  constructor(
    readonly type: RelayErrorType,
    readonly status: RelayStatus,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The relay request itself is malformed (400). */
export function badRequest(message: string): RelayError {
  return new RelayError('bad-request', 400, message);
}

/** The URL, method or a header cannot be sent as given (400). */
export function invalidTarget(message: string, code?: string): RelayError {
  return new RelayError('invalid-target', 400, message, code);
}
