import type { FixAction as DiagnosisFix } from '../diagnosis/diagnoseMismatch';
import type { PlaygroundState } from './playgroundState';

/** A field of the form, named by what it is (a header row by its id), never by a text path. */
export type FormField =
  | {
      slice: 'request';
      key: 'method' | 'url' | 'regionOverride' | 'serviceOverride' | 'signingTime';
    }
  | { slice: 'credentials'; key: 'accessKeyId' | 'secretAccessKey' | 'sessionToken' }
  | { slice: 'options'; key: 'expiresIn' | 'regionSet' | 'payload' }
  | { slice: 'header'; rowId: string; part: 'name' | 'value' };

/**
 * Every change a one-click fix makes to the form: a diagnosis' fix (a signature mismatch, the
 * error doctor, the clock notice), or a validation issue's value for its field. Moving the focus
 * to a field, or asking who the keys belong to, is not a change to the form: the page does that
 * itself (features/diagnose).
 */
export type FormFix =
  | Exclude<DiagnosisFix, { kind: 'focus-field' } | { kind: 'who-am-i' }>
  | { kind: 'set-field'; field: FormField; value: string }
  /** Region or service: drop the hand-set value, so the field follows the URL's host again. */
  | { kind: 'follow-host'; field: 'region' | 'service' };

/** Applies a fix to the store: the request slice's applyFix, the one way fixes are applied. */
export function applyFormFix(state: PlaygroundState, fix: FormFix): void {
  const { request, options } = state;
  switch (fix.kind) {
    case 'set-s3-path-rules':
      return options.setField('s3PathRules', fix.value);
    case 'set-region':
      request.setField('regionOverride', fix.value);
      // SigV4A signs a region set instead: the region the server wants must be in it.
      if (options.algorithm === 'sigv4a') options.setField('regionSet', fix.value);
      return;
    case 'set-service':
      return request.setField('serviceOverride', fix.value);
    case 'set-signing-time':
      return request.setField('signingTime', fix.value);
    case 'set-payload':
      return options.setField('payload', fix.value);
    case 'set-clock-offset':
      options.setField('clockOffsetSeconds', Math.round(fix.seconds));
      // The offset moves "now"; a fixed signing time would ignore it.
      return request.setField('signingTime', '');
    case 'unsign-header': {
      const name = fix.name.toLowerCase();
      for (const row of request.headers) {
        if (row.name.trim().toLowerCase() === name && row.signed)
          request.updateHeader(row.id, { signed: false });
      }
      return;
    }
    case 'set-field':
      return setFormField(state, fix.field, fix.value);
    case 'follow-host':
      return request.setField(fix.field === 'region' ? 'regionOverride' : 'serviceOverride', null);
  }
}

function setFormField(state: PlaygroundState, field: FormField, value: string): void {
  switch (field.slice) {
    case 'request':
      return state.request.setField(field.key, value);
    case 'credentials':
      return state.credentials.setField(field.key, value);
    case 'options':
      return field.key === 'payload'
        ? state.options.setField('payload', value === 'unsigned' ? 'unsigned' : 'signed')
        : state.options.setField(field.key, value);
    case 'header':
      return state.request.updateHeader(field.rowId, { [field.part]: value });
  }
}
