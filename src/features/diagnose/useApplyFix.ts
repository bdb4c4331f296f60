import { useCallback } from 'react';
import type { FixAction } from '../../diagnosis/diagnoseMismatch';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { focusField } from './focusField';

/**
 * A diagnosis' fix button: a change to the form goes to the store's one applyFix; "check this
 * field" moves the focus there.
 */
export function useApplyFix(): (action: FixAction) => void {
  const applyFix = usePlaygroundStore((s) => s.request.applyFix);
  return useCallback(
    (action: FixAction) =>
      action.kind === 'focus-field' ? focusField(action.field) : applyFix(action),
    [applyFix],
  );
}
