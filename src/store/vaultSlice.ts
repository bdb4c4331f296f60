// The vault slice as the store starts it: its state, and actions that run vaultLogic.ts. That
// logic (writing, opening, dropping the secrets) is not part of the page's first script: it loads
// when the store reads whether a vault is stored (load), after the first signature is painted.
import type { Argon2idParams } from '../vault/vaultEnvelope';
import type { VaultStorage } from '../vault/vaultStorage';
import { lazyLogic } from './lazyLogic';
import type { StoreGet, StoreSet } from './playgroundState';
import type { VaultSlice } from './vaultState';

export interface VaultDeps {
  storage: VaultStorage;
  /** Argon2id's costs for a new vault; tests pass small ones. */
  kdfParams?: Argon2idParams;
}

export const DEFAULT_IDLE_LOCK_MINUTES = 15;
export const MAX_IDLE_LOCK_MINUTES = 24 * 60;

/** What vaultLogic.ts does; the slice's other actions only set a field. */
export type VaultActions = Pick<
  VaultSlice,
  | 'load'
  | 'create'
  | 'unlock'
  | 'lock'
  | 'forgetEverything'
  | 'exportFile'
  | 'importFile'
  | 'contentsChanged'
  | 'flush'
>;

type Logic = typeof import('./vaultLogic');
const vaultLogic = lazyLogic(() => import('./vaultLogic'));

/**
 * The vault: the secrets in memory (typed keys, profiles) written encrypted to IndexedDB while it
 * is unlocked (vaultLogic.ts). Until its logic is loaded there is no key, so nothing to lock or
 * to write: lock and contentsChanged do nothing then.
 */
export function createVaultSlice(set: StoreSet, get: StoreGet, deps: VaultDeps): VaultSlice {
  const patch = (fields: Partial<VaultSlice>) =>
    set((state) => ({ vault: { ...state.vault, ...fields } }));
  // Made once, on the first action: its closures (the key, the pending write) are the store's.
  let actions: VaultActions | undefined;
  const logic = (module: Logic) => (actions ??= module.createVaultActions(set, get, deps));
  /** Runs an action once the logic is loaded; if it cannot be, says so and gives `failed`. */
  const later =
    <A extends unknown[], R>(
      run: (actions: VaultActions) => (...args: A) => Promise<R>,
      failed: R,
    ) =>
    async (...args: A): Promise<R> => {
      let module: Logic;
      try {
        module = vaultLogic.loaded() ?? (await vaultLogic.load());
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        patch({
          busy: false,
          error: `The vault could not be loaded (${reason}): reload the page.`,
        });
        return failed;
      }
      return run(logic(module))(...args);
    };
  const ifLoaded =
    <A extends unknown[]>(run: (actions: VaultActions) => (...args: A) => void) =>
    (...args: A): void => {
      const loaded = vaultLogic.loaded();
      if (loaded !== undefined) run(logic(loaded))(...args);
    };

  return {
    status: 'loading',
    idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
    busy: false,
    error: null,
    plainCopyRemoved: false,

    load: later((vault) => vault.load, undefined),
    create: later((vault) => vault.create, false),
    unlock: later((vault) => vault.unlock, false),
    lock: ifLoaded((vault) => vault.lock),
    forgetEverything: later((vault) => vault.forgetEverything, undefined),
    exportFile: later((vault) => vault.exportFile, null),
    importFile: later((vault) => vault.importFile, false),
    contentsChanged: ifLoaded((vault) => vault.contentsChanged),
    flush: later((vault) => vault.flush, undefined),

    setIdleLockMinutes: (minutes) =>
      patch({
        idleLockMinutes: Number.isFinite(minutes)
          ? Math.min(MAX_IDLE_LOCK_MINUTES, Math.max(0, Math.round(minutes)))
          : DEFAULT_IDLE_LOCK_MINUTES,
      }),

    dismissNotice: () => patch({ plainCopyRemoved: false }),
  };
}
