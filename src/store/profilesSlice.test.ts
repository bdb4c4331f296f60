import { describe, expect, it } from 'vitest';
import { MAX_PROFILES } from '../importing/awsProfiles';
import { createMemoryStorage } from './createPlaygroundStore';
import { createTestStore } from './storeTestSupport';

const CREDENTIALS = `[default]
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY

[admin]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
`;
const CONFIG = `[default]
region = ca-central-1

[profile reader]
role_arn = arn:aws:iam::123456789012:role/reader
source_profile = default
`;
const ASSUMED = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'assumed-secret',
  sessionToken: 'assumed-token',
  expiration: '2030-01-01T00:00:00Z',
};

describe('createProfilesSlice', () => {
  it('imports every profile of both files, with problems as sentences', () => {
    const store = createTestStore();
    const result = store
      .getState()
      .profiles.importProfiles({ credentials: CREDENTIALS, config: `${CONFIG}[oops]\n` });
    expect(result.added).toEqual(['default', 'reader', 'admin']);
    expect(result.problems).toEqual([
      'config file: [oops] is not a profile (the config file needs [profile oops]); the AWS CLI ignores it.',
    ]);
    const list = store.getState().profiles.list;
    expect(list.map((entry) => [entry.name, entry.kind, entry.region])).toEqual([
      ['default', 'keys', 'ca-central-1'],
      ['reader', 'assume-role', undefined],
      ['admin', 'keys', undefined],
    ]);
  });

  it('replaces a same-named profile where it stands and appends new ones', () => {
    const store = createTestStore();
    const { profiles } = store.getState();
    profiles.importProfiles({ credentials: CREDENTIALS });
    store.getState().profiles.importProfiles({
      credentials:
        '[admin]\naws_access_key_id = AKIANEW\naws_secret_access_key = s\n[extra]\naws_access_key_id = A\naws_secret_access_key = s\n',
    });
    const list = store.getState().profiles.list;
    expect(list.map((entry) => [entry.name, entry.accessKeyId])).toEqual([
      ['default', 'AKIDEXAMPLE'],
      ['admin', 'AKIANEW'],
      ['extra', 'A'],
    ]);
  });

  it('keeps at most MAX_PROFILES and says so', () => {
    const store = createTestStore();
    const many = Array.from(
      { length: MAX_PROFILES },
      (_, i) => `[p${i}]\naws_access_key_id = A\naws_secret_access_key = s`,
    ).join('\n');
    store.getState().profiles.importProfiles({ credentials: many });
    const result = store.getState().profiles.importProfiles({
      credentials: '[one-more]\naws_access_key_id = A\naws_secret_access_key = s',
    });
    expect(result.added).toEqual([]);
    expect(result.problems).toEqual([
      `The page keeps at most ${MAX_PROFILES} profiles; remove some to add more.`,
    ]);
    expect(store.getState().profiles.list).toHaveLength(MAX_PROFILES);
  });

  it('removes one profile, replaces them all, and keeps assumed keys for a role only', () => {
    const store = createTestStore();
    store.getState().profiles.importProfiles({ credentials: CREDENTIALS, config: CONFIG });
    store.getState().profiles.setAssumed('reader', ASSUMED);
    store.getState().profiles.setAssumed('admin', ASSUMED);
    const byName = (name: string) =>
      store.getState().profiles.list.find((entry) => entry.name === name);
    expect(byName('reader')?.assumed).toEqual(ASSUMED);
    expect(byName('admin')?.assumed).toBeUndefined();

    store.getState().profiles.remove('admin');
    expect(store.getState().profiles.list.map((entry) => entry.name)).toEqual([
      'default',
      'reader',
    ]);
    store.getState().profiles.replaceAll([]);
    expect(store.getState().profiles.list).toEqual([]);
  });

  it('never writes a profile to storage', () => {
    const storage = createMemoryStorage();
    const store = createTestStore({ storage });
    store.getState().profiles.importProfiles({ credentials: CREDENTIALS, config: CONFIG });
    store.getState().profiles.setAssumed('reader', ASSUMED);
    store.getState().request.setField('profile', 'admin');
    const stored = [...storage.data.values()].join('\n');
    expect(stored).toContain('"profile":"admin"');
    expect(stored).not.toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(stored).not.toContain('assumed-secret');
    expect(stored).not.toContain('assumed-token');
    expect(stored).not.toContain('role/reader');
  });
});
