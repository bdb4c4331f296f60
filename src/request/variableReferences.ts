// `{{name}}`: how a request's text refers to a variable, as Postman, Insomnia and Bruno write it.
// The resolver (collections/resolveVariables.ts) reads it to fill values in, and the credential
// rule (credentialFields.ts) to tell a value that names its secret from one that holds it.

/**
 * `{{ name }}`: anything but braces between double braces, spaces around the name ignored (as in
 * Postman and Bruno). The class excludes braces, so a match cannot backtrack across another
 * reference: linear in the text's length. Global: use it with replace or matchAll.
 */
export const VARIABLE_REFERENCE = /\{\{([^{}]{1,500})\}\}/g;

/** VARIABLE_REFERENCE without the global flag: `test` keeps no lastIndex between calls. */
const ANY_REFERENCE = new RegExp(VARIABLE_REFERENCE.source);

/** Whether the text holds a `{{name}}` reference at all: the common case skips resolving. */
export function hasReferences(text: string): boolean {
  return text.includes('{{') && ANY_REFERENCE.test(text);
}
