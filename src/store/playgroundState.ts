import type { QueryParam } from '../request/queryParams';
import type { SigningInput, SigningResult, ValidationIssue } from '../signing';
import type {
  HttpAnswer,
  OutgoingRequest,
  SendOutcome,
  TransportFailure,
  TransportMode,
} from '../transport/sendRequest';

// The shape of the one playground store. Each slice is a namespace holding its own data and
// actions (`s.request.url`, `s.request.setField`), so selectors read like the page's sections.

export interface HeaderRow {
  /** Stable React key: rows are edited, reordered by removal and persisted. */
  id: string;
  name: string;
  value: string;
  /** Unticked rows are still sent but left out of the signature (unsignedHeaders). */
  signed: boolean;
}

export interface BodyFile {
  name: string;
  type: string;
  size: number;
  status: 'reading' | 'ready' | 'error';
  loadedBytes: number;
  /** The file's bytes once read; never persisted. */
  bytes: Uint8Array | null;
  error?: string;
  /** Which read this is: a slower earlier read must not overwrite a newer file. */
  readId: number;
}

export interface RequestFields {
  method: string;
  /** Exactly as it goes on the wire; the query table edits it in place. */
  url: string;
  headers: HeaderRow[];
  bodySource: 'text' | 'file';
  bodyText: string;
  bodyFile: BodyFile | null;
  /** null: use what detectScope finds in the host. A typed value sticks until "use detected". */
  regionOverride: string | null;
  serviceOverride: string | null;
  /** '' signs with the clock at the moment of sending; otherwise ISO 8601. */
  signingTime: string;
}

export type RequestTextField =
  | 'method'
  | 'url'
  | 'bodySource'
  | 'bodyText'
  | 'regionOverride'
  | 'serviceOverride'
  | 'signingTime';

export interface RequestSlice extends RequestFields {
  setField<K extends RequestTextField>(key: K, value: RequestFields[K]): void;
  addHeader(name?: string, value?: string): string;
  updateHeader(id: string, patch: Partial<Omit<HeaderRow, 'id'>>): void;
  removeHeader(id: string): void;
  setQueryParams(params: QueryParam[]): void;
  /** Reads a chosen file into memory with progress; resolves when done (or superseded). */
  loadBodyFile(file: Blob & { name?: string }): Promise<void>;
  clearBodyFile(): void;
  /** Applies a validation issue's one-click fix to the field it names. */
  applyFix(issue: ValidationIssue, headerRowIds: readonly string[]): void;
}

export interface CredentialsFields {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Opt-in: only then do the secret key and session token reach localStorage. */
  remember: boolean;
  /** Whether the secret is shown in clear (its field and kSecret); never persisted. */
  secretVisible: boolean;
}

export interface CredentialsSlice extends CredentialsFields {
  setField<K extends keyof CredentialsFields>(key: K, value: CredentialsFields[K]): void;
  fillIdentity(identity: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
  }): void;
  /** Clears the secret key and session token from the page and from storage. */
  forget(): void;
}

export interface OptionsFields {
  mode: 'header' | 'query';
  /** Text so that whatever the user typed stays visible next to its message. */
  expiresIn: string;
  payload: 'signed' | 'unsigned';
  /** null: follow the service (on for s3, as the signer's own default). */
  contentSha256Header: boolean | null;
  /** null: follow the service. true: normalizePath=false, doubleEncodePath=false. */
  s3PathRules: boolean | null;
  signSessionToken: boolean;
  /** null: relay when the server offers one, else direct. */
  transport: TransportMode | null;
  /** The local gateway's base URL the defaults were built from (from playground-config.json). */
  gatewayUrl: string;
  /** From playground-config.json; null until it has loaded. Not persisted. */
  relayAvailable: boolean | null;
  /**
   * Added to this machine's clock when signing with "now" (Sign with the server's time), in
   * seconds. Not persisted: a skew measured today says nothing about tomorrow.
   */
  clockOffsetSeconds: number;
}

export type OptionsField = Exclude<keyof OptionsFields, 'gatewayUrl' | 'relayAvailable'>;

export interface OptionsSlice extends OptionsFields {
  setField<K extends OptionsField>(key: K, value: OptionsFields[K]): void;
  /** Points the page at the running server's gateway and says whether the relay exists. */
  applyPlaygroundConfig(config: { gatewayUrl: string; relay: boolean }): void;
}

/** What Send sent: the input signed and every artifact of that signing. */
export interface SentRequest {
  input: SigningInput;
  signing: SigningResult;
  transport: TransportMode;
  outgoing: OutgoingRequest;
}

export type ResponseOutcome =
  | { kind: 'idle' }
  | { kind: 'sending'; startedAt: number; sent: SentRequest }
  /** receivedAt: this machine's clock when the answer came (for the server's Date header). */
  | { kind: 'response'; answer: HttpAnswer; sent: SentRequest; receivedAt?: number }
  /** `sent` is null when signing itself failed and nothing went out. */
  | { kind: 'failure'; failure: TransportFailure; sent: SentRequest | null };

export interface ResponseSlice {
  outcome: ResponseOutcome;
  /** Signs afresh (the clock when the signing time is empty) and sends. Never rejects. */
  send(): Promise<void>;
  cancel(): void;
}

export interface PlaygroundState {
  request: RequestSlice;
  credentials: CredentialsSlice;
  options: OptionsSlice;
  response: ResponseSlice;
}

/** What the store needs from the outside world; tests pass fakes. */
export interface PlaygroundDeps {
  signRequest(input: SigningInput): Promise<SigningResult>;
  sendRequest(
    request: OutgoingRequest,
    options: { mode: TransportMode; signal?: AbortSignal },
  ): Promise<SendOutcome>;
  now(): number;
}

export type StoreSet = (update: (state: PlaygroundState) => Partial<PlaygroundState>) => void;
export type StoreGet = () => PlaygroundState;
