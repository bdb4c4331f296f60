import type { FixAction } from '../../diagnosis/diagnoseMismatch';

export type FocusField = Extract<FixAction, { kind: 'focus-field' }>['field'];

/** The id of the input each field a diagnosis points at has on the page. */
const FIELD_IDS: Record<FocusField, string> = {
  accessKeyId: 'access-key-id',
  secretAccessKey: 'secret-access-key',
  sessionToken: 'session-token',
  url: 'url',
  method: 'method',
  body: 'body',
};

/** Scrolls a field into view and focuses it: a page concern, not a change to the store. */
export function focusField(field: FocusField): void {
  const element = document.getElementById(FIELD_IDS[field]);
  element?.scrollIntoView({ block: 'center' });
  element?.focus();
}
