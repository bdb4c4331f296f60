import type { FixAction } from '../diagnosis/diagnoseMismatch';
import type { PlaygroundState } from './playgroundState';

export type FocusField = Extract<FixAction, { kind: 'focus-field' }>['field'];

/** The id of the input each focus-field action points at (the page's fields). */
export const FOCUS_FIELD_IDS: Record<FocusField, string> = {
  accessKeyId: 'access-key-id',
  secretAccessKey: 'secret-access-key',
  sessionToken: 'session-token',
  url: 'url',
  method: 'method',
  body: 'body',
};

/**
 * Applies a diagnosis' fix to the store. Returns the field to focus for a focus-field action
 * (the page moves the focus; the store has no DOM), else null.
 */
export function applyFixAction(state: PlaygroundState, action: FixAction): FocusField | null {
  switch (action.kind) {
    case 'set-s3-path-rules':
      state.options.setField('s3PathRules', action.value);
      return null;
    case 'set-region':
      state.request.setField('regionOverride', action.value);
      // SigV4A signs a region set instead: the region the server wants must be in it.
      if (state.options.algorithm === 'sigv4a') state.options.setField('regionSet', action.value);
      return null;
    case 'set-service':
      state.request.setField('serviceOverride', action.value);
      return null;
    case 'set-signing-time':
      state.request.setField('signingTime', action.value);
      return null;
    case 'set-clock-offset':
      state.options.setField('clockOffsetSeconds', Math.round(action.seconds));
      // The offset moves "now"; a fixed signing time would ignore it.
      state.request.setField('signingTime', '');
      return null;
    case 'unsign-header': {
      const name = action.name.toLowerCase();
      for (const row of state.request.headers) {
        if (row.name.trim().toLowerCase() === name && row.signed)
          state.request.updateHeader(row.id, { signed: false });
      }
      return null;
    }
    case 'focus-field':
      return action.field;
  }
}
