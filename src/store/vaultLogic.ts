// What the vault does (vaultSlice.ts starts the slice with its state and runs this once it is
// loaded: when the store reads whether a vault is stored, after the first signature is painted).
import type { VaultKey } from '../vault/vaultCipher';
import { DEFAULT_KDF_PARAMS } from '../vault/vaultKey';
import { MIN_PASSPHRASE_CHARS } from '../vault/passphraseStrength';
import type { StoreGet, StoreSet } from './playgroundState';
import {
  profilesWithoutSecrets,
  readVaultContents,
  vaultContentsOf,
  type VaultContents,
} from './vaultContents';
import type { VaultActions, VaultDeps } from './vaultSlice';
import type { VaultSlice } from './vaultState';

/** Changes typed within this long are written once. */
const WRITE_DELAY_MS = 500;

// The cipher (Argon2id, AES-GCM, the envelope) loads when a vault is created, opened or written:
// a page whose vault stays locked, or that has none, never needs it.
const cipher = () => import('../vault/vaultCipher');

const failure = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The vault: the secrets in memory (typed keys, profiles) written encrypted to IndexedDB while it
 * is unlocked. The derived key lives in this closure only, as a non-extractable CryptoKey, from
 * unlock to lock; the passphrase is never kept.
 */
export function createVaultActions(
  set: StoreSet,
  get: StoreGet,
  { storage, kdfParams = DEFAULT_KDF_PARAMS }: VaultDeps,
): VaultActions {
  const patch = (fields: Partial<VaultSlice>) =>
    set((state) => ({ vault: { ...state.vault, ...fields } }));

  let vaultKey: VaultKey | null = null;
  /** The contents last written (JSON), so a change that changes nothing is not written. */
  let lastWritten: string | null = null;
  let pending: ReturnType<typeof setTimeout> | null = null;
  /** Writes one after another, so an older one never lands after a newer one. */
  let writing: Promise<void> = Promise.resolve();
  /** Bumped when the stored vault is deleted or replaced: queued writes of the old one are dropped. */
  let generation = 0;

  const queueWrite = (key: VaultKey, contents: VaultContents) => {
    const json = JSON.stringify(contents);
    if (json === lastWritten) return writing;
    lastWritten = json;
    const at = generation;
    writing = writing
      .then(async () => {
        const text = await (await cipher()).sealVault(key, contents);
        if (at === generation) await storage.write(text);
      })
      .catch((error: unknown) =>
        patch({ error: `The vault could not be saved: ${failure(error)}` }),
      );
    return writing;
  };

  const cancelPending = () => {
    if (pending !== null) clearTimeout(pending);
    const had = pending !== null;
    pending = null;
    return had;
  };

  /**
   * Takes the secrets out of memory: the typed secret key and token, the profiles' secrets, and
   * the signings made with them (their input holds the keys; the steps show kSecret), on screen
   * and in the tabs behind it. A send under way keeps its own until it ends.
   */
  const dropSecrets = () =>
    set((state) => ({
      credentials: {
        ...state.credentials,
        secretAccessKey: '',
        sessionToken: '',
        expiration: null,
      },
      profiles: { ...state.profiles, list: profilesWithoutSecrets(state.profiles.list) },
      signing: { ...state.signing, live: null, shown: null },
      response:
        state.response.outcome.kind === 'sending'
          ? state.response
          : { ...state.response, outcome: { kind: 'idle' } },
      tabs: {
        ...state.tabs,
        list: state.tabs.list.map((tab) =>
          tab.parked === null || tab.parked.outcome.kind === 'sending'
            ? tab
            : { ...tab, parked: { ...tab.parked, live: null, outcome: { kind: 'idle' } } },
        ),
      },
    }));

  const apply = (contents: VaultContents, key: VaultKey) => {
    set((state) => ({ credentials: { ...state.credentials, ...contents.credentials } }));
    get().profiles.replaceAll(contents.profiles);
    vaultKey = key;
    lastWritten = JSON.stringify(vaultContentsOf(get()));
    patch({ status: 'unlocked', busy: false, error: null });
  };

  /** Opens `text` with `passphrase`; on failure, says why and returns null. */
  const open = async (text: string, passphrase: string) => {
    const opening = await (await cipher()).openVault(text, passphrase);
    if (!opening.ok) {
      patch({ busy: false, error: opening.message });
      return null;
    }
    const contents = readVaultContents(opening.contents);
    if (contents === null) {
      patch({
        busy: false,
        error: 'The vault opened, but this page does not understand what it holds.',
      });
      return null;
    }
    return { contents, key: opening.vaultKey };
  };

  /** Runs a slow action with `busy` set; an unexpected failure becomes the error sentence. */
  const busy = async (action: () => Promise<boolean>) => {
    patch({ busy: true, error: null });
    try {
      return await action();
    } catch (error) {
      patch({ busy: false, error: `The vault failed: ${failure(error)}` });
      return false;
    }
  };

  return {
    load: async () => {
      let stored: string | null;
      try {
        stored = await storage.read();
      } catch (error) {
        stored = null;
        patch({ error: `This browser does not let the page keep a vault: ${failure(error)}` });
      }
      if (get().vault.status !== 'loading') return;
      if (stored === null) {
        patch({ status: 'absent' });
        return;
      }
      // Locked by default: with a vault, the secrets come from it, not from what the page
      // restored on its own (a public example identity's published secret, persistence.ts).
      dropSecrets();
      patch({ status: 'locked' });
    },

    create: (passphrase) =>
      busy(async () => {
        if (get().vault.status === 'locked' || get().vault.status === 'unlocked') {
          patch({ busy: false, error: 'There is a vault already: forget it first to start anew.' });
          return false;
        }
        if ([...passphrase].length < MIN_PASSPHRASE_CHARS) {
          patch({
            busy: false,
            error: `Choose a passphrase of at least ${MIN_PASSPHRASE_CHARS} characters.`,
          });
          return false;
        }
        const key = await (await cipher()).createVaultKey(passphrase, kdfParams);
        generation += 1;
        vaultKey = key;
        lastWritten = null;
        await queueWrite(key, vaultContentsOf(get()));
        if (get().vault.error !== null) return false;
        patch({ status: 'unlocked', busy: false, plainCopyRemoved: false });
        return true;
      }),

    unlock: (passphrase) =>
      busy(async () => {
        const stored = await storage.read();
        if (stored === null) {
          patch({ status: 'absent', busy: false, error: 'There is no vault in this browser.' });
          return false;
        }
        const opened = await open(stored, passphrase);
        if (opened === null) return false;
        apply(opened.contents, opened.key);
        return true;
      }),

    lock: () => {
      // Changes not written yet are written under the key before it goes.
      if (cancelPending() && vaultKey !== null) void queueWrite(vaultKey, vaultContentsOf(get()));
      if (get().vault.status !== 'unlocked') return;
      vaultKey = null;
      lastWritten = null;
      dropSecrets();
      patch({ status: 'locked', error: null });
    },

    forgetEverything: async () => {
      cancelPending();
      generation += 1;
      vaultKey = null;
      lastWritten = null;
      dropSecrets();
      patch({ status: 'absent', error: null, plainCopyRemoved: false });
      await writing;
      try {
        await storage.remove();
      } catch (error) {
        patch({ error: `The stored vault could not be deleted: ${failure(error)}` });
      }
    },

    exportFile: async () => {
      if (cancelPending() && vaultKey !== null) void queueWrite(vaultKey, vaultContentsOf(get()));
      await writing;
      return storage.read();
    },

    importFile: (text, passphrase) =>
      busy(async () => {
        const opened = await open(text, passphrase);
        if (opened === null) return false;
        cancelPending();
        generation += 1;
        await writing;
        await storage.write(text);
        apply(opened.contents, opened.key);
        return true;
      }),

    contentsChanged: () => {
      if (vaultKey === null) return;
      cancelPending();
      pending = setTimeout(() => {
        pending = null;
        if (vaultKey !== null) void queueWrite(vaultKey, vaultContentsOf(get()));
      }, WRITE_DELAY_MS);
    },

    flush: async () => {
      if (cancelPending() && vaultKey !== null) void queueWrite(vaultKey, vaultContentsOf(get()));
      await writing;
    },
  };
}
