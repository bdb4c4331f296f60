import { createContext, useContext } from 'react';
import type { CollectionPlace, SavedFrom } from '../../store/collectionsState';
import { playgroundStore } from '../../store/usePlaygroundStore';

/**
 * What every row of the Collections panel shares: which item's actions are open and which name
 * is being edited (one of each at a time, across all collections).
 */
export interface TreeState {
  /** The saved request the form came from: its row is marked. */
  current: SavedFrom | null;
  /** The item (or collection) whose actions are shown. */
  actionsFor: string | null;
  setActionsFor(id: string | null): void;
  /** The item (or collection) whose name is a field. */
  renaming: string | null;
  startRenaming(id: string): void;
  /** Ends renaming and puts focus back on the item's actions button. */
  doneRenaming(id: string): void;
}

export const TreeStateContext = createContext<TreeState | null>(null);

export function useTreeState(): TreeState {
  const state = useContext(TreeStateContext);
  if (state === null) throw new Error('useTreeState is for rows inside the Collections panel.');
  return state;
}

/** The collection a row belongs to. */
export interface RowCollection {
  id: string;
  place: CollectionPlace;
}

/**
 * The collections' actions, read when a row's button is pressed. Rows do not subscribe to the
 * store: with hundreds of them, one subscription each would cost every keystroke a check per row.
 */
export const collectionActions = () => playgroundStore.getState().collections;

/** The id of an item's actions button, for giving it focus back. */
export const actionsButtonId = (itemId: string) => `collection-actions-${itemId}`;
