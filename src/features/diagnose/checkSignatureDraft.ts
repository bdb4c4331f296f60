import type { CheckDraftSlice } from '../../store/playgroundState';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

/**
 * The text of "Check a signature"'s Signed request field (the store's checkDraft slice), shared
 * so that Import's "Check it" can put a pasted signed request there.
 */
export function useCheckSignatureDraft<T>(selector: (draft: CheckDraftSlice) => T): T {
  return usePlaygroundStore((s) => selector(s.checkDraft));
}
