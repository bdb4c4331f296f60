// Imports a Postman environment file ({ name, values: [{ key, value, type, enabled }],
// _postman_variable_scope: "environment" }), and Postman's globals file, which has the same
// shape, as one environment of the collection model. A variable of type "secret", or whose name
// says credential, is secret: its value stays in this tab's memory only. Never throws.
import type { Environment, Variable } from '../../collections/collectionModel';
import { isCredentialHeader } from '../../request/credentialFields';
import { describeSchemaIssue } from '../../collections/describeSchemaIssue';
import type { ImportWorkspaceResult } from './importedWorkspace';
import { NamedTally } from './importNotes';
import { isRecord, valueText } from './jsonValues';
import { postmanEnvironment, textOf } from './postmanSchemas';

export interface PostmanEnvironmentContext {
  newId: () => string;
}

/**
 * Whether a parsed JSON value is a Postman environment or globals file: the scope Postman writes,
 * or (in older exports, without it) a name and a list of values that have keys.
 */
export function isPostmanEnvironment(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.values)) return false;
  const scope = value._postman_variable_scope;
  if (scope === 'environment' || scope === 'globals') return true;
  return (
    scope === undefined &&
    typeof value.name === 'string' &&
    !('item' in value) &&
    value.values.every((entry) => isRecord(entry) && 'key' in entry)
  );
}

export function importPostmanEnvironment(
  value: unknown,
  context: PostmanEnvironmentContext,
): ImportWorkspaceResult {
  const parsed = postmanEnvironment.safeParse(value);
  if (!parsed.success)
    return {
      ok: false,
      error: `This Postman environment is not in the shape Postman exports: ${describeSchemaIssue(parsed.error.issues, value)}.`,
    };
  const source = parsed.data;
  const globals = source._postman_variable_scope === 'globals';
  const secretByName = new NamedTally();
  const secretByType = new NamedTally();
  const variables: Variable[] = source.values.flatMap((entry) => {
    if (entry.key === undefined || entry.key === null) return [];
    const name = entry.key;
    const typedSecret = entry.type === 'secret';
    // Variable names are plain text, read with the rule credentialFields.ts applies to headers.
    const namedSecret = !typedSecret && isCredentialHeader(name);
    if (typedSecret) secretByType.add(name);
    if (namedSecret) secretByName.add(name);
    return [
      {
        name,
        value: valueText(entry.value),
        secret: typedSecret || namedSecret,
        enabled: entry.enabled !== false,
      },
    ];
  });
  const name =
    source.name === undefined || source.name === null
      ? globals
        ? 'Globals'
        : 'Postman environment'
      : textOf(source.name);
  const environment: Environment = { id: context.newId(), name, variables };
  const notes: string[] = [];
  const secrets = secretByType.count + secretByName.count;
  if (secrets > 0) {
    const named =
      secretByName.count > 0
        ? ` (${secretByName.describe()} because ${secretByName.count === 1 ? 'its name says' : 'their names say'} credential)`
        : '';
    notes.push(
      `${secrets === 1 ? 'One variable is' : `${secrets} variables are`} secret${named}: their values stay in this tab's memory only, like the secret key.`,
    );
  }
  return {
    ok: true,
    workspace: {
      format: globals ? 'Postman globals' : 'Postman environment',
      environments: [environment],
      notes,
    },
  };
}
