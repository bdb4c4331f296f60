import { describe, expect, it } from 'vitest';
import { createTestStore } from './storeTestSupport';

/** Temporary keys with their expiry, as `aws configure export-credentials` gives them. */
const TEMPORARY = {
  accessKeyId: 'ASIAX',
  secretAccessKey: 'sk',
  sessionToken: 'tok',
  expiration: '2030-01-01T00:00:00Z',
};

describe('createCredentialsSlice', () => {
  it("starts with AWS's documented example keys", () => {
    const { credentials } = createTestStore().getState();
    expect(credentials.accessKeyId).toBe('AKIDEXAMPLE');
    expect(credentials.secretAccessKey).toBe('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    expect(credentials.sessionToken).toBe('');
  });

  it('fillIdentity sets keys and token, and clears a token the identity does not have', () => {
    const store = createTestStore();
    store.getState().credentials.fillIdentity({
      accessKeyId: 'ASIAX',
      secretAccessKey: 's',
      sessionToken: 't',
    });
    expect(store.getState().credentials).toMatchObject({ accessKeyId: 'ASIAX', sessionToken: 't' });
    store.getState().credentials.fillIdentity({ accessKeyId: 'AKIAX', secretAccessKey: 's2' });
    expect(store.getState().credentials).toMatchObject({
      accessKeyId: 'AKIAX',
      secretAccessKey: 's2',
      sessionToken: '',
    });
  });
});

describe('importCredentials', () => {
  it('fills the keys and the expiry, and a region goes to the request', () => {
    const store = createTestStore();
    store.getState().credentials.importCredentials({ ...TEMPORARY, region: 'eu-west-1' });
    const { credentials, request } = store.getState();
    expect(credentials).toMatchObject(TEMPORARY);
    expect(request.regionOverride).toBe('eu-west-1');
  });

  it('clears a token and an expiry the new keys do not have', () => {
    const store = createTestStore();
    store.getState().credentials.importCredentials(TEMPORARY);
    store.getState().credentials.importCredentials({ accessKeyId: 'AKIAY', secretAccessKey: 's2' });
    expect(store.getState().credentials).toMatchObject({ sessionToken: '', expiration: null });
    expect(store.getState().request.regionOverride).toBeNull();
  });

  it('forgets the expiry once a key is edited by hand', () => {
    const store = createTestStore();
    store.getState().credentials.importCredentials(TEMPORARY);
    store.getState().credentials.setField('secretVisible', true);
    expect(store.getState().credentials.expiration).toBe(TEMPORARY.expiration);
    store.getState().credentials.setField('secretAccessKey', 'other');
    expect(store.getState().credentials.expiration).toBeNull();
  });
});
