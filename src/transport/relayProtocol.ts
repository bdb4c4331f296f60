// The wire protocol between the page and the relay (server/relay). The page signs; the relay only
// carries the signed request to its target and brings the answer back, because most real APIs do
// not allow browser origins. The relay never sees a secret key: only the signed request.

/** POST /relay with this JSON body. */
export interface RelayRequest {
  method: string;
  /** Absolute http(s) URL; the path and query go on the wire exactly as written here. */
  url: string;
  /** Header lines in order, names as given; Host included when the page sets one. */
  headers: Array<[name: string, value: string]>;
  /** The body bytes, Base64; absent or '' for none. */
  bodyBase64?: string;
  /** Upstream timeout in whole milliseconds, 1 to MAX_SEND_TIMEOUT_MS (default DEFAULT_SEND_TIMEOUT_MS; limits.ts). */
  timeoutMs?: number;
}

export interface RelayTimings {
  /** Milliseconds from the relay starting the request to each event. */
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  firstByteMs: number;
  totalMs: number;
}

/** 200 from the relay: the target answered (whatever its status). */
export interface RelayResponse {
  kind: 'response';
  status: number;
  statusText: string;
  /** Response header lines in order, names as the target sent them. */
  headers: Array<[name: string, value: string]>;
  bodyBase64: string;
  timings: RelayTimings;
}

/** Everything that is not an HTTP answer from the target, each a kind the page can explain. */
export type RelayErrorType =
  | 'forbidden-origin' // the caller is not the playground's own page
  | 'forbidden-host' // the relay was addressed by another host name (DNS rebinding)
  | 'bad-request' // the relay request itself is malformed
  | 'body-too-large' // the request body is over the relay's limit (RELAY_MAX_REQUEST_BYTES by default)
  | 'response-too-large' // the target's answer is over the relay's limit
  | 'invalid-target' // the URL or a header cannot be sent as given
  | 'dns' // the target's host name does not resolve
  | 'refused' // nothing listens at the target
  | 'reset' // the connection was reset or closed early
  | 'tls' // the TLS handshake failed (certificate, protocol)
  | 'timeout' // no complete answer within the timeout
  | 'network' // any other network failure (a non-HTTP answer, an upgrade, the page gone)
  | 'internal'; // a bug in the relay itself

/** 4xx/5xx from the relay itself, never from the target. */
export interface RelayFailure {
  kind: 'failure';
  /**
   * `message` is one sentence saying what happened and what to do. `code` is Node's error code
   * (ECONNREFUSED, ERR_TLS_CERT_ALTNAME_INVALID, HPE_*, ...) or the relay's own: TIMEOUT,
   * RESPONSE_TOO_LARGE, UPGRADE, PAGE_CLOSED.
   */
  error: { type: RelayErrorType; message: string; code?: string };
}

export type RelayResult = RelayResponse | RelayFailure;

/** Response header that marks an answer as the relay's own (present on both kinds). */
export const RELAY_HEADER = 'x-sigv4-relay';
export const RELAY_PATH = '/relay';
