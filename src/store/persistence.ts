// What of the store survives a reload (zustand persist: partialize) and how it comes back
// (mergePersisted). The parts: storedRequest.ts, storedTabs.ts, storedSnapshot.ts (History),
// storedOptions.ts; storedFields.ts checks each field read back. No secret is ever written here:
// the vault (vaultSlice.ts) keeps secrets, encrypted, in IndexedDB.
import type { CredentialsFields, HistoryEntry, PlaygroundState } from './playgroundState';
import { MAX_IDLE_LOCK_MINUTES } from './vaultSlice';
import type { VaultFields } from './vaultState';
import { snapshotOptions } from './requestSnapshot';
import { isRecord, isString, mergeFields, type Check } from './storedFields';
import { OPTIONS_SCHEMA, type PersistedOptions } from './storedOptions';
import { readStoredRequest, storableRequest, type PersistedRequest } from './storedRequest';
import { readHistoryEntries } from './storedSnapshot';
import { readTabs, storableTabs, type PersistedTabs } from './storedTabs';

export { STORAGE_KEY } from './storageKey';
export const STORAGE_VERSION = 1;
/** Longer text bodies are not saved: localStorage holds about 5 MB per origin in all. */
export const MAX_PERSISTED_BODY_CHARS = 256 * 1024;

type PersistedCredentials = Pick<CredentialsFields, 'accessKeyId'>;

export interface PersistedState {
  request: PersistedRequest;
  credentials: PersistedCredentials;
  options: PersistedOptions;
  /** Sent requests: snapshots without secrets (requestSnapshot.ts), newest first. */
  history: HistoryEntry[];
  /** The open tabs; absent in what was saved before there were tabs. */
  tabs?: PersistedTabs;
  /** The vault's one setting that is not secret; absent before there was a vault. */
  vault?: Pick<VaultFields, 'idleLockMinutes'>;
}

/**
 * What survives a reload: everything but the response and a chosen file, and never a secret: not
 * the secret key, the session token, a credential header's value or a credential in the URL.
 */
export function partialize(state: PlaygroundState): PersistedState {
  const { request, credentials, options, history, tabs, vault } = state;
  return {
    request: storableRequest(request, MAX_PERSISTED_BODY_CHARS),
    credentials: { accessKeyId: credentials.accessKeyId },
    options: {
      ...snapshotOptions(options),
      transport: options.transport,
      gatewayUrl: options.gatewayUrl,
    },
    history: history.entries,
    tabs: storableTabs(tabs),
    vault: { idleLockMinutes: vault.idleLockMinutes },
  };
}

const CREDENTIALS_SCHEMA: Record<'accessKeyId', Check> = { accessKeyId: isString };
const VAULT_SCHEMA: Record<'idleLockMinutes', Check> = {
  idleLockMinutes: (value) =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_IDLE_LOCK_MINUTES,
};

export interface PublicIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * persist's merge: slice by slice, so the slices keep their actions (the default merge is
 * shallow and would replace `request` with a plain object). The secret comes back when the saved
 * key is one of the public example identities of the local gateway, whose secrets are published
 * anyway; otherwise the access key ID would come back paired with another key's secret.
 *
 * Migration: an older version's "Remember credentials" (`remember: true`) stored the secret key,
 * the token and the request's credentials in clear. They are kept in memory for this session
 * (the vault panel offers to keep them encrypted: vault.plainCopyRemoved), and the store writes
 * the stored state again at once without them (createPlaygroundStore.ts).
 */
export function mergePersisted(
  persisted: unknown,
  current: PlaygroundState,
  publicIdentities: readonly PublicIdentity[],
): PlaygroundState {
  if (!isRecord(persisted)) return current;
  const credentials = mergeFields(current.credentials, persisted.credentials, CREDENTIALS_SCHEMA);
  const savedCredentials = isRecord(persisted.credentials) ? persisted.credentials : {};
  const remembered = savedCredentials.remember === true;
  let secretAccessKey = '';
  let sessionToken = '';
  if (remembered) {
    if (isString(savedCredentials.secretAccessKey))
      secretAccessKey = savedCredentials.secretAccessKey as string;
    if (isString(savedCredentials.sessionToken))
      sessionToken = savedCredentials.sessionToken as string;
  }
  if (secretAccessKey === '') {
    const known = publicIdentities.find((id) => id.accessKeyId === credentials.accessKeyId);
    if (known) {
      secretAccessKey = known.secretAccessKey;
      sessionToken = known.sessionToken ?? '';
    }
  }
  const options = mergeFields(current.options, persisted.options, OPTIONS_SCHEMA);
  return {
    ...current,
    request: readStoredRequest(current.request, persisted.request, remembered, options.gatewayUrl),
    credentials: { ...credentials, secretAccessKey, sessionToken },
    options,
    history: { ...current.history, entries: readHistoryEntries(persisted.history) },
    tabs: readTabs(persisted.tabs, current.tabs, options.gatewayUrl, remembered),
    vault: {
      ...mergeFields(current.vault, persisted.vault, VAULT_SCHEMA),
      plainCopyRemoved: remembered,
    },
  };
}
