import { describe, expect, it } from 'vitest';
import { WRONG_PASSPHRASE } from '../vault/vaultCipher';
import { createMemoryVaultStorage } from '../vault/vaultStorage';
import { selectActiveCredentials } from './activeCredentials';
import { createMemoryStorage } from './createPlaygroundStore';
import { STORAGE_KEY } from './persistence';
import { signRequest } from '../signing';
import { answered, createTestStore } from './storeTestSupport';

const PASSPHRASE = 'correct horse battery staple';
const SECRET = 'vault-secret-key-value';
const TOKEN = 'vault-session-token-value';
const PROFILE_SECRET = 'profile-secret-value';
const FILES = {
  credentials: `[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = ${PROFILE_SECRET}\n`,
  config:
    '[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = dev\n',
};

/** A store over `vault` (and `storage`), once IndexedDB's answer (here: a map's) is in. */
async function loaded(vault = createMemoryVaultStorage(), storage = createMemoryStorage()) {
  const store = createTestStore({ vault, storage });
  await store.getState().vault.load();
  return store;
}

type Store = Awaited<ReturnType<typeof loaded>>;

function typeSecrets(store: Store) {
  store.getState().credentials.fillIdentity({
    accessKeyId: 'ASIAVAULT',
    secretAccessKey: SECRET,
    sessionToken: TOKEN,
  });
  store.getState().profiles.importProfiles(FILES);
}

/** A vault holding the typed keys and two profiles, then locked. */
async function lockedVault() {
  const vault = createMemoryVaultStorage();
  const storage = createMemoryStorage();
  const store = await loaded(vault, storage);
  typeSecrets(store);
  expect(await store.getState().vault.create(PASSPHRASE)).toBe(true);
  store.getState().vault.lock();
  return { vault, storage, store };
}

describe('createVaultSlice', () => {
  it('says absent without a stored vault, locked with one', async () => {
    expect((await loaded()).getState().vault.status).toBe('absent');
    const { vault } = await lockedVault();
    expect((await loaded(vault)).getState().vault.status).toBe('locked');
  });

  it('starts locked after a reload: no secret in memory, and signing says to unlock', async () => {
    const { vault, storage } = await lockedVault();
    const store = createTestStore({
      vault,
      storage,
      publicIdentities: [{ accessKeyId: 'ASIAVAULT', secretAccessKey: 'restored-public-secret' }],
    });
    expect(store.getState().credentials.secretAccessKey).toBe('restored-public-secret');
    await store.getState().vault.load();
    expect(store.getState().credentials.secretAccessKey).toBe('');
    expect(selectActiveCredentials(store.getState()).blocked).toBe(
      'Unlock the vault to sign with these keys.',
    );
    store.getState().request.setField('profile', 'dev');
    expect(selectActiveCredentials(store.getState()).blocked).toBe(
      'Unlock the vault to sign with profile dev.',
    );
    await store.getState().vault.unlock(PASSPHRASE);
    expect(selectActiveCredentials(store.getState())).toMatchObject({
      blocked: null,
      secretAccessKey: PROFILE_SECRET,
    });
  });

  it('create: stores the secrets encrypted, never in clear and never the passphrase', async () => {
    const vault = createMemoryVaultStorage();
    const storage = createMemoryStorage();
    const store = await loaded(vault, storage);
    typeSecrets(store);
    expect(await store.getState().vault.create(PASSPHRASE)).toBe(true);
    expect(store.getState().vault.status).toBe('unlocked');
    const stored = vault.data.envelope ?? '';
    expect(stored).toContain('"ciphertext"');
    for (const secret of [SECRET, TOKEN, PROFILE_SECRET, PASSPHRASE, 'AKIADEV']) {
      expect(stored).not.toContain(secret);
      expect(storage.data.get(STORAGE_KEY) ?? '').not.toContain(secret);
    }
  });

  it('create: refuses a short passphrase, and a second vault', async () => {
    const store = await loaded();
    expect(await store.getState().vault.create('short')).toBe(false);
    expect(store.getState().vault).toMatchObject({
      status: 'absent',
      error: expect.stringMatching(/at least 12/),
    });
    expect(await store.getState().vault.create(PASSPHRASE)).toBe(true);
    expect(await store.getState().vault.create(PASSPHRASE)).toBe(false);
  });

  it('lock: takes the secrets out of memory, keeps the profiles’ names', async () => {
    const { store } = await lockedVault();
    const state = store.getState();
    expect(state.vault.status).toBe('locked');
    expect(state.credentials).toMatchObject({
      accessKeyId: 'ASIAVAULT',
      secretAccessKey: '',
      sessionToken: '',
    });
    expect(state.profiles.list.map((entry) => entry.name).sort()).toEqual(['admin', 'dev']);
    expect(JSON.stringify(state.profiles.list)).not.toContain(PROFILE_SECRET);
  });

  it('lock: leaves no secret anywhere in the state, signings and the last answer included', async () => {
    const signings: Array<Promise<unknown>> = [];
    const store = createTestStore({
      deps: {
        signRequest: (input) => {
          const done = signRequest(input);
          signings.push(done.catch(() => undefined));
          return done;
        },
        sendRequest: () => Promise.resolve(answered()),
      },
    });
    await store.getState().vault.load();
    typeSecrets(store);
    await store.getState().vault.create(PASSPHRASE);
    await store.getState().response.send();
    store.getState().tabs.openNew();
    store.getState().credentials.setField('secretVisible', true);
    await Promise.all(signings);
    // The signing runner publishes in the continuation after its promise.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const everything = () => JSON.stringify(store.getState());
    expect(everything()).toContain(SECRET);
    store.getState().vault.lock();
    for (const secret of [SECRET, TOKEN, PROFILE_SECRET])
      expect(everything()).not.toContain(secret);
  });

  it('unlock: a wrong passphrase says so and opens nothing; the right one restores everything', async () => {
    const { vault } = await lockedVault();
    const store = await loaded(vault);
    expect(await store.getState().vault.unlock('wrong horse battery staple')).toBe(false);
    expect(store.getState().vault).toMatchObject({
      status: 'locked',
      error: WRONG_PASSPHRASE,
      busy: false,
    });
    expect(store.getState().credentials.secretAccessKey).not.toBe(SECRET);

    expect(await store.getState().vault.unlock(PASSPHRASE)).toBe(true);
    const state = store.getState();
    expect(state.vault).toMatchObject({ status: 'unlocked', error: null });
    expect(state.credentials).toMatchObject({
      accessKeyId: 'ASIAVAULT',
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
    });
    expect(state.profiles.list.find((entry) => entry.name === 'dev')?.secretAccessKey).toBe(
      PROFILE_SECRET,
    );
  });

  it('writes changes again while unlocked, not after lock', async () => {
    const { vault } = await lockedVault();
    const store = await loaded(vault);
    await store.getState().vault.unlock(PASSPHRASE);
    store.getState().credentials.setField('secretAccessKey', 'changed-secret');
    await store.getState().vault.flush();
    const reopened = await loaded(vault);
    await reopened.getState().vault.unlock(PASSPHRASE);
    expect(reopened.getState().credentials.secretAccessKey).toBe('changed-secret');

    store.getState().vault.lock();
    const written = vault.data.envelope;
    store.getState().credentials.setField('secretAccessKey', 'typed-while-locked');
    await store.getState().vault.flush();
    expect(vault.data.envelope).toBe(written);
  });

  it('lock writes a change still waiting for its write', async () => {
    const { vault } = await lockedVault();
    const store = await loaded(vault);
    await store.getState().vault.unlock(PASSPHRASE);
    store.getState().credentials.setField('sessionToken', 'last-token');
    store.getState().vault.lock();
    await store.getState().vault.flush();
    const reopened = await loaded(vault);
    await reopened.getState().vault.unlock(PASSPHRASE);
    expect(reopened.getState().credentials.sessionToken).toBe('last-token');
  });

  it('forgetEverything: deletes the stored vault and the secrets in memory', async () => {
    const { vault } = await lockedVault();
    const store = await loaded(vault);
    await store.getState().vault.unlock(PASSPHRASE);
    await store.getState().vault.forgetEverything();
    expect(vault.data.envelope).toBeNull();
    expect(store.getState().vault.status).toBe('absent');
    expect(store.getState().credentials.secretAccessKey).toBe('');
    expect(JSON.stringify(store.getState().profiles.list)).not.toContain(PROFILE_SECRET);
  });

  it('export, then import elsewhere: the same envelope, opened with its passphrase only', async () => {
    const { store } = await lockedVault();
    const file = (await store.getState().vault.exportFile()) ?? '';
    expect(JSON.parse(file)).toMatchObject({ format: 'sigv4-playground-vault', kdf: 'argon2id' });
    expect(file).not.toContain(SECRET);

    const elsewhere = createMemoryVaultStorage();
    const other = await loaded(elsewhere);
    expect(await other.getState().vault.importFile(file, 'not the passphrase')).toBe(false);
    expect(other.getState().vault).toMatchObject({ status: 'absent', error: WRONG_PASSPHRASE });
    expect(elsewhere.data.envelope).toBeNull();

    expect(await other.getState().vault.importFile(file, PASSPHRASE)).toBe(true);
    expect(other.getState().vault.status).toBe('unlocked');
    expect(other.getState().credentials.secretAccessKey).toBe(SECRET);
    expect(elsewhere.data.envelope).toBe(file);
  });

  it('import: a file that is not a vault gets a sentence, not a crash', async () => {
    const store = await loaded();
    expect(await store.getState().vault.importFile('{"hello": "world"}', PASSPHRASE)).toBe(false);
    expect(store.getState().vault.error).toMatch(/not a sigv4-playground vault/);
    expect(await store.getState().vault.importFile('garbage', PASSPHRASE)).toBe(false);
    expect(store.getState().vault.error).toMatch(/not JSON/);
  });

  it('unlock: a damaged stored vault says so', async () => {
    const store = await loaded(
      createMemoryVaultStorage('{"format":"sigv4-playground-vault","v":1}'),
    );
    expect(store.getState().vault.status).toBe('locked');
    expect(await store.getState().vault.unlock(PASSPHRASE)).toBe(false);
    expect(store.getState().vault.error).toMatch(/unknown key derivation|parameters/);
  });

  it('keeps the idle-lock minutes across a reload, bounded, and nothing else of the vault', async () => {
    const storage = createMemoryStorage();
    const store = await loaded(createMemoryVaultStorage(), storage);
    store.getState().vault.setIdleLockMinutes(5);
    expect(
      (await loaded(createMemoryVaultStorage(), storage)).getState().vault.idleLockMinutes,
    ).toBe(5);
    store.getState().vault.setIdleLockMinutes(10_000_000);
    expect(store.getState().vault.idleLockMinutes).toBe(24 * 60);
    store.getState().vault.setIdleLockMinutes(Number.NaN);
    expect(store.getState().vault.idleLockMinutes).toBe(15);
    expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}').state.vault).toEqual({
      idleLockMinutes: 15,
    });
  });
});
