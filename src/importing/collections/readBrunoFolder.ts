// The files of a Bruno collection as the page reads them: paths relative to the folder chosen (or
// bare names when `.bru` files are picked on their own) turned into a folder tree, the collection's
// name and collection.bru, and environments. Bounded by COLLECTION_LIMITS (files, characters,
// depth, requests).
import { COLLECTION_LIMITS, type Environment } from '../../collections/collectionModel';
import { environmentVariables, isEnvironmentFile } from './brunoEnvironment';
import type { BrunoNoteKind } from './brunoNotes';
import { metaOf, readBrunoRequest, type BrunoRequestParts } from './brunoRequest';
import { tooBig, tooDeep, tooManyRequests } from './checkImportLimits';
import { importedName } from './importedRequest';
import { NoteTallies, quoteName } from './importNotes';
import { readBruFile, type BruBlock } from './readBruFile';
import { readJsonText } from './readJsonText';

export interface BrunoFile {
  /** The path relative to the folder chosen (`orders/create.bru`), `/` or `\` between names. */
  name: string;
  text: string;
}

export interface FolderNode {
  /** The directory's path below the root, '' for the root. */
  path: string;
  name: string;
  seq: number;
  depth: number;
  blocks: BruBlock[];
  folders: Map<string, FolderNode>;
  requests: BrunoRequestParts[];
}

export type BrunoTree = {
  root: FolderNode;
  environments: Environment[];
  collectionBlocks: BruBlock[];
  name: string;
};

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

export function readBrunoFolder(
  files: readonly BrunoFile[],
  newId: () => string,
  notes: NoteTallies<BrunoNoteKind>,
): { ok: true; tree: BrunoTree } | { ok: false; error: string } {
  if (files.length === 0)
    return { ok: false, error: 'Choose a Bruno collection folder or .bru files.' };
  if (files.length > COLLECTION_LIMITS.maxImportFiles)
    return {
      ok: false,
      error: `The folder holds ${files.length} files; the playground reads at most ${COLLECTION_LIMITS.maxImportFiles} at once.`,
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
