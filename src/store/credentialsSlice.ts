import type { CredentialsFields, CredentialsSlice, StoreSet } from './playgroundState';

/** AWS's documented example keys: the local gateway's "demo" identity. */
export const DEMO_CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
} as const;

export function defaultCredentialsFields(): CredentialsFields {
  return {
    ...DEMO_CREDENTIALS,
    sessionToken: '',
    secretVisible: false,
    expiration: null,
  };
}

const KEY_FIELDS = new Set<keyof CredentialsFields>([
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
]);

export function createCredentialsSlice(set: StoreSet): CredentialsSlice {
  const patch = (fields: Partial<CredentialsFields>) =>
    set((state) => ({ credentials: { ...state.credentials, ...fields } }));
  // Keys filled in on purpose (a gateway identity, pasted credentials, an import) are the ones the
  // user means to sign with: a profile the request had chosen would sign instead
  // (activeCredentials.ts), so the request goes back to none.
  const takeKeys: CredentialsSlice['importCredentials'] = ({
    accessKeyId,
    secretAccessKey,
    sessionToken,
    expiration,
    region,
  }) =>
    set((state) => ({
      credentials: {
        ...state.credentials,
        accessKeyId,
        secretAccessKey,
        sessionToken: sessionToken ?? '',
        expiration: expiration ?? null,
      },
      request: {
        ...state.request,
        profile: '',
        ...(region === undefined || region === '' ? {} : { regionOverride: region }),
      },
    }));
  return {
    ...defaultCredentialsFields(),
    // Keys edited by hand are not the imported ones: their expiry no longer applies.
    setField: (key, value) =>
      patch({ [key]: value, ...(KEY_FIELDS.has(key) ? { expiration: null } : {}) }),
    // A known identity's keys: no expiry, no region.
    fillIdentity: ({ accessKeyId, secretAccessKey, sessionToken }) =>
      takeKeys({
        accessKeyId,
        secretAccessKey,
        ...(sessionToken === undefined ? {} : { sessionToken }),
      }),
    importCredentials: takeKeys,
  };
}
