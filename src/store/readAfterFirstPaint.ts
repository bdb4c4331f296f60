// What the page reads once its first signature is painted (createPlaygroundStore's startLoading),
// from IndexedDB: the collections, and whether a vault is stored. The panels that show them load
// with them read (App.tsx, CredentialsPanel.tsx): drawn before, they would show a shorter
// "loading" state of their own first, and grow under the pointer when the answer came. (Not where
// a server renders the first view: its stores are its own, and the page's reads nothing there.)
import type { PlaygroundState } from './playgroundState';

/** The browser's collections (and environments) are read. */
export const collectionsRead = (state: PlaygroundState) => state.collections.status === 'ready';

/** Whether a vault is stored is known, or the vault's code could not load (its panel says so). */
export const vaultRead = ({ vault }: PlaygroundState) =>
  vault.status !== 'loading' || vault.error !== null;
