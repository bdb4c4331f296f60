// The AWS keys an imported auth names, written out or as {{variables}}: resolved through the
// variables the import has (the collection's, the environments'), so they can go to the
// credentials panel. The keys themselves never go into the collection (withoutImportedKeys.ts).
import {
  referencedNames,
  resolveText,
  type VariableScope,
} from '../../collections/resolveVariables';
import type { ImportedKeys } from './importedWorkspace';

/** The auth's three fields as written. */
export interface AuthKeyTexts {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export interface ResolvedAuthKeys {
  /** Present when both the access key ID and the secret key resolved to a value. */
  keys?: ImportedKeys;
  /** Every variable the three fields refer to, directly. */
  variables: string[];
  /** Referenced names no variable defines. */
  unresolved: string[];
}

function resolveField(
  text: string,
  scopes: readonly VariableScope[],
): { value: string; unresolved: string[] } {
  const resolved = resolveText(text, scopes);
  if (resolved.problem !== null) return { value: '', unresolved: [] };
  return {
    value: resolved.unresolved.length > 0 ? '' : resolved.text.trim(),
    unresolved: resolved.unresolved,
  };
}

export function resolveAuthKeys(
  texts: AuthKeyTexts,
  scopes: readonly VariableScope[],
): ResolvedAuthKeys {
  const accessKeyId = resolveField(texts.accessKeyId, scopes);
  const secretAccessKey = resolveField(texts.secretAccessKey, scopes);
  const sessionToken = resolveField(texts.sessionToken, scopes);
  const variables = [
    ...new Set([
      ...referencedNames(texts.accessKeyId),
      ...referencedNames(texts.secretAccessKey),
      ...referencedNames(texts.sessionToken),
    ]),
  ];
  const unresolved = [
    ...new Set([
      ...accessKeyId.unresolved,
      ...secretAccessKey.unresolved,
      ...sessionToken.unresolved,
    ]),
  ];
  if (accessKeyId.value === '' || secretAccessKey.value === '') return { variables, unresolved };
  return {
    keys: {
      accessKeyId: accessKeyId.value,
      secretAccessKey: secretAccessKey.value,
      ...(sessionToken.value === '' ? {} : { sessionToken: sessionToken.value }),
    },
    variables,
    unresolved,
  };
}
