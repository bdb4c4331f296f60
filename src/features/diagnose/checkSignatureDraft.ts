import { create } from 'zustand';

/**
 * The text of "Check a signature"'s Signed request field, shared so that Import's "Check it" can
 * put a pasted signed request there. UI state only: not in the playground store, never saved.
 */
export const useCheckSignatureDraft = create<{ text: string; setText(text: string): void }>()(
  (set) => ({
    text: '',
    setText: (text) => set({ text }),
  }),
);
