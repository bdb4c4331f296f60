// Imports an Insomnia export — format 4 (JSON) or 5 (YAML), read by readInsomniaTree.ts — as a
// collection: folders as folders, requests with their `iam` auth (region and service; the keys go
// to the credentials panel), inherited from the nearest folder as Insomnia does; the base
// environment as the collection's variables and the sub environments as environments; `{{ _.x }}`
// as `{{x}}`. Never throws; either the whole workspace or one sentence saying why not.
import type {
  Collection,
  CollectionItem,
  Environment,
  Variable,
} from '../../collections/collectionModel';
import { checkImportLimits, tooManyVariables } from './checkImportLimits';
import { AwsKeyCollector } from './collectAwsKeys';
import type { ImportedWorkspace, ImportWorkspaceResult } from './importedWorkspace';
import { encodePairs } from './encodeQueryPart';
import {
  appendQuery,
  buildSavedRequest,
  fillPathParameters,
  hasHeader,
  importedName,
  ImportedRequestTallies,
} from './importedRequest';
import { NoteTallies, quoteName } from './importNotes';
import { flattenEnvironmentData, overlayVariables } from './insomniaEnvironment';
import {
  textOf,
  type InsomniaAuth,
  type InsomniaBody,
  type InsomniaPair,
  type InsomniaRequestFields,
} from './insomniaSchemas';
import {
  convertInsomniaTemplate,
  createTemplateTally,
  templateNotes,
  type TemplateTally,
} from './insomniaTemplates';
import {
  isInsomniaV5Type,
  readInsomniaTree,
  type InsomniaNode,
  type InsomniaTree,
} from './readInsomniaTree';
import { readStructuredText } from './readStructuredText';
import {
  SUBSTITUTION_TOO_LARGE,
  SubstitutionBudget,
  substituteFolderVariables,
} from './substituteFolderVariables';
import { withoutImportedKeys } from './withoutImportedKeys';

type NoteKind =
  | 'otherAuth'
  | 'multipart'
  | 'file'
  | 'skippedRequests'
  | 'folderVariables'
  | 'folderHeaders'
  | 'unfilledPath';

/** What the walk carries down from the folders above a node. */
interface Inherited {
  /** The nearest folder's auth that counts (Insomnia's getOrInheritAuthentication). */
  auth: NonNullable<InsomniaAuth> | undefined;
  headers: { name: string; value: string }[];
  variables: ReadonlyMap<string, string>;
}

interface Context {
  newId: () => string;
  templates: TemplateTally;
  tallies: ImportedRequestTallies;
  notes: NoteTallies<NoteKind>;
  budget: SubstitutionBudget;
  keys: AwsKeyCollector;
  /** Auth types other than iam and none, for the note. */
  otherAuthTypes: Set<string>;
}

/** An auth that applies: a type, and not switched off. `{}` and disabled ones defer to the folder. */
function effectiveAuth(auth: InsomniaAuth): NonNullable<InsomniaAuth> | undefined {
  if (auth === undefined || auth === null) return undefined;
  if (typeof auth.type !== 'string' || auth.type === '' || auth.disabled === true) return undefined;
  return auth;
}

function enabledPairs(
  pairs: readonly InsomniaPair[] | null | undefined,
  convert: (text: string) => string,
): { name: string; value: string; type: string | null | undefined }[] {
  return (pairs ?? [])
    .filter((pair) => pair.disabled !== true && textOf(pair.name).trim() !== '')
    .map((pair) => ({
      name: convert(textOf(pair.name)),
      value: convert(textOf(pair.value)),
      type: pair.type,
    }));
}

/** The body as text, and the Content-Type Insomnia sends with it when the headers set none. */
function bodyText(
  body: InsomniaBody,
  convert: (text: string) => string,
  skip: (kind: 'multipart' | 'file') => void,
): { text: string; contentType?: string } {
  if (body === undefined || body === null) return { text: '' };
  const mimeType = body.mimeType ?? '';
  if (mimeType === 'multipart/form-data') {
    skip('multipart');
    return { text: '' };
  }
  if (body.fileName !== undefined && body.fileName !== null && body.fileName !== '') {
    skip('file');
    return { text: '' };
  }
  if (mimeType === 'application/x-www-form-urlencoded') {
    const pairs = enabledPairs(body.params, convert);
    if (pairs.some((pair) => pair.type === 'file')) skip('file');
    return {
      text: encodePairs(pairs.filter((pair) => pair.type !== 'file')),
      contentType: mimeType,
    };
  }
  const text = convert(body.text ?? '');
  if (text === '') return { text };
  // A GraphQL body is JSON ({"query": …, "variables": …}), sent as such.
  const contentType = mimeType === 'application/graphql' ? 'application/json' : mimeType;
  return contentType === '' ? { text } : { text, contentType };
}

function requestItem(
  fields: InsomniaRequestFields,
  description: string,
  inherited: Inherited,
  context: Context,
): CollectionItem {
  const name = importedName(textOf(fields.name), 'Untitled request');
  let usedFolderVariables = false;
  const convert = (text: string) => {
    const converted = convertInsomniaTemplate(text, context.templates);
    const filled = substituteFolderVariables(converted, inherited.variables, context.budget);
    if (filled !== converted) usedFolderVariables = true;
    return filled;
  };

  let url = convert(textOf(fields.url));
  url = appendQuery(url, enabledPairs(fields.parameters, convert));
  const pathValues = new Map(
    enabledPairs(fields.pathParameters, convert).map((pair) => [pair.name, pair.value]),
  );
  const filled = fillPathParameters(url, pathValues);
  if (filled.unfilled.length > 0) context.notes.add('unfilledPath', name);

  const own = enabledPairs(fields.headers, convert);
  const fromFolders = inherited.headers
    .filter((header) => !hasHeader(own, header.name))
    .map((header) => ({ name: convert(header.name), value: convert(header.value) }));
  if (fromFolders.length > 0) context.notes.add('folderHeaders', name);
  const headers = [...fromFolders, ...own];

  const body = bodyText(fields.body, convert, (kind) => context.notes.add(kind, name));
  if (body.contentType !== undefined && !hasHeader(headers, 'content-type'))
    headers.push({ name: 'Content-Type', value: body.contentType });

  // The request's own auth if it has one that counts, else the nearest folder's.
  const auth = effectiveAuth(fields.authentication) ?? inherited.auth;
  let region: string | undefined;
  let service: string | undefined;
  if (auth?.type === 'iam') {
    region = convert(textOf(auth.region));
    service = convert(textOf(auth.service));
    context.keys.add(
      {
        accessKeyId: convert(textOf(auth.accessKeyId)),
        secretAccessKey: convert(textOf(auth.secretAccessKey)),
        sessionToken: convert(textOf(auth.sessionToken)),
      },
      name,
    );
  } else if (auth !== undefined && auth.type !== 'none') {
    context.notes.add('otherAuth', name);
    context.otherAuthTypes.add(auth.type ?? '');
  }

  if (usedFolderVariables) context.notes.add('folderVariables', name);
  const parts = {
    name,
    method: fields.method ?? 'GET',
    url: filled.url,
    headers,
    body: body.text,
    description,
    ...(region === undefined ? {} : { region }),
    ...(service === undefined ? {} : { service }),
  };
  return buildSavedRequest(parts, context.newId(), context.tallies);
}

/** Folder variables as text, templates converted (nested data flattened as environments are). */
function folderVariables(environment: unknown, context: Context): Map<string, string> {
  const flat = flattenEnvironmentData(environment, context.templates);
  return new Map(flat.variables.map((variable) => [variable.name, variable.value]));
}

/** Depth is bounded by readInsomniaTree (COLLECTION_LIMITS.maxDepth). */
function convertNodes(
  nodes: readonly InsomniaNode[],
  inherited: Inherited,
  context: Context,
): CollectionItem[] {
  const items: CollectionItem[] = [];
  for (const node of nodes) {
    if (node.kind === 'other') {
      context.notes.add('skippedRequests', node.name);
      continue;
    }
    if (node.kind === 'request') {
      items.push(requestItem(node.fields, node.description, inherited, context));
      continue;
    }
    const own = folderVariables(node.fields.environment, context);
    // Converted where they are sent, in each request, with the variables there.
    const folderHeaders = enabledPairs(node.fields.headers, (text) => text);
    const inner: Inherited = {
      auth: effectiveAuth(node.fields.authentication) ?? inherited.auth,
      headers: [
        ...inherited.headers.filter((header) => !hasHeader(folderHeaders, header.name)),
        ...folderHeaders,
      ],
      variables: own.size === 0 ? inherited.variables : new Map([...inherited.variables, ...own]),
    };
    items.push({
      kind: 'folder',
      id: context.newId(),
      name: importedName(textOf(node.fields.name), 'Untitled folder'),
      items: convertNodes(node.children, inner, context),
    });
  }
  return items;
}

function variablesOf(
  owner: string,
  data: unknown,
  templates: TemplateTally,
): Variable[] | { error: string } {
  const flat = flattenEnvironmentData(data, templates);
  return flat.count > flat.variables.length
    ? { error: tooManyVariables(owner, flat.count) }
    : flat.variables;
}

function noteSentences(
  notes: NoteTallies<NoteKind>,
  otherAuthTypes: ReadonlySet<string>,
): string[] {
  const sentences: string[] = [];
  const say = (kind: NoteKind, sentence: (names: string, one: boolean) => string) => {
    const tally = notes.get(kind);
    if (tally !== undefined) sentences.push(sentence(tally.describe(), tally.count === 1));
  };
  say(
    'otherAuth',
    (names, one) =>
      `${names} ${one ? 'uses' : 'use'} authentication other than AWS IAM (${[...otherAuthTypes].join(', ')}): imported without it, as the playground signs with SigV4.`,
  );
  say(
    'multipart',
    (names) => `The multipart bodies of ${names} were left out: the playground sends text bodies.`,
  );
  say(
    'file',
    (names) => `The file bodies of ${names} were left out: choose the file again in the body.`,
  );
  say(
    'skippedRequests',
    (names, one) =>
      `${names} ${one ? 'was' : 'were'} left out (gRPC, WebSocket, Socket.IO or MCP): the playground sends HTTP requests.`,
  );
  say(
    'folderVariables',
    (names) =>
      `Folder variables were written into ${names}: the playground keeps variables on the collection and in environments, not on folders.`,
  );
  say(
    'folderHeaders',
    (names) => `Headers set on folders were copied into ${names}, as Insomnia sends them.`,
  );
  say(
    'unfilledPath',
    (names, one) =>
      `${names} ${one ? 'has' : 'have'} path parameters (:name) without a value: fill them in the URL.`,
  );
  return sentences;
}

function buildWorkspace(tree: InsomniaTree, newId: () => string): ImportWorkspaceResult {
  const templates = createTemplateTally();
  const baseName = tree.base?.name ?? 'Base Environment';
  const baseVariables =
    tree.base === undefined
      ? []
      : variablesOf(`The environment ${quoteName(baseName)}`, tree.base.data, templates);
  if ('error' in baseVariables) return { ok: false, error: baseVariables.error };

  const environments: Environment[] = [];
  for (const sub of tree.subEnvironments) {
    const variables = variablesOf(`The environment ${quoteName(sub.name)}`, sub.data, templates);
    if ('error' in variables) return { ok: false, error: variables.error };
    environments.push({
      id: newId(),
      name: importedName(sub.name, 'Environment'),
      // Without a collection, the base's variables have nowhere else to go: each environment
      // carries them, as Insomnia applies the base under whichever sub environment is active.
      variables:
        tree.children === undefined ? overlayVariables(baseVariables, variables) : variables,
    });
  }
  if (tree.children === undefined && environments.length === 0 && baseVariables.length > 0)
    environments.push({
      id: newId(),
      name: importedName(baseName, 'Environment'),
      variables: baseVariables,
    });

  const collectionVariables = tree.children === undefined ? [] : baseVariables;
  const context: Context = {
    newId,
    templates,
    tallies: new ImportedRequestTallies(),
    notes: new NoteTallies<NoteKind>(),
    budget: new SubstitutionBudget(),
    keys: new AwsKeyCollector(collectionVariables, environments),
    otherAuthTypes: new Set(),
  };

  const workspace: ImportedWorkspace = {
    format: tree.format,
    environments,
    notes: [...tree.notes],
  };
  if (tree.children !== undefined) {
    const items = convertNodes(
      tree.children,
      { auth: undefined, headers: [], variables: new Map() },
      context,
    );
    if (context.budget.exhausted) return { ok: false, error: SUBSTITUTION_TOO_LARGE };
    const collection: Collection = {
      id: newId(),
      name: importedName(tree.name, 'Insomnia collection'),
      variables: collectionVariables,
      items,
    };
    const description = tree.description.trim();
    if (description !== '') collection.description = description;
    workspace.collection = collection;
  } else if (environments.length === 0) {
    return { ok: false, error: 'This Insomnia file holds no requests and no environments.' };
  }

  const keys = context.keys.result();
  if (keys.keys !== undefined) workspace.keys = keys.keys;
  workspace.notes.push(
    ...keys.notes,
    ...noteSentences(context.notes, context.otherAuthTypes),
    ...context.tallies.notes(),
    ...templateNotes(templates),
  );
  const keyless = withoutImportedKeys(workspace, keys.keyVariables);
  const problem = checkImportLimits(keyless);
  return problem === undefined ? { ok: true, workspace: keyless } : { ok: false, error: problem };
}

/** An export already parsed (JSON or YAML): the dispatcher parses JSON once for every format. */
export function importInsomniaDocument(value: unknown, newId: () => string): ImportWorkspaceResult {
  const tree = readInsomniaTree(value);
  if (!tree.ok) return tree;
  return buildWorkspace(tree.tree, newId);
}

export function importInsomnia(text: string, newId: () => string): ImportWorkspaceResult {
  const read = readStructuredText(text, 'The Insomnia file');
  if (!read.ok) return read;
  return importInsomniaDocument(read.value, newId);
}

/** Whether parsed JSON or YAML is an Insomnia export, by its marker (for the import dispatcher). */
export function looksLikeInsomnia(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (
    '__export_format' in record ||
    (typeof record.type === 'string' && isInsomniaV5Type(record.type))
  );
}

/**
 * Whether a YAML text is an Insomnia format 5 file, by its `type:` line near the top: the
 * dispatcher asks before anything is parsed.
 */
export function looksLikeInsomniaYaml(text: string): boolean {
  const type = /^type:[ \t]*["']?([^\s"']{1,100})/m.exec(text.slice(0, 4096))?.[1];
  return type !== undefined && isInsomniaV5Type(type);
}
