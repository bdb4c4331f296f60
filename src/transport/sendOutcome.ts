// What sending a request takes and gives back: the request as signed, the answer, and a failure
// that says which kind (the relay, the network, CORS, a timeout), never a bare "Failed to fetch".

export type TransportMode = 'relay' | 'direct';

export interface OutgoingRequest {
  method: string;
  /** Absolute URL, exactly as signed. */
  url: string;
  /** The signed header lines, Host included or not. */
  headers: Array<[string, string]>;
  body?: Uint8Array | string | undefined;
}

export interface HttpAnswer {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: Uint8Array;
  /** Milliseconds from sending to the whole answer (through the relay: the relay's own upstream time). */
  timeMs: number;
  /** The answer body's length in bytes. */
  sizeBytes: number;
  via: TransportMode;
}

export type TransportFailureKind =
  | 'cors'
  | 'relay-unreachable'
  | 'relay-refused'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'tls'
  | 'timeout'
  | 'invalid-request'
  | 'body-too-large'
  | 'response-too-large'
  | 'network';

export interface TransportFailure {
  kind: TransportFailureKind;
  /** A few words: "Blocked by CORS", "Connection refused". */
  title: string;
  /** One sentence: what happened. */
  message: string;
  /** One sentence: what to do. */
  advice: string;
  /** Node's or the relay's error code, through the relay (ECONNREFUSED, TIMEOUT, ...). */
  code?: string;
}

export type SendOutcome =
  { kind: 'response'; answer: HttpAnswer } | { kind: 'failure'; failure: TransportFailure };
