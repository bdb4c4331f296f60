import { useCallback } from 'react';
import type { FixAction } from '../../diagnosis/diagnoseMismatch';
import { applyFixAction, FOCUS_FIELD_IDS } from '../../store/applyFixAction';
import { playgroundStore } from '../../store/usePlaygroundStore';

/** Applies a diagnosis' fix to the page's store, and moves the focus where it points. */
export function useApplyFix(): (action: FixAction) => void {
  return useCallback((action: FixAction) => {
    const focus = applyFixAction(playgroundStore.getState(), action);
    if (focus === null) return;
    const element = document.getElementById(FOCUS_FIELD_IDS[focus]);
    element?.scrollIntoView({ block: 'center' });
    element?.focus();
  }, []);
}
