// The shape of the vault slice (vaultSlice.ts); playgroundState.ts lists it beside the others.

/**
 * loading: IndexedDB has not answered yet. absent: no vault (secrets live in memory only).
 * locked: a vault is stored; its secrets are not in memory. unlocked: they are, and every change
 * to them is written again, encrypted.
 */
export type VaultStatus = 'loading' | 'absent' | 'locked' | 'unlocked';

export interface VaultFields {
  status: VaultStatus;
  /** Minutes without keyboard or pointer input before the vault locks itself; 0: never. */
  idleLockMinutes: number;
  /** A key derivation or a write is under way (create, unlock, import). */
  busy: boolean;
  /** What the last action could not do, as a sentence ("Wrong passphrase…"); null: nothing. */
  error: string | null;
  /**
   * An older version of the page had "Remember credentials" on and kept the secret key in
   * localStorage in clear: that copy was deleted on load and the keys kept in memory for this
   * session. The panel offers to keep them in a vault.
   */
  plainCopyRemoved: boolean;
}

export interface VaultSlice extends VaultFields {
  /** Reads whether a vault is stored (status absent or locked). The store calls it once. */
  load(): Promise<void>;
  /** A new vault under `passphrase`, holding the secrets in memory now; unlocked. */
  create(passphrase: string): Promise<boolean>;
  /** Opens the stored vault: its keys and profiles replace those in memory. */
  unlock(passphrase: string): Promise<boolean>;
  /** Forgets the key and the secrets in memory (typed secret key and token, profiles' secrets). */
  lock(): void;
  /** Deletes the stored vault and the secrets in memory. */
  forgetEverything(): Promise<void>;
  /** The stored vault, encrypted as stored, as the text of a file; null without a vault. */
  exportFile(): Promise<string | null>;
  /** A vault file (exportFile's) opened with `passphrase` replaces the stored one; unlocked. */
  importFile(text: string, passphrase: string): Promise<boolean>;
  setIdleLockMinutes(minutes: number): void;
  dismissNotice(): void;
  /** The secrets in memory changed: written again (debounced) while unlocked. */
  contentsChanged(): void;
  /** Finishes a pending write now. */
  flush(): Promise<void>;
}
