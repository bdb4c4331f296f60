// Imports a Bruno collection: the files of its folder as the page reads them (paths relative to
// the folder the user chose), or a few `.bru` files on their own. bruno.json names the collection,
// collection.bru and each folder.bru carry headers, auth and variables for what is under them,
// folders come from the paths, environments/*.bru become environments (`vars:secret` names →
// secret variables without a value, as Bruno keeps their values out of the files). `auth:awsv4`
// sets region and service, and its keys go to the credentials panel. Never throws.
import {
  COLLECTION_LIMITS,
  type Collection,
  type CollectionItem,
  type Environment,
  type Variable,
} from '../../collections/collectionModel';
import { isCredentialHeader } from '../../request/credentialFields';
import {
  authModeOf,
  headersOf,
  metaOf,
  readAwsV4,
  readBrunoRequest,
  variablesOf,
  type BrunoAwsV4,
  type BrunoRequestParts,
} from './brunoRequest';
import { checkImportLimits, tooBig, tooDeep, tooManyRequests } from './checkImportLimits';
import { AwsKeyCollector } from './collectAwsKeys';
import type { ImportedWorkspace, ImportWorkspaceResult } from './importedWorkspace';
import {
  buildSavedRequest,
  hasHeader,
  importedName,
  ImportedRequestTallies,
} from './importedRequest';
import { NoteTallies, quoteName } from './importNotes';
import { readBruFile, type BruBlock } from './readBruFile';
import { readJsonText } from './readJsonText';
import {
  SUBSTITUTION_TOO_LARGE,
  SubstitutionBudget,
  substituteFolderVariables,
} from './substituteFolderVariables';
import { withoutImportedKeys } from './withoutImportedKeys';

export interface BrunoFile {
  /** The path relative to the folder chosen (`orders/create.bru`), `/` or `\` between names. */
  name: string;
  text: string;
}

/** Files one import reads: the requests, a folder.bru for each folder, environments and the rest. */
const MAX_FILES = 2 * COLLECTION_LIMITS.maxRequests;

type NoteKind =
  | 'otherAuth'
  | 'profile'
  | 'multipart'
  | 'file'
  | 'skippedRequests'
  | 'notRequests'
  | 'folderVariables'
  | 'inheritedHeaders'
  | 'unfilledPath'
  | 'ignoredFiles';

interface FolderNode {
  /** The directory's path below the root, '' for the root. */
  path: string;
  name: string;
  seq: number;
  depth: number;
  blocks: BruBlock[];
  folders: Map<string, FolderNode>;
  requests: BrunoRequestParts[];
}

interface AuthSource {
  mode: string;
  awsv4?: BrunoAwsV4;
}

/** What the walk carries down from collection.bru and the folder.bru files above a request. */
interface Inherited {
  auth: AuthSource;
  headers: { name: string; value: string }[];
  variables: ReadonlyMap<string, string>;
}

interface Context {
  newId: () => string;
  tallies: ImportedRequestTallies;
  notes: NoteTallies<NoteKind>;
  budget: SubstitutionBudget;
  keys: AwsKeyCollector;
  otherAuthModes: Set<string>;
}

export function isBrunoFileName(name: string): boolean {
  const base = name.split(/[/\\]/).pop() ?? '';
  return base.toLowerCase().endsWith('.bru') || base === 'bruno.json';
}

function segmentsOf(name: string): string[] {
  return name
    .split(/[/\\]/)
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** The folder holding bruno.json, else the folder all files share. */
function rootOf(paths: readonly string[][]): string[] | { error: string } {
  const configs = paths.filter((path) => path.at(-1) === 'bruno.json');
  if (configs.length > 1) {
    const shortest = Math.min(...configs.map((path) => path.length));
    if (configs.filter((path) => path.length === shortest).length > 1)
      return {
        error:
          'These files hold several Bruno collections (several bruno.json): import one collection folder at a time.',
      };
    return configs.find((path) => path.length === shortest)!.slice(0, -1);
  }
  if (configs.length === 1) return configs[0]!.slice(0, -1);
  let shared = paths[0]?.slice(0, -1) ?? [];
  for (const path of paths) {
    let same = 0;
    while (same < shared.length && same < path.length - 1 && shared[same] === path[same]) same++;
    shared = shared.slice(0, same);
  }
  return shared;
}

function bySeqThenName<T extends { seq: number; name: string }>(a: T, b: T): number {
  return a.seq - b.seq || a.name.localeCompare(b.name);
}

function effectiveAuth(request: BrunoRequestParts, inherited: AuthSource): AuthSource {
  if (request.authMode !== 'inherit') {
    return request.awsv4 === undefined
      ? { mode: request.authMode }
      : { mode: request.authMode, awsv4: request.awsv4 };
  }
  return inherited;
}

/** A folder's auth replaces the inherited one unless it is `none` or `inherit` (resolveInheritedAuth). */
function folderAuth(blocks: readonly BruBlock[], inherited: AuthSource): AuthSource {
  const mode = authModeOf(blocks);
  if (mode === 'none' || mode === 'inherit') return inherited;
  const awsv4 = readAwsV4(blocks);
  return awsv4 === undefined ? { mode } : { mode, awsv4 };
}

function withHeaders(
  inherited: readonly { name: string; value: string }[],
  own: readonly { name: string; value: string }[],
): { name: string; value: string }[] {
  return [...inherited.filter((header) => !hasHeader(own, header.name)), ...own];
}

function requestItem(
  parts: BrunoRequestParts,
  inherited: Inherited,
  context: Context,
): CollectionItem {
  const name = importedName(parts.name, 'Untitled request');
  // Request variables win over folder variables, which win over the environment's.
  const variables =
    parts.variables.size === 0
      ? inherited.variables
      : new Map([...inherited.variables, ...parts.variables]);
  let usedVariables = false;
  const fill = (text: string) => {
    const filled = substituteFolderVariables(text, variables, context.budget);
    if (filled !== text) usedVariables = true;
    return filled;
  };

  const fromAbove = inherited.headers.filter((header) => !hasHeader(parts.headers, header.name));
  if (fromAbove.length > 0) context.notes.add('inheritedHeaders', name);
  const headers = [...fromAbove, ...parts.headers].map((header) => ({
    name: header.name,
    value: fill(header.value),
  }));
  if (parts.contentType !== undefined && !hasHeader(headers, 'content-type'))
    headers.push({ name: 'Content-Type', value: parts.contentType });
  if (parts.skippedBody !== undefined) context.notes.add(parts.skippedBody, name);
  if (parts.unfilledPath) context.notes.add('unfilledPath', name);

  const auth = effectiveAuth(parts, inherited.auth);
  let region: string | undefined;
  let service: string | undefined;
  if (auth.mode === 'awsv4') {
    const awsv4 = auth.awsv4;
    region = fill(awsv4?.region ?? '');
    service = fill(awsv4?.service ?? '');
    const texts = {
      accessKeyId: fill(awsv4?.accessKeyId ?? ''),
      secretAccessKey: fill(awsv4?.secretAccessKey ?? ''),
      sessionToken: fill(awsv4?.sessionToken ?? ''),
    };
    if (texts.accessKeyId === '' && (awsv4?.profileName ?? '') !== '')
      context.notes.add('profile', name);
    else context.keys.add(texts, name);
  } else if (auth.mode !== 'none') {
    context.notes.add('otherAuth', name);
    context.otherAuthModes.add(auth.mode);
  }

  const url = fill(parts.url);
  const body = fill(parts.body);
  if (usedVariables) context.notes.add('folderVariables', name);
  return buildSavedRequest(
    {
      name,
      method: parts.method,
      url,
      headers,
      body,
      description: parts.description,
      ...(region === undefined ? {} : { region }),
      ...(service === undefined ? {} : { service }),
    },
    context.newId(),
    context.tallies,
  );
}

/** Depth is bounded when the tree is built (COLLECTION_LIMITS.maxDepth). */
function convertFolder(node: FolderNode, inherited: Inherited, context: Context): CollectionItem[] {
  const folders = [...node.folders.values()].sort(bySeqThenName);
  const requests = [...node.requests].sort(bySeqThenName);
  const items: CollectionItem[] = [];
  for (const folder of folders) {
    const own = variablesOf(folder.blocks);
    const inner: Inherited = {
      auth: folderAuth(folder.blocks, inherited.auth),
      headers: withHeaders(inherited.headers, headersOf(folder.blocks)),
      variables: own.size === 0 ? inherited.variables : new Map([...inherited.variables, ...own]),
    };
    items.push({
      kind: 'folder',
      id: context.newId(),
      name: importedName(folder.name, 'Untitled folder'),
      items: convertFolder(folder, inner, context),
    });
  }
  for (const request of requests) items.push(requestItem(request, inherited, context));
  return items;
}

function environmentVariables(blocks: readonly BruBlock[]): Variable[] {
  const variables: Variable[] = [];
  for (const block of blocks) {
    if (block.kind === 'dictionary' && block.name === 'vars')
      for (const pair of block.pairs)
        variables.push({
          name: pair.name,
          value: pair.value,
          secret: isCredentialHeader(pair.name),
          enabled: pair.enabled,
        });
    if (block.kind === 'list' && block.name === 'vars:secret')
      for (const item of block.items)
        variables.push({ name: item, value: '', secret: true, enabled: true });
  }
  return variables;
}

/**
 * An environment read by what it holds, for files chosen without their folder (a browser's file
 * picker gives names, not paths): only `vars` and `vars:secret` blocks.
 */
function isEnvironmentFile(fileName: string, blocks: readonly BruBlock[]): boolean {
  if (fileName === 'folder.bru' || fileName === 'collection.bru' || blocks.length === 0)
    return false;
  return blocks.every((block) => block.name === 'vars' || block.name === 'vars:secret');
}

function noteSentences(
  notes: NoteTallies<NoteKind>,
  otherAuthModes: ReadonlySet<string>,
): string[] {
  const sentences: string[] = [];
  const say = (kind: NoteKind, sentence: (names: string, one: boolean) => string) => {
    const tally = notes.get(kind);
    if (tally !== undefined) sentences.push(sentence(tally.describe(), tally.count === 1));
  };
  say(
    'otherAuth',
    (names, one) =>
      `${names} ${one ? 'uses' : 'use'} auth other than AWS Signature (${[...otherAuthModes].join(', ')}): imported without it, as the playground signs with SigV4.`,
  );
  say(
    'profile',
    (names, one) =>
      `${names} ${one ? 'signs' : 'sign'} with an AWS profile from ~/.aws, which a browser cannot read: enter the keys in the credentials panel.`,
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
      `${names} ${one ? 'was' : 'were'} left out (gRPC or WebSocket): the playground sends HTTP requests.`,
  );
  say(
    'notRequests',
    (names, one) =>
      `${names} ${one ? 'holds' : 'hold'} no request block (get { }, post { }, …) and ${one ? 'was' : 'were'} left out.`,
  );
  say(
    'folderVariables',
    (names) =>
      `Request and folder variables (vars:pre-request) were written into ${names}: the playground keeps variables on the collection and in environments.`,
  );
  say(
    'inheritedHeaders',
    (names) =>
      `Headers of collection.bru and folder.bru were copied into ${names}, as Bruno sends them.`,
  );
  say(
    'unfilledPath',
    (names, one) =>
      `${names} ${one ? 'has' : 'have'} path parameters (:name) without a value: fill them in the URL.`,
  );
  say(
    'ignoredFiles',
    (names, one) =>
      `Only .bru files and bruno.json are read: ${names} ${one ? 'was' : 'were'} not.`,
  );
  return sentences;
}

type Tree = {
  root: FolderNode;
  environments: Environment[];
  collectionBlocks: BruBlock[];
  name: string;
};

function readFiles(
  files: readonly BrunoFile[],
  newId: () => string,
  notes: NoteTallies<NoteKind>,
): { ok: true; tree: Tree } | { ok: false; error: string } {
  if (files.length === 0)
    return { ok: false, error: 'Choose a Bruno collection folder or .bru files.' };
  if (files.length > MAX_FILES)
    return {
      ok: false,
      error: `The folder holds ${files.length} files; the playground reads at most ${MAX_FILES} at once.`,
    };
  const total = files.reduce((sum, file) => sum + file.text.length, 0);
  if (total > COLLECTION_LIMITS.maxFileChars) return { ok: false, error: tooBig(total) };

  const entries = files.map((file) => ({ file, path: segmentsOf(file.name) }));
  const bruno = entries.filter(({ path }) => path.length > 0 && isBrunoFileName(path.at(-1)!));
  if (!bruno.some(({ path }) => path.at(-1)!.toLowerCase().endsWith('.bru')))
    return {
      ok: false,
      error:
        'No .bru files here: choose the folder of a Bruno collection (the one with bruno.json), or its .bru files.',
    };
  const root = rootOf(bruno.map(({ path }) => path));
  if ('error' in root) return { ok: false, error: root.error };
  const under = (path: readonly string[]) =>
    root.every((segment, index) => path[index] === segment) && path.length > root.length;

  let name = root.at(-1) ?? 'Bruno collection';
  const rootNode: FolderNode = {
    path: '',
    name,
    seq: 0,
    depth: 0,
    blocks: [],
    folders: new Map(),
    requests: [],
  };
  const environments: Environment[] = [];
  let collectionBlocks: BruBlock[] = [];
  let requests = 0;

  const folderAt = (dirs: readonly string[]): FolderNode | { error: string } => {
    let node = rootNode;
    for (const dir of dirs) {
      let next = node.folders.get(dir);
      if (next === undefined) {
        if (node.depth + 1 > COLLECTION_LIMITS.maxDepth)
          return { error: tooDeep(`folder ${quoteName(dir)}`) };
        next = {
          path: `${node.path}${dir}/`,
          name: dir,
          seq: 0,
          depth: node.depth + 1,
          blocks: [],
          folders: new Map(),
          requests: [],
        };
        node.folders.set(dir, next);
      }
      node = next;
    }
    return node;
  };

  for (const { file, path } of entries) {
    const shown = path.join('/') || file.name;
    if (!isBrunoFileName(shown) || !under(path)) {
      notes.add('ignoredFiles', shown);
      continue;
    }
    const relative = path.slice(root.length);
    const fileName = relative.at(-1)!;
    if (fileName === 'bruno.json') {
      if (relative.length !== 1) continue;
      const config = readJsonText(file.text, 'bruno.json');
      if (!config.ok) return config;
      const configured = (config.value as { name?: unknown } | null)?.name;
      if (typeof configured === 'string' && configured.trim() !== '') name = configured;
      continue;
    }
    const read = readBruFile(file.text);
    if (!read.ok) return { ok: false, error: `${shown}, ${read.error}.` };
    const dirs = relative.slice(0, -1);
    if (dirs.length === 0 && fileName === 'collection.bru') {
      collectionBlocks = read.blocks;
      continue;
    }
    if (
      (dirs.length === 1 && dirs[0] === 'environments') ||
      isEnvironmentFile(fileName, read.blocks)
    ) {
      environments.push({
        id: newId(),
        name: importedName(fileName.replace(/\.bru$/i, ''), 'Environment'),
        variables: environmentVariables(read.blocks),
      });
      continue;
    }
    const folder = folderAt(dirs);
    if ('error' in folder) return { ok: false, error: folder.error };
    if (fileName === 'folder.bru') {
      const meta = metaOf(read.blocks);
      folder.blocks = read.blocks;
      if (meta.name !== '') folder.name = meta.name;
      folder.seq = meta.seq;
      continue;
    }
    const request = readBrunoRequest(read.blocks, fileName.replace(/\.bru$/i, ''));
    if (request.kind === 'other') {
      notes.add(request.what === 'none' ? 'notRequests' : 'skippedRequests', request.name);
      continue;
    }
    requests++;
    if (requests > COLLECTION_LIMITS.maxRequests)
      return { ok: false, error: tooManyRequests('more') };
    folder.requests.push(request.parts);
  }
  return { ok: true, tree: { root: rootNode, environments, collectionBlocks, name } };
}

export function importBruno(
  files: readonly BrunoFile[],
  newId: () => string,
): ImportWorkspaceResult {
  const notes = new NoteTallies<NoteKind>();
  const read = readFiles(files, newId, notes);
  if (!read.ok) return read;
  const { root, environments, collectionBlocks, name } = read.tree;

  const collectionVariables: Variable[] = [...variablesOf(collectionBlocks)].map(
    ([variableName, value]) => ({
      name: variableName,
      value,
      secret: isCredentialHeader(variableName),
      enabled: true,
    }),
  );
  const context: Context = {
    newId,
    tallies: new ImportedRequestTallies(),
    notes,
    budget: new SubstitutionBudget(),
    keys: new AwsKeyCollector(collectionVariables, environments),
    otherAuthModes: new Set(),
  };
  const collectionAuth = authModeOf(collectionBlocks);
  const awsv4 = readAwsV4(collectionBlocks);
  const inherited: Inherited = {
    auth:
      collectionAuth === 'awsv4' && awsv4 !== undefined
        ? { mode: 'awsv4', awsv4 }
        : { mode: collectionAuth === 'inherit' ? 'none' : collectionAuth },
    headers: headersOf(collectionBlocks),
    variables: new Map(),
  };
  const items = convertFolder(root, inherited, context);
  if (context.budget.exhausted) return { ok: false, error: SUBSTITUTION_TOO_LARGE };

  const collection: Collection = {
    id: newId(),
    name: importedName(name, 'Bruno collection'),
    variables: collectionVariables,
    items,
  };
  const docs = collectionBlocks.find((block) => block.name === 'docs');
  if (docs?.kind === 'text' && docs.text.trim() !== '') collection.description = docs.text.trim();
  const keys = context.keys.result();
  const workspace: ImportedWorkspace = {
    format: 'Bruno collection',
    collection,
    environments,
    notes: [
      ...keys.notes,
      ...noteSentences(notes, context.otherAuthModes),
      ...context.tallies.notes(),
    ],
  };
  if (keys.keys !== undefined) workspace.keys = keys.keys;
  const keyless = withoutImportedKeys(workspace, keys.keyVariables);
  const problem = checkImportLimits(keyless);
  return problem === undefined ? { ok: true, workspace: keyless } : { ok: false, error: problem };
}
