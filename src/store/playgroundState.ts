import type { SavedOptions } from '../collections/collectionModel';
import type { QueryParam } from '../request/queryParams';
import type { CollectionsSlice, EnvironmentsSlice, SavedFrom } from './collectionsState';
import type { SigningAlgorithm, SigningInput, SigningResult } from '../signing';
import type { FormFix } from './applyFix';
import type { TabsSlice } from './tabsState';
import type { IdentitySlice } from './identityState';
import type { ProfilesSlice } from './profilesState';
import type { SigningPlan } from './planSigning';
import type {
  HttpAnswer,
  OutgoingRequest,
  SendOutcome,
  TransportFailure,
  TransportMode,
} from '../transport/sendRequest';
import type { VaultSlice } from './vaultState';

// The shape of the one playground store. Each slice is a namespace holding its own data and
// actions (`s.request.url`, `s.request.setField`), so selectors read like the page's sections.

export interface HeaderRow {
  /** Stable React key: rows are edited, reordered by removal and persisted. */
  id: string;
  name: string;
  value: string;
  /** Unticked rows are still sent but left out of the signature (unsignedHeaders). */
  signed: boolean;
  /**
   * The value carried a credential and was not saved (or not shared): the row came back empty,
   * and the page asks for the value again. Cleared when the row is edited.
   */
  withheld?: boolean;
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
  /**
   * What was taken out of the URL when it was saved or shared because it carried a credential
   * (query parameter names, 'user:password@'); the page says so until the URL is edited.
   */
  withheldFromUrl: string[];
  /** The saved request the form was opened from or saved as (collectionsSlice.ts); null: none. */
  savedFrom: SavedFrom | null;
  /**
   * The name of the profile (profilesSlice.ts) this request signs with; '' for none: the active
   * environment's profile, else the keys typed in the Credentials panel (activeCredentials.ts).
   * Only the name is stored, saved or shared, never what the profile holds.
   */
  profile: string;
}

export type RequestTextField =
  | 'method'
  | 'url'
  | 'bodySource'
  | 'bodyText'
  | 'regionOverride'
  | 'serviceOverride'
  | 'signingTime'
  | 'profile';

export interface RequestSlice extends RequestFields {
  setField<K extends RequestTextField>(key: K, value: RequestFields[K]): void;
  /**
   * Signs with profile `name` ('' for none); its region fills the request's where neither the
   * host nor the user decides it (chooseProfile.ts).
   */
  chooseProfile(name: string): void;
  addHeader(name?: string, value?: string): string;
  updateHeader(id: string, patch: Partial<Omit<HeaderRow, 'id'>>): void;
  removeHeader(id: string): void;
  setQueryParams(params: QueryParam[]): void;
  /** Reads a chosen file into memory with progress; resolves when done (or superseded). */
  loadBodyFile(file: Blob & { name?: string }): Promise<void>;
  clearBodyFile(): void;
  /**
   * Applies a one-click fix (a validation issue's, a diagnosis', the clock notice's) to the form:
   * the one way fixes are applied (applyFix.ts).
   */
  applyFix(fix: FormFix): void;
  /** Fills the form from a pasted curl command or HTTP request (and its keys, when it had any). */
  importRequest(request: ImportableRequest): void;
  /** Puts a saved request (history, share link) back into the form, with its signing options. */
  restoreRequest(snapshot: RequestSnapshot): void;
}

/**
 * What the importer hands over: importing's ImportedRequest has this shape. Declared here so the
 * store does not depend on the importer (which is loaded lazily).
 */
export interface ImportableRequest {
  method: string;
  url: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** The key ID a signed request named, when its secret is unknown (no `credentials`). */
  accessKeyId?: string;
  /** The session token a signed request carried, when its keys are unknown. */
  sessionToken?: string;
  region?: string;
  service?: string;
  /** How the pasted request was already signed: Import signs it again the same way. */
  existingSignature?: { algorithm: SigningAlgorithm; regionSet?: string };
}

/** Importing's ImportedCredentials, as far as the store reads it. */
export interface ImportableCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** ISO 8601, when the source said when the keys expire. */
  expiration?: string;
  region?: string;
}

/** The signing options a request carries (history, tabs, share links, collections). */
export type SnapshotOptions = SavedOptions;

/**
 * A request without any secret: what history keeps and what a share link carries. No access key,
 * secret key or session token, no credential header's value and no credential in the URL
 * (request/credentialFields.ts).
 */
export interface RequestSnapshot {
  method: string;
  url: string;
  /** A credential header keeps its name, with an empty value and `withheld`. */
  headers: Array<{ name: string; value: string; signed: boolean; withheld?: boolean }>;
  /** What was taken out of the URL (credentialFields' withoutCredentialsInUrl); absent: nothing. */
  withheldFromUrl?: string[];
  /** The text body; '' when there was none, or it was a file, or too long to keep. */
  body: string;
  /** True when a body was left out (a file, or over the size limit). */
  bodyDropped: boolean;
  region: string;
  service: string;
  options: SnapshotOptions;
  /** The profile the request signed with, by name; absent: none (the typed keys). */
  profile?: string;
}

export interface CredentialsFields {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Whether the secret is shown in clear (its field and kSecret); never persisted. */
  secretVisible: boolean;
  /** When imported keys expire (ISO 8601), if the import said; never persisted. */
  expiration: string | null;
}

export interface CredentialsSlice extends CredentialsFields {
  setField<K extends keyof CredentialsFields>(key: K, value: CredentialsFields[K]): void;
  fillIdentity(identity: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
  }): void;
  /** Fills the keys from pasted credentials (env, ini, JSON); a region goes to the request. */
  importCredentials(credentials: ImportableCredentials): void;
}

/** The page's options: the signing options a request carries, and the page's own. */
export interface OptionsFields extends SavedOptions {
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

/** One sent request, without secrets. */
export interface HistoryEntry {
  id: string;
  request: RequestSnapshot;
  /** The HTTP status, or null when no answer came (a transport failure). */
  status: number | null;
  /** The status text, or the failure's title. */
  statusText: string;
  /** This machine's clock when the outcome came, in ms since the epoch. */
  sentAt: number;
}

export interface HistorySlice {
  /** Newest first, at most MAX_HISTORY_ENTRIES. */
  entries: HistoryEntry[];
  record(entry: Omit<HistoryEntry, 'id'>): void;
  remove(id: string): void;
  clear(): void;
  /** Restores an entry's request into the form. */
  open(id: string): void;
}

/** A signing input and its result. */
export interface SignedRequest {
  input: SigningInput;
  result: SigningResult;
}

/** The signing the page shows, and whether it is Send's own or the live one. */
export interface ShownSigning extends SignedRequest {
  source: 'sent' | 'live';
}

/** The live signature (signingSlice.ts): derived from the form, signed as it changes. */
export interface SigningSlice {
  /** Everything derived from the form before signing: the input, its issues and blockers. */
  plan: SigningPlan;
  /** The latest signing of the plan (null until the first one is done). */
  live: SignedRequest | null;
  /** Why the latest live signing failed, or null. */
  error: string | null;
  /** The one signing every panel shows: Send's while the form still matches it, else live. */
  shown: ShownSigning | null;
  /** Brings the plan and the shown signing up to date; the store calls it after each change. */
  sync(): void;
}

/**
 * The text of "Check a signature"'s Signed request field, shared so that Import's "Check it"
 * can put a pasted signed request there. Page state only: never saved.
 */
export interface CheckDraftSlice {
  text: string;
  setText(text: string): void;
}

export interface PlaygroundState {
  request: RequestSlice;
  credentials: CredentialsSlice;
  vault: VaultSlice;
  options: OptionsSlice;
  response: ResponseSlice;
  history: HistorySlice;
  signing: SigningSlice;
  checkDraft: CheckDraftSlice;
  collections: CollectionsSlice;
  environments: EnvironmentsSlice;
  tabs: TabsSlice;
  profiles: ProfilesSlice;
  identity: IdentitySlice;
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
