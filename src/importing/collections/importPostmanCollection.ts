// Imports a Postman Collection (format v2.1.0, and v2.0.0 whose auth differs only in shape) into
// the one collection model: folders, requests, collection variables, descriptions, and AWS
// Signature (awsv4) auth with Postman's inheritance — set on the collection, a folder or a
// request; absent, null or "inherit" takes the parent's; "noauth" stops it. Region and service
// become the request's hand-set region and service; "add auth data to query" presigns. The keys
// go to workspace.keys (the credentials panel, memory only) and never into the collection.
// What the playground cannot do (scripts, multipart bodies, other auth types) is named in notes.
// Never throws; either the whole collection or one reason.
import {
  COLLECTION_LIMITS,
  DEFAULT_SAVED_OPTIONS,
  type Collection,
  type CollectionItem,
  type Environment,
  type SavedOptions,
  type SavedRequest,
  type Variable,
} from '../../collections/collectionModel';
import type { VariableScope } from '../../collections/resolveVariables';
import { MAX_FOLDERS } from '../../collections/validateCollection';
import { isCredentialHeader, withoutCredentialsInUrl } from '../../request/credentialFields';
import { checkImportLimits, tooDeep, tooManyFolders, tooManyRequests } from './checkImportLimits';
import { describeSchemaIssue } from '../../collections/describeSchemaIssue';
import type { ImportedWorkspace, ImportWorkspaceResult } from './importedWorkspace';
import { NoteTallies, quoteName } from './importNotes';
import { applyAuth, NO_AUTH, type EffectiveAuth, type PostmanAwsV4 } from './postmanAuth';
import { postmanBodyText } from './postmanBody';
import { readPostmanHeaders } from './postmanHeaders';
import { readPostmanKeys, type PlacedAwsV4 } from './postmanKeys';
import {
  PLAYGROUND_EXTENSION_KEY,
  readPlaygroundExtension,
  type PlaygroundItemExtension,
} from './postmanPlaygroundExtension';
import {
  optionalDescription,
  postmanCollection,
  postmanItem,
  textOf,
  type LooseText,
  type PostmanItem,
  type PostmanRequestObject,
  type PostmanVariable,
} from './postmanSchemas';
import { postmanUrlText } from './postmanUrl';
import { withoutImportedKeys } from './withoutImportedKeys';

export interface PostmanImportContext {
  newId: () => string;
  /** Environments (imported with it, or before) to resolve the auth's {{variables}} through. */
  environments?: readonly Environment[];
}

type Read<T> = { ok: true; value: T } | { ok: false; error: string };

type TallyKind =
  | 'scripts'
  | 'noAuth'
  | 'regionUnset'
  | 'serviceUnset'
  | 'disabledHeaders'
  | 'signerHeaders'
  | 'credentialHeaders'
  | 'urlCredentials'
  | 'formdata'
  | 'file'
  | 'unknownBody'
  | 'unfilledPathVariables'
  | 'folderDescriptions'
  | 'itemVariables'
  | 'damagedExtension'
  | `auth:${string}`;

interface Walk {
  newId: () => string;
  tallies: NoteTallies<TallyKind>;
  /** Every awsv4 auth set in the file, collection first, in document order. */
  awsAuths: PlacedAwsV4[];
  requests: number;
  folders: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Which Postman collection format a parsed JSON value is, if it is one. */
export function postmanCollectionVersion(value: unknown): 'v1' | 'v2.0' | 'v2.1' | undefined {
  if (!isObject(value)) return undefined;
  if (!isObject(value.info)) {
    // v1: flat `requests` with an `order` of ids.
    return Array.isArray(value.requests) && Array.isArray(value.order) ? 'v1' : undefined;
  }
  const schema = typeof value.info.schema === 'string' ? value.info.schema : '';
  if (/collection\/v1/.test(schema)) return 'v1';
  if (/collection\/v2\.0/.test(schema)) return 'v2.0';
  if (/collection\/v2/.test(schema) || 'item' in value) return 'v2.1';
  return undefined;
}

/** The name as written ('' included); the fallback only when the file gives none. */
function nameOf(name: LooseText | undefined, fallback: string): string {
  return name === undefined || name === null ? fallback : textOf(name);
}

function hasEntries(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/** Whether `event` holds a script with code in it (Postman exports empty ones as `exec: [""]`). */
function hasScripts(event: unknown): boolean {
  if (!Array.isArray(event)) return false;
  return event.some((entry: unknown) => {
    const exec: unknown = isObject(entry) && isObject(entry.script) ? entry.script.exec : undefined;
    const lines: unknown[] = Array.isArray(exec) ? exec : [exec];
    return lines.some((line) => typeof line === 'string' && line.trim() !== '');
  });
}

/**
 * Region and service from the auth: set by hand, as Postman would sign with them; an empty one
 * follows the URL's host. The playground's own export says when its value differs from that.
 */
function readScope(
  awsv4: PostmanAwsV4,
  extension: PlaygroundItemExtension | undefined,
  name: string,
  walk: Walk,
): Pick<SavedRequest, 'region' | 'service'> {
  const scope: Pick<SavedRequest, 'region' | 'service'> = {};
  const read = (field: 'region' | 'service', written: string): void => {
    const kept = extension?.[field];
    if (kept !== undefined && kept.written === written) {
      if (kept.value !== null) scope[field] = kept.value;
    } else if (written === '') {
      walk.tallies.add(field === 'region' ? 'regionUnset' : 'serviceUnset', name);
    } else {
      scope[field] = written;
    }
  };
  read('region', awsv4.region);
  read('service', awsv4.service);
  return scope;
}

function readRequest(item: PostmanItem, inherited: EffectiveAuth, walk: Walk): SavedRequest {
  const name = nameOf(item.name, 'Untitled request');
  const request: PostmanRequestObject =
    typeof item.request === 'string' ? { url: item.request } : (item.request ?? {});
  const auth = applyAuth(request.auth, inherited, `request ${quoteName(name)}`);
  if (auth !== inherited && auth.kind === 'awsv4') walk.awsAuths.push(auth);
  const extension = readPlaygroundExtension(item[PLAYGROUND_EXTENSION_KEY]);
  if (item[PLAYGROUND_EXTENSION_KEY] !== undefined && extension === undefined)
    walk.tallies.add('damagedExtension', name);
  if (hasScripts(item.event)) walk.tallies.add('scripts', name);
  if (hasEntries(item.variable)) walk.tallies.add('itemVariables', name);

  const written = postmanUrlText(request.url);
  if (written.unfilled.length > 0) walk.tallies.add('unfilledPathVariables', name);
  const { url, withheld } = withoutCredentialsInUrl(written.url);
  if (withheld.length > 0) walk.tallies.add('urlCredentials', name);

  // In the playground's own export (it writes the extension on every request) a header is one
  // the request has, whatever its name; in Postman's, awsv4 replaces the signer's headers.
  const signsAway = auth.kind === 'awsv4' && item[PLAYGROUND_EXTENSION_KEY] === undefined;
  const read = readPostmanHeaders(request.header, extension, signsAway);
  if (read.left.disabled) walk.tallies.add('disabledHeaders', name);
  if (read.left.signer) walk.tallies.add('signerHeaders', name);
  if (read.left.credential) walk.tallies.add('credentialHeaders', name);
  const headers = read.headers;
  const body = postmanBodyText(request.body);
  if (body.skipped === 'formdata' || body.skipped === 'file') walk.tallies.add(body.skipped, name);
  if (body.skipped === 'unknown') walk.tallies.add('unknownBody', name);
  if (
    body.contentType !== undefined &&
    !headers.some((header) => header.name.toLowerCase() === 'content-type')
  ) {
    headers.push({ name: 'Content-Type', value: body.contentType, signed: true });
  }

  let scope: Pick<SavedRequest, 'region' | 'service'> = {};
  let mode: SavedOptions['mode'] = 'header';
  if (auth.kind === 'awsv4') {
    scope = readScope(auth.awsv4, extension, name, walk);
    mode = auth.awsv4.addAuthDataToQuery ? 'query' : 'header';
  } else if (auth.kind === 'none') {
    walk.tallies.add('noAuth', name);
  } else {
    walk.tallies.add(`auth:${auth.type}`, name);
  }

  const description = optionalDescription(request.description ?? item.description);
  return {
    kind: 'request',
    id: walk.newId(),
    name,
    method: request.method?.trim() || 'GET',
    url,
    headers,
    body: body.body,
    ...scope,
    options: { ...DEFAULT_SAVED_OPTIONS, ...extension?.options, mode },
    ...(description === undefined ? {} : { description }),
  };
}

/** The items of one level; folders recurse, at most COLLECTION_LIMITS.maxDepth deep. */
function readItems(
  raw: readonly unknown[],
  inherited: EffectiveAuth,
  folders: readonly string[],
  walk: Walk,
): Read<CollectionItem[]> {
  const items: CollectionItem[] = [];
  const where =
    folders.length === 0 ? 'the collection' : `folder ${folders.map(quoteName).join(' › ')}`;
  for (const [index, value] of raw.entries()) {
    const parsed = postmanItem.safeParse(value);
    if (!parsed.success) {
      const named =
        isObject(value) && typeof value.name === 'string' ? ` (${quoteName(value.name)})` : '';
      return {
        ok: false,
        error: `Item ${index + 1} of ${where}${named}: ${describeSchemaIssue(parsed.error.issues, value)}.`,
      };
    }
    const item = parsed.data;
    if (item.item !== undefined) {
      const name = nameOf(item.name, 'Untitled folder');
      if (folders.length + 1 > COLLECTION_LIMITS.maxDepth)
        return { ok: false, error: tooDeep(`folder ${quoteName(name)}`) };
      if (++walk.folders > MAX_FOLDERS) return { ok: false, error: tooManyFolders() };
      const auth = applyAuth(item.auth, inherited, `folder ${quoteName(name)}`);
      if (auth !== inherited && auth.kind === 'awsv4') walk.awsAuths.push(auth);
      if (optionalDescription(item.description)) walk.tallies.add('folderDescriptions', name);
      if (hasScripts(item.event)) walk.tallies.add('scripts', name);
      if (hasEntries(item.variable)) walk.tallies.add('itemVariables', name);
      const children = readItems(item.item, auth, [...folders, name], walk);
      if (!children.ok) return children;
      items.push({ kind: 'folder', id: walk.newId(), name, items: children.value });
    } else if (item.request !== undefined) {
      walk.requests++;
      if (walk.requests > COLLECTION_LIMITS.maxRequests)
        return { ok: false, error: tooManyRequests('more') };
      items.push(readRequest(item, inherited, walk));
    } else {
      const named = item.name === undefined ? '' : ` (${quoteName(textOf(item.name))})`;
      return {
        ok: false,
        error: `Item ${index + 1} of ${where}${named} is neither a request ("request") nor a folder ("item").`,
      };
    }
  }
  return { ok: true, value: items };
}

function variableValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // Nested too deep to write out (a hostile file): no value rather than a crash.
    return '';
  }
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
        value: variableValue(variable.value),
        secret: variable.type === 'secret' || isCredentialHeader(name),
        enabled: variable.disabled !== true,
      },
    ];
  });
}

const AUTH_NAMES: Record<string, string> = {
  apikey: 'API Key',
  basic: 'Basic',
  bearer: 'Bearer Token',
  digest: 'Digest',
  edgegrid: 'Akamai EdgeGrid',
  hawk: 'Hawk',
  ntlm: 'NTLM',
  oauth1: 'OAuth 1.0',
  oauth2: 'OAuth 2.0',
  jwt: 'JWT Bearer',
  asap: 'ASAP',
};

/** One sentence per kind of thing the playground left out or does differently. */
function walkNotes(walk: Walk): string[] {
  const notes: string[] = [];
  const add = (kind: TallyKind, sentence: (list: string) => string) => {
    const tally = walk.tallies.get(kind);
    if (tally !== undefined) notes.push(sentence(tally.describe()));
  };
  add(
    'noAuth',
    (list) => `Postman sends ${list} without auth; the playground signs every request with SigV4.`,
  );
  for (const [kind, tally] of walk.tallies.entries()) {
    if (!kind.startsWith('auth:')) continue;
    const type = kind.slice('auth:'.length);
    const name = AUTH_NAMES[type] ?? quoteName(type);
    notes.push(
      `Postman's ${name} auth is not SigV4 and is not imported: ${tally.describe()} are signed with SigV4 here.`,
    );
  }
  add(
    'regionUnset',
    (list) =>
      `AWS Signature leaves the region empty for ${list} (Postman then signs for us-east-1): here their region follows the URL's host.`,
  );
  add(
    'serviceUnset',
    (list) =>
      `AWS Signature leaves the service empty for ${list} (Postman then signs for execute-api): here their service follows the URL's host.`,
  );
  add(
    'credentialHeaders',
    (list) =>
      `Credential header values (Authorization, API keys, tokens…) are never kept in a collection: paste them again in ${list}.`,
  );
  add(
    'urlCredentials',
    (list) => `Credentials in the URL (signatures, tokens, keys) were taken out of ${list}.`,
  );
  add(
    'signerHeaders',
    (list) =>
      `Headers a signer writes (Authorization, X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256) were left out of ${list}: Postman's AWS Signature replaces them, and the playground signs each request afresh.`,
  );
  add(
    'disabledHeaders',
    (list) => `Disabled headers are not imported (Postman does not send them): ${list}.`,
  );
  add('formdata', (list) => `Multipart form bodies are not imported: ${list} have no body here.`);
  add(
    'file',
    (list) => `File bodies are not imported: ${list} have no body here; choose the file again.`,
  );
  add(
    'unknownBody',
    (list) => `Bodies of a kind the playground does not know are not imported: ${list}.`,
  );
  add(
    'unfilledPathVariables',
    (list) => `Path variables without a value stay as :name in the URL of ${list}.`,
  );
  add(
    'scripts',
    (list) =>
      `Pre-request and test scripts are not imported (the playground runs no scripts): ${list}.`,
  );
  add(
    'itemVariables',
    (list) =>
      `Variables set on folders or requests are not imported, only the collection's: ${list}.`,
  );
  add('folderDescriptions', (list) => `Folder descriptions are not kept: ${list}.`);
  add(
    'damagedExtension',
    (list) =>
      `The playground's own data beside ${list} is not in the shape its export writes and was ignored.`,
  );
  return notes;
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
  const walk: Walk = {
    newId: context.newId,
    tallies: new NoteTallies<TallyKind>(),
    awsAuths: [],
    requests: 0,
    folders: 0,
  };
  if (hasScripts(source.event)) walk.tallies.add('scripts', name);
  const collectionAuth = applyAuth(source.auth, NO_AUTH, 'the collection');
  if (collectionAuth.kind === 'awsv4') walk.awsAuths.push(collectionAuth);
  const items = readItems(source.item, collectionAuth, [], walk);
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
    notes: [...keyNotes, ...walkNotes(walk)],
  };
  const tooMuch = checkImportLimits(workspace);
  if (tooMuch !== undefined) return { ok: false, error: tooMuch };
  return { ok: true, workspace: withoutImportedKeys(workspace, keyVariables) };
}
