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
    remember: false,
    secretVisible: false,
  };
}

export function createCredentialsSlice(set: StoreSet): CredentialsSlice {
  const patch = (fields: Partial<CredentialsFields>) =>
    set((state) => ({ credentials: { ...state.credentials, ...fields } }));
  return {
    ...defaultCredentialsFields(),
    setField: (key, value) => patch({ [key]: value }),
    fillIdentity: ({ accessKeyId, secretAccessKey, sessionToken }) =>
      patch({ accessKeyId, secretAccessKey, sessionToken: sessionToken ?? '' }),
    // persist's partialize drops the secret once `remember` is off, and the next write (this
    // one) overwrites the stored copy.
    forget: () => patch({ secretAccessKey: '', sessionToken: '', remember: false }),
  };
}
