// What the page reads once its first signature is painted (createPlaygroundStore's startLoading),
// from IndexedDB: the collections, and whether a vault is stored. The panels that show them load
// with them read (App.tsx, CredentialsPanel.tsx): drawn before, they would show a shorter
// "loading" state of their own first, and grow under the pointer when the answer came. (Not where
// a server renders the first view: its stores are its own, and the page's reads nothing there.)
import type { PlaygroundState } from './playgroundState';
import { playgroundStore } from './usePlaygroundStore';
import { whenState } from './whenState';

/** The browser's collections (and environments) are read. */
export const collectionsRead = (state: PlaygroundState) => state.collections.status === 'ready';

/** Whether a vault is stored is known, or the vault's code could not load (its panel says so). */
export const vaultRead = ({ vault }: PlaygroundState) =>
  vault.status !== 'loading' || vault.error !== null;

/**
 * Resolves once the page's store has read what `read` checks; at once where a server renders the
 * first view, which reads nothing of the page's store (its panels are drawn from stores of its own).
 */
export const pageHasRead = (read: (state: PlaygroundState) => boolean): true | Promise<void> =>
  import.meta.env.SSR || whenState(playgroundStore, read);
