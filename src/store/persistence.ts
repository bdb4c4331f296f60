import { withoutCredentialHeaders, withoutCredentialsInUrl } from '../request/credentialFields';
import { detectScope } from '../request/detectScope';
import { MAX_HISTORY_ENTRIES } from './historySlice';
import type {
  CredentialsFields,
  HeaderRow,
  HistoryEntry,
  OptionsFields,
  PlaygroundState,
  RequestFields,
  RequestSnapshot,
  SnapshotOptions,
} from './playgroundState';
import { snapshotOptions, withoutCredentials } from './requestSnapshot';
import { freshTab, MAX_TABS } from './tabsSlice';
import type { OpenTab, ParkedTab, TabsSlice } from './tabsState';

export const STORAGE_KEY = 'sigv4-playground';
export const STORAGE_VERSION = 1;
/** Longer text bodies are not saved: localStorage holds about 5 MB per origin in all. */
export const MAX_PERSISTED_BODY_CHARS = 256 * 1024;
/**
 * The bound for the text body of each tab not on screen. Up to MAX_TABS of them share the
 * origin's ~5 MB with History (50 bodies of up to 64 KiB) and the request on screen.
 */
export const MAX_PERSISTED_TAB_BODY_CHARS = 16 * 1024;

type PersistedRequest = Pick<
  RequestFields,
  | 'method'
  | 'url'
  | 'headers'
  | 'bodyText'
  | 'regionOverride'
  | 'serviceOverride'
  | 'signingTime'
  | 'withheldFromUrl'
  | 'savedFrom'
>;
type PersistedCredentials = Pick<CredentialsFields, 'accessKeyId' | 'remember'> &
  Partial<Pick<CredentialsFields, 'secretAccessKey' | 'sessionToken'>>;
type PersistedOptions = Omit<OptionsFields, 'relayAvailable' | 'clockOffsetSeconds'>;

export interface PersistedState {
  request: PersistedRequest;
  credentials: PersistedCredentials;
  options: PersistedOptions;
  /** Sent requests: snapshots without secrets (requestSnapshot.ts), newest first. */
  history: HistoryEntry[];
  /** The open tabs; absent in what was saved before there were tabs. */
  tabs?: PersistedTabs;
}

/**
 * The open tabs in order. The one on screen has only its id: its request and options are
 * `request` and `options` above. The others' requests are stored as the one on screen is.
 */
interface PersistedTabs {
  activeId: string;
  list: Array<{ id: string; request?: PersistedRequest; options?: SnapshotOptions }>;
}

/**
 * The request's URL and headers as they may be stored: as typed when the user asked to remember
 * credentials; otherwise without any credential (credentialFields.ts), the header rows kept with
 * an empty value and `withheld`, and what left the URL named in withheldFromUrl.
 */
function storableRequestParts(
  request: Pick<RequestFields, 'url' | 'headers' | 'withheldFromUrl'>,
  remember: boolean,
): Pick<RequestFields, 'url' | 'headers' | 'withheldFromUrl'> {
  const headers = request.headers.map(({ id, name, value, signed, withheld }) => ({
    id,
    name,
    value,
    signed,
    ...(withheld === true ? { withheld } : {}),
  }));
  if (remember) return { url: request.url, headers, withheldFromUrl: request.withheldFromUrl };
  const { url, withheld } = withoutCredentialsInUrl(request.url);
  return {
    url,
    headers: withoutCredentialHeaders(headers),
    withheldFromUrl: [...new Set([...request.withheldFromUrl, ...withheld])],
  };
}

/**
 * A request as it may be stored: its credentials left out unless remembered (storableRequestParts),
 * and a text body longer than `maxBodyChars` not kept.
 */
function storableRequest(
  request: RequestFields,
  remember: boolean,
  maxBodyChars: number,
): PersistedRequest {
  return {
    method: request.method,
    ...storableRequestParts(request, remember),
    bodyText: request.bodyText.length <= maxBodyChars ? request.bodyText : '',
    regionOverride: request.regionOverride,
    serviceOverride: request.serviceOverride,
    signingTime: request.signingTime,
    savedFrom: request.savedFrom,
  };
}

type StoredTab = PersistedTabs['list'][number];
/**
 * Each parked tab's stored form, by its (never changed) parked state: partialize runs on every
 * keystroke, and the tabs not on screen have not changed since they were parked.
 */
const storedTabs = new WeakMap<ParkedTab, { remember: boolean; stored: StoredTab }>();

/** The open tabs as they may be stored (PersistedTabs). */
function storableTabs(tabs: TabsSlice, remember: boolean): PersistedTabs {
  return {
    activeId: tabs.activeId,
    list: tabs.list.map(({ id, parked }) => {
      if (parked === null) return { id };
      const known = storedTabs.get(parked);
      if (known?.remember === remember && known.stored.id === id) return known.stored;
      const stored = {
        id,
        request: storableRequest(parked.request, remember, MAX_PERSISTED_TAB_BODY_CHARS),
        options: parked.options,
      };
      storedTabs.set(parked, { remember, stored });
      return stored;
    }),
  };
}

/**
 * What survives a reload: everything but the response and a chosen file; and unless the user
 * opted in with "Remember credentials", not the secret key, the session token, a credential
 * header's value or a credential in the URL either.
 */
export function partialize(state: PlaygroundState): PersistedState {
  const { request, credentials, options, history, tabs } = state;
  return {
    request: storableRequest(request, credentials.remember, MAX_PERSISTED_BODY_CHARS),
    credentials: {
      accessKeyId: credentials.accessKeyId,
      remember: credentials.remember,
      ...(credentials.remember
        ? { secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken }
        : {}),
    },
    options: {
      ...snapshotOptions(options),
      transport: options.transport,
      gatewayUrl: options.gatewayUrl,
    },
    history: history.entries,
    tabs: storableTabs(tabs, credentials.remember),
  };
}

type Check = (value: unknown) => boolean;
const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const nullable =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);
const oneOf =
  (...allowed: unknown[]): Check =>
  (value) =>
    allowed.includes(value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray: Check = (value) => Array.isArray(value) && value.every(isString);
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
/** Header rows as saved: the form's rows have an id, a snapshot's do not. */
const headerRows =
  ({ withId }: { withId: boolean }): Check =>
  (value) =>
    Array.isArray(value) &&
    value.every(
      (row: unknown) =>
        isRecord(row) &&
        (!withId || isString(row.id)) &&
        isString(row.name) &&
        isString(row.value) &&
        isBoolean(row.signed) &&
        optional(isBoolean)(row.withheld),
    );
const isHeaderRows = headerRows({ withId: true });
const isSnapshotHeaders = headerRows({ withId: false });

const REQUEST_SCHEMA: Record<keyof PersistedRequest, Check> = {
  method: isString,
  url: isString,
  headers: isHeaderRows,
  bodyText: isString,
  regionOverride: nullable(isString),
  serviceOverride: nullable(isString),
  signingTime: isString,
  withheldFromUrl: isStringArray,
  savedFrom: nullable(
    (value) => isRecord(value) && isString(value.collectionId) && isString(value.requestId),
  ),
};
const CREDENTIALS_SCHEMA: Record<'accessKeyId' | 'remember', Check> = {
  accessKeyId: isString,
  remember: isBoolean,
};
const OPTIONS_SCHEMA: Record<keyof PersistedOptions, Check> = {
  mode: oneOf('header', 'query'),
  expiresIn: isString,
  payload: oneOf('signed', 'unsigned'),
  contentSha256Header: nullable(isBoolean),
  s3PathRules: nullable(isBoolean),
  signSessionToken: isBoolean,
  algorithm: oneOf('sigv4', 'sigv4a'),
  regionSet: isString,
  transport: oneOf(null, 'relay', 'direct'),
  gatewayUrl: isString,
};

const SNAPSHOT_SCHEMA: Record<string, Check> = {
  method: isString,
  url: isString,
  body: isString,
  bodyDropped: isBoolean,
  region: isString,
  service: isString,
};
/** Not in a snapshot: the page's own. */
const NOT_IN_SNAPSHOT = new Set(['transport', 'gatewayUrl']);
const SNAPSHOT_OPTIONS_SCHEMA: Record<string, Check> = Object.fromEntries(
  Object.entries(OPTIONS_SCHEMA).filter(([key]) => !NOT_IN_SNAPSHOT.has(key)),
);
/** Added after snapshots were first saved and shared: older ones lack them (SigV4 then). */
const LATER_SNAPSHOT_OPTIONS = new Set(['algorithm', 'regionSet']);
/** A snapshot as stored or shared: one from before SigV4A has no algorithm or region set. */
type StoredSnapshot = Omit<RequestSnapshot, 'options'> & {
  options: Omit<SnapshotOptions, 'algorithm' | 'regionSet'> &
    Partial<Pick<SnapshotOptions, 'algorithm' | 'regionSet'>>;
};
const isSnapshot = (value: unknown): value is StoredSnapshot =>
  isRecord(value) &&
  Object.entries(SNAPSHOT_SCHEMA).every(([key, check]) => check(value[key])) &&
  isSnapshotHeaders(value.headers) &&
  optional(isStringArray)(value.withheldFromUrl) &&
  isRecord(value.options) &&
  Object.entries(OPTIONS_SCHEMA).every(([key, check]) => {
    if (NOT_IN_SNAPSHOT.has(key)) return true;
    const options = value.options as Record<string, unknown>;
    return (LATER_SNAPSHOT_OPTIONS.has(key) && !(key in options)) || check(options[key]);
  });
const isHistoryEntry = (value: unknown): value is HistoryEntry =>
  isRecord(value) &&
  isString(value.id) &&
  (value.status === null || typeof value.status === 'number') &&
  isString(value.statusText) &&
  typeof value.sentAt === 'number' &&
  isSnapshot(value.request);

/**
 * A snapshot read from outside (storage, a share link) with only the fields a snapshot has and
 * without any credential: a crafted link cannot smuggle anything else into the form, and an entry
 * saved before credential headers were left out loses them now.
 */
export function readSnapshot(value: unknown): RequestSnapshot | null {
  if (!isSnapshot(value)) return null;
  const { options } = value;
  return withoutCredentials({
    method: value.method,
    url: value.url,
    headers: value.headers.map(({ name, value: headerValue, signed, withheld }) => ({
      name,
      value: headerValue,
      signed,
      ...(withheld === true ? { withheld } : {}),
    })),
    ...(value.withheldFromUrl === undefined ? {} : { withheldFromUrl: [...value.withheldFromUrl] }),
    body: value.body,
    bodyDropped: value.bodyDropped,
    region: value.region,
    service: value.service,
    options: snapshotOptions({
      ...options,
      algorithm: options.algorithm ?? 'sigv4',
      regionSet: options.regionSet ?? '',
    }),
  });
}

/**
 * The saved history entries that have the right shape, at most the bound; each request read as a
 * snapshot, so entries saved before an option existed get its default.
 */
export function readHistoryEntries(saved: unknown): HistoryEntry[] {
  if (!Array.isArray(saved)) return [];
  return saved
    .filter(isHistoryEntry)
    .slice(0, MAX_HISTORY_ENTRIES)
    .map((entry) => ({ ...entry, request: readSnapshot(entry.request)! }));
}

/** The current slice with every saved field that passes its check: storage is user-editable. */
function mergeFields<T extends object>(
  current: T,
  saved: unknown,
  schema: Record<string, Check>,
): T {
  if (!isRecord(saved)) return current;
  const merged: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, check] of Object.entries(schema)) {
    if (key in saved && check(saved[key])) merged[key] = saved[key];
  }
  return merged as T;
}

/**
 * Earlier versions stored the local gateway's region and service as if the user had typed them,
 * so a URL pasted later still signed for ca-central-1. A stored value equal to what the host
 * says is not a choice: the field follows the host again.
 */
function followingTheHost<T extends RequestFields>(request: T, gatewayUrl: string): T {
  const detected = detectScope(request.url, gatewayUrl);
  return {
    ...request,
    regionOverride: request.regionOverride === detected.region ? null : request.regionOverride,
    serviceOverride: request.serviceOverride === detected.service ? null : request.serviceOverride,
  };
}

/**
 * A stored request over `base`, field by field (mergeFields), without the credentials a
 * request saved before they were left out (or with "Remember" on in an older version) holds.
 */
function readStoredRequest<T extends RequestFields>(
  base: T,
  saved: unknown,
  remember: boolean,
  gatewayUrl: string,
): T {
  const merged = followingTheHost(mergeFields(base, saved, REQUEST_SCHEMA), gatewayUrl);
  return {
    ...merged,
    ...storableRequestParts(
      { ...merged, headers: merged.headers.map((row: HeaderRow) => ({ ...row })) },
      remember,
    ),
  };
}

/**
 * The stored tabs (PersistedTabs), at most MAX_TABS, each id once; the current single tab when
 * nothing usable was stored or the tab on screen is not among them.
 */
function readTabs(
  saved: unknown,
  current: TabsSlice,
  gatewayUrl: string,
  remember: boolean,
): TabsSlice {
  if (!isRecord(saved) || !isString(saved.activeId) || !Array.isArray(saved.list)) return current;
  const activeId = saved.activeId as string;
  const list: OpenTab[] = [];
  const ids = new Set<string>();
  // Bounded by what localStorage can hold; at most MAX_TABS are kept.
  for (const entry of saved.list as unknown[]) {
    if (list.length === MAX_TABS) break;
    if (!isRecord(entry) || !isString(entry.id) || ids.has(entry.id as string)) continue;
    const id = entry.id as string;
    ids.add(id);
    if (id === activeId) {
      list.push({ id, parked: null });
      continue;
    }
    const fresh = freshTab(gatewayUrl);
    list.push({
      id,
      parked: {
        ...fresh,
        request: readStoredRequest(fresh.request, entry.request, remember, gatewayUrl),
        options: mergeFields(fresh.options, entry.options, SNAPSHOT_OPTIONS_SCHEMA),
      },
    });
  }
  return ids.has(activeId) ? { ...current, list, activeId } : current;
}

export interface PublicIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * persist's merge: slice by slice, so the slices keep their actions (the default merge is
 * shallow and would replace `request` with a plain object). The secret comes back only when the
 * user asked to remember it, or when the saved key is one of the public example identities of
 * the local gateway, whose secrets are published anyway; otherwise the access key ID would come
 * back paired with another key's secret.
 */
export function mergePersisted(
  persisted: unknown,
  current: PlaygroundState,
  publicIdentities: readonly PublicIdentity[],
): PlaygroundState {
  if (!isRecord(persisted)) return current;
  const credentials = mergeFields(current.credentials, persisted.credentials, CREDENTIALS_SCHEMA);
  const savedCredentials = isRecord(persisted.credentials) ? persisted.credentials : {};
  let secretAccessKey = '';
  let sessionToken = '';
  if (credentials.remember) {
    if (isString(savedCredentials.secretAccessKey))
      secretAccessKey = savedCredentials.secretAccessKey as string;
    if (isString(savedCredentials.sessionToken))
      sessionToken = savedCredentials.sessionToken as string;
  } else {
    const known = publicIdentities.find((id) => id.accessKeyId === credentials.accessKeyId);
    if (known) {
      secretAccessKey = known.secretAccessKey;
      sessionToken = known.sessionToken ?? '';
    }
  }
  const options = mergeFields(current.options, persisted.options, OPTIONS_SCHEMA);
  return {
    ...current,
    request: readStoredRequest(
      current.request,
      persisted.request,
      credentials.remember,
      options.gatewayUrl,
    ),
    credentials: { ...credentials, secretAccessKey, sessionToken },
    options,
    history: { ...current.history, entries: readHistoryEntries(persisted.history) },
    tabs: readTabs(persisted.tabs, current.tabs, options.gatewayUrl, credentials.remember),
  };
}
