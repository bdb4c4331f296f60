// What the vault holds: the keys typed in the Credentials panel and the profiles, with their
// secrets. Read back field by field: a vault file may come from another version of the page.
import { MAX_PROFILES } from '../importing/maxProfiles';
import type { CredentialsFields, PlaygroundState } from './playgroundState';
import type { ProfileEntry } from './profilesState';
import { isRecord, isString, nullable, oneOf, optional, type Check } from './storedFields';

export interface VaultContents {
  credentials: Pick<
    CredentialsFields,
    'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'expiration'
  >;
  profiles: ProfileEntry[];
}

export function vaultContentsOf(state: PlaygroundState): VaultContents {
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = state.credentials;
  return {
    credentials: { accessKeyId, secretAccessKey, sessionToken, expiration },
    profiles: state.profiles.list,
  };
}

const CREDENTIALS_SCHEMA: Record<keyof VaultContents['credentials'], Check> = {
  accessKeyId: isString,
  secretAccessKey: isString,
  sessionToken: isString,
  expiration: nullable(isString),
};

const isAssumed: Check = (value) =>
  isRecord(value) &&
  ['accessKeyId', 'secretAccessKey', 'sessionToken', 'expiration'].every((key) =>
    isString(value[key]),
  );

const PROFILE_SCHEMA: Record<keyof ProfileEntry, Check> = {
  name: isString,
  kind: oneOf('keys', 'assume-role', 'unsupported'),
  accessKeyId: optional(isString),
  secretAccessKey: optional(isString),
  sessionToken: optional(isString),
  region: optional(isString),
  roleArn: optional(isString),
  sourceProfile: optional(isString),
  mfaSerial: optional(isString),
  externalId: optional(isString),
  durationSeconds: optional((value) => Number.isInteger(value)),
  roleSessionName: optional(isString),
  expiration: optional(isString),
  note: optional(isString),
  assumed: optional(isAssumed),
};

function readProfile(value: unknown): ProfileEntry | null {
  if (!isRecord(value)) return null;
  const entry: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(PROFILE_SCHEMA)) {
    if (!check(value[key])) return null;
    if (value[key] !== undefined) entry[key] = value[key];
  }
  return entry as unknown as ProfileEntry;
}

/** The contents of an opened vault; null when they are not a vault's (every field checked). */
export function readVaultContents(value: unknown): VaultContents | null {
  if (!isRecord(value) || !isRecord(value.credentials)) return null;
  const credentials = value.credentials;
  for (const [key, check] of Object.entries(CREDENTIALS_SCHEMA))
    if (!check(credentials[key])) return null;
  const profiles = Array.isArray(value.profiles) ? value.profiles.slice(0, MAX_PROFILES) : [];
  const read = profiles.map(readProfile);
  if (read.some((entry) => entry === null)) return null;
  const { accessKeyId, secretAccessKey, sessionToken, expiration } =
    credentials as VaultContents['credentials'];
  return {
    credentials: { accessKeyId, secretAccessKey, sessionToken, expiration },
    profiles: read as ProfileEntry[],
  };
}

/** The profiles as they stay on screen while the vault is locked: names and roles, no secret. */
export function profilesWithoutSecrets(list: ProfileEntry[]): ProfileEntry[] {
  return list.map((entry) => {
    const rest: ProfileEntry = { ...entry };
    delete rest.secretAccessKey;
    delete rest.sessionToken;
    delete rest.assumed;
    return rest;
  });
}
