import { useCallback } from 'react';
import type { FixAction } from '../../diagnosis/diagnoseMismatch';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { focusField } from './focusField';

/**
 * A diagnosis' fix button: a change to the form goes to the store's one applyFix; "check this
 * field" moves the focus there; "Who am I?" asks STS.
 */
export function useApplyFix(): (action: FixAction) => void {
  const applyFix = usePlaygroundStore((s) => s.request.applyFix);
  const checkWhoAmI = usePlaygroundStore((s) => s.identity.checkWhoAmI);
  return useCallback(
    (action: FixAction) => {
      if (action.kind === 'focus-field') return focusField(action.field);
      if (action.kind === 'who-am-i') return void checkWhoAmI();
      applyFix(action);
    },
    [applyFix, checkWhoAmI],
  );
}
