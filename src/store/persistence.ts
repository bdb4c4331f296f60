// What of the store survives a reload (zustand persist: partialize) and how it comes back
// (mergePersisted). The parts: storedRequest.ts, storedTabs.ts, storedSnapshot.ts (History),
// storedOptions.ts; storedFields.ts checks each field read back.
import type { CredentialsFields, HistoryEntry, PlaygroundState } from './playgroundState';
import { snapshotOptions } from './requestSnapshot';
import { isBoolean, isRecord, isString, mergeFields, type Check } from './storedFields';
import { OPTIONS_SCHEMA, type PersistedOptions } from './storedOptions';
import { readStoredRequest, storableRequest, type PersistedRequest } from './storedRequest';
import { readHistoryEntries } from './storedSnapshot';
import { readTabs, storableTabs, type PersistedTabs } from './storedTabs';

export const STORAGE_KEY = 'sigv4-playground';
export const STORAGE_VERSION = 1;
/** Longer text bodies are not saved: localStorage holds about 5 MB per origin in all. */
export const MAX_PERSISTED_BODY_CHARS = 256 * 1024;

type PersistedCredentials = Pick<CredentialsFields, 'accessKeyId' | 'remember'> &
  Partial<Pick<CredentialsFields, 'secretAccessKey' | 'sessionToken'>>;

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

const CREDENTIALS_SCHEMA: Record<'accessKeyId' | 'remember', Check> = {
  accessKeyId: isString,
  remember: isBoolean,
};

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
