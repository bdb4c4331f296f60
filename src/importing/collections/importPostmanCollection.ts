// Imports a Postman Collection (format v2.1.0, and v2.0.0 whose auth differs only in shape) into
// the one collection model: folders, requests, collection variables, descriptions, and AWS
// Signature (awsv4) auth with Postman's inheritance — set on the collection, a folder or a
// request; absent, null or "inherit" takes the parent's; "noauth" stops it. Region and service
// become the request's hand-set region and service; "add auth data to query" presigns. The keys
// go to workspace.keys (the credentials panel, memory only) and never into the collection.
// What the playground cannot do (scripts, multipart bodies, other auth types) is named in notes.
// Never throws; either the whole collection or one reason.
import type { Collection, Environment, Variable } from '../../collections/collectionModel';
import { describeSchemaIssue } from '../../collections/describeSchemaIssue';
import type { VariableScope } from '../../collections/resolveVariables';
import { isCredentialHeader } from '../../request/credentialFields';
import { checkImportLimits } from './checkImportLimits';
import type { ImportedWorkspace, ImportWorkspaceResult } from './importedWorkspace';
import { NoteTallies } from './importNotes';
import { isRecord, valueText } from './jsonValues';
import { applyAuth, NO_AUTH } from './postmanAuth';
import { readPostmanKeys } from './postmanKeys';
import { postmanNotes, type PostmanTallyKind } from './postmanNotes';
import { optionalDescription, postmanCollection, type PostmanVariable } from './postmanSchemas';
import { hasScripts, nameOf, type PostmanWalk } from './postmanWalk';
import { readPostmanItems } from './readPostmanItems';
import { withoutImportedKeys } from './withoutImportedKeys';

export interface PostmanImportContext {
  newId: () => string;
  /** Environments (imported with it, or before) to resolve the auth's {{variables}} through. */
  environments?: readonly Environment[];
}

/** Which Postman collection format a parsed JSON value is, if it is one. */
export function postmanCollectionVersion(value: unknown): 'v1' | 'v2.0' | 'v2.1' | undefined {
  if (!isRecord(value)) return undefined;
  if (!isRecord(value.info)) {
    // v1: flat `requests` with an `order` of ids.
    return Array.isArray(value.requests) && Array.isArray(value.order) ? 'v1' : undefined;
  }
  const schema = typeof value.info.schema === 'string' ? value.info.schema : '';
  if (/collection\/v1/.test(schema)) return 'v1';
  if (/collection\/v2\.0/.test(schema)) return 'v2.0';
  if (/collection\/v2/.test(schema) || 'item' in value) return 'v2.1';
  return undefined;
}

/**
 * Postman's collection variables. Type "secret", and names that say credential (the rule
 * credentialFields.ts applies to header names: a variable name is plain text, like a header's),
 * make a secret variable: its value stays in memory only.
 */
function readVariables(variables: readonly PostmanVariable[]): Variable[] {
  return variables.flatMap((variable) => {
    const name = variable.key ?? variable.id;
    if (name === undefined || name === null) return [];
    return [
      {
        name,
        value: valueText(variable.value),
        secret: variable.type === 'secret' || isCredentialHeader(name),
        enabled: variable.disabled !== true,
      },
    ];
  });
}

function formatName(version: 'v2.0' | 'v2.1'): string {
  return `Postman Collection ${version}`;
}

/** Imports a parsed Postman collection file. Never throws. */
export function importPostmanCollection(
  value: unknown,
  context: PostmanImportContext,
): ImportWorkspaceResult {
  const version = postmanCollectionVersion(value);
  if (version === undefined)
    return { ok: false, error: 'This is not a Postman collection (no "info" and "item").' };
  if (version === 'v1')
    return {
      ok: false,
      error:
        'This is a Postman Collection v1 file, which the playground does not read: open it in Postman and export it as Collection v2.1.',
    };
  const parsed = postmanCollection.safeParse(value);
  if (!parsed.success)
    return {
      ok: false,
      error: `This Postman collection is not in the published format: ${describeSchemaIssue(parsed.error.issues, value)}.`,
    };
  const source = parsed.data;
  const name = nameOf(source.info.name, 'Postman collection');
  const variables = readVariables(source.variable ?? []);
  const walk: PostmanWalk = {
    newId: context.newId,
    tallies: new NoteTallies<PostmanTallyKind>(),
    awsAuths: [],
    requests: 0,
    folders: 0,
  };
  if (hasScripts(source.event)) walk.tallies.add('scripts', name);
  const collectionAuth = applyAuth(source.auth, NO_AUTH, 'the collection');
  if (collectionAuth.kind === 'awsv4') walk.awsAuths.push(collectionAuth);
  const items = readPostmanItems(source.item, collectionAuth, [], walk);
  if (!items.ok) return items;
  const scopes: VariableScope[] = [
    ...(context.environments ?? []).map((environment): VariableScope => ({
      kind: 'environment',
      label: environment.name,
      variables: environment.variables,
    })),
    { kind: 'collection', label: name, variables },
  ];
  const { keys, keyVariables, notes: keyNotes } = readPostmanKeys(walk.awsAuths, scopes);
  const description = optionalDescription(source.info.description);
  const collection: Collection = {
    id: context.newId(),
    name,
    variables,
    items: items.value,
    ...(description === undefined ? {} : { description }),
  };
  const workspace: ImportedWorkspace = {
    format: formatName(version),
    collection,
    environments: [],
    ...(keys === undefined ? {} : { keys }),
    notes: [...keyNotes, ...postmanNotes(walk.tallies)],
  };
  const tooMuch = checkImportLimits(workspace);
  if (tooMuch !== undefined) return { ok: false, error: tooMuch };
  return { ok: true, workspace: withoutImportedKeys(workspace, keyVariables) };
}
