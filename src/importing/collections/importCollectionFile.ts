// The one way into the collection model from a file: the page hands over what the user chose (a
// collection, its environments, or both at once) and gets a workspace or one reason. This module
// decides which format each file is, bounds it (COLLECTION_LIMITS), reports JSON mistakes with
// line and column, reads environments before collections (so a collection's AWS auth can read its
// keys from their variables), and makes sure no key ends up outside workspace.keys. Ids come from
// the caller's newId: this layer is pure. Never throws.
import {
  COLLECTION_LIMITS,
  type Collection,
  type Environment,
} from '../../collections/collectionModel';
import { checkImportLimits, tooBig } from './checkImportLimits';
import { importBruno, isBrunoFileName } from './importBruno';
import type { ImportedKeys, ImportedWorkspace, ImportWorkspaceResult } from './importedWorkspace';
import {
  importInsomnia,
  importInsomniaDocument,
  looksLikeInsomnia,
  looksLikeInsomniaYaml,
} from './importInsomnia';
import {
  importOpenApi,
  importOpenApiDocument,
  looksLikeOpenApi,
  looksLikeOpenApiYaml,
} from './importOpenApi';
import { quoteName } from './importNotes';
import { importPostmanCollection, postmanCollectionVersion } from './importPostmanCollection';
import { importPostmanEnvironment, isPostmanEnvironment } from './importPostmanEnvironment';
import { readJsonText } from './readJsonText';
import { withoutImportedKeys, withoutKeysInPage } from './withoutImportedKeys';

export interface CollectionFile {
  fileName: string;
  text: string;
}

export interface ImportCollectionOptions {
  /** Makes the ids of the collection, its folders and requests, and the environments. */
  newId: () => string;
  /** Environments the page already has, to resolve a collection's {{variables}} through. */
  environments?: readonly Environment[];
}

/** A file as a format sees it: its name, its text, and the parsed value when the text is JSON. */
export interface CollectionFileInput {
  fileName: string;
  text: string;
  json?: { value: unknown };
  /** A Bruno collection is a folder of files: all of them, read as one (groupBrunoFiles). */
  files?: readonly CollectionFile[];
}

export interface FormatContext {
  newId: () => string;
  /** The page's environments, then those read from the other files chosen with this one. */
  environments: readonly Environment[];
}

export interface CollectionFormat {
  /** What the format is called in messages: "Postman collections (v2.0, v2.1)". */
  name: string;
  /** Files holding only environments are read first, so collections can use their variables. */
  holds: 'collection' | 'environments';
  /** Whether the file is in this format; cheap, and never throws. */
  claims(file: CollectionFileInput): boolean;
  /** Never throws (importCollectionFiles guards it all the same). */
  read(file: CollectionFileInput, context: FormatContext): ImportWorkspaceResult;
}

/** The formats, tried in this order; the first that claims a file reads it. */
const FORMATS: readonly CollectionFormat[] = [
  {
    name: 'Postman collections (v2.0, v2.1)',
    holds: 'collection',
    claims: (file) =>
      file.json !== undefined && postmanCollectionVersion(file.json.value) !== undefined,
    read: (file, context) => importPostmanCollection(file.json?.value, context),
  },
  {
    name: 'Postman environments and globals',
    holds: 'environments',
    claims: (file) => file.json !== undefined && isPostmanEnvironment(file.json.value),
    read: (file, context) => importPostmanEnvironment(file.json?.value, context),
  },
  {
    name: 'Insomnia exports (formats 4 and 5)',
    holds: 'collection',
    claims: (file) =>
      file.json !== undefined
        ? looksLikeInsomnia(file.json.value)
        : looksLikeInsomniaYaml(file.text),
    read: (file, context) =>
      file.json !== undefined
        ? importInsomniaDocument(file.json.value, context.newId)
        : importInsomnia(file.text, context.newId),
  },
  {
    name: 'OpenAPI 3 and Swagger 2 (API Gateway exports)',
    holds: 'collection',
    claims: (file) =>
      file.json !== undefined ? looksLikeOpenApi(file.json.value) : looksLikeOpenApiYaml(file.text),
    read: (file, context) =>
      file.json !== undefined
        ? importOpenApiDocument(file.json.value, context.newId)
        : importOpenApi(file.text, context.newId),
  },
  {
    name: 'Bruno collections (.bru files, bruno.json)',
    holds: 'collection',
    claims: (file) => file.files !== undefined || isBrunoFileName(file.fileName),
    read: (file, context) =>
      importBruno(
        (file.files ?? [file]).map(({ fileName, text }) => ({ name: fileName, text })),
        context.newId,
      ),
  },
];

function formatNames(): string {
  const names = FORMATS.map((format) => format.name);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

function claims(format: CollectionFormat, file: CollectionFileInput): boolean {
  try {
    return format.claims(file);
  } catch {
    return false;
  }
}

function read(
  format: CollectionFormat,
  file: CollectionFileInput,
  context: FormatContext,
): ImportWorkspaceResult {
  try {
    return format.read(file, context);
  } catch (error) {
    // A bug in an importer, not the user's file: say so rather than take the page down.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `The playground's importer failed on this file (${message.slice(0, 200)}); nothing was imported.`,
    };
  }
}

/** JSON is recognised by its first character: other formats (.bru, YAML) are text. */
function looksLikeJson(text: string): boolean {
  return /^\uFEFF?\s*[{[]/.test(text);
}

type Prepared =
  { ok: true; file: CollectionFileInput; format: CollectionFormat } | { ok: false; error: string };

function prepare(file: CollectionFile | CollectionFileInput): Prepared {
  const named = quoteName(file.fileName);
  if (file.text.length > COLLECTION_LIMITS.maxFileChars)
    return { ok: false, error: `${named}: ${tooBig(file.text.length)}` };
  const input: CollectionFileInput = { fileName: file.fileName, text: file.text };
  if ('files' in file && file.files !== undefined) input.files = file.files;
  if (input.files === undefined && looksLikeJson(file.text)) {
    const json = readJsonText(file.text, 'The file');
    if (!json.ok) return { ok: false, error: `${named}: ${json.error}` };
    input.json = { value: json.value };
  }
  const format = FORMATS.find((candidate) => claims(candidate, input));
  if (format === undefined) {
    const what =
      file.text.trim() === ''
        ? 'The file is empty'
        : input.json
          ? 'JSON, but not a format the playground imports'
          : 'Not a format the playground imports';
    return { ok: false, error: `${named}: ${what}. It imports ${formatNames()}.` };
  }
  return { ok: true, file: input, format };
}

/**
 * The files with those of a Bruno collection (.bru files and bruno.json) taken together as one:
 * its requests, folders and environments are read from each other.
 */
function groupBrunoFiles(
  files: readonly CollectionFile[],
): (CollectionFile | CollectionFileInput)[] {
  const bruno = files.filter((file) => isBrunoFileName(file.fileName));
  if (bruno.length <= 1) return [...files];
  return [
    ...files.filter((file) => !isBrunoFileName(file.fileName)),
    { fileName: `Bruno collection (${bruno.length} files)`, text: '', files: bruno },
  ];
}

function sameKeys(a: ImportedKeys, b: ImportedKeys): boolean {
  return (
    a.accessKeyId === b.accessKeyId &&
    a.secretAccessKey === b.secretAccessKey &&
    a.sessionToken === b.sessionToken
  );
}

/**
 * Imports the files chosen together: at most one collection, any number of environments. Either
 * everything or one reason (which file, and what is wrong with it).
 */
export function importCollectionFiles(
  files: readonly CollectionFile[],
  options: ImportCollectionOptions,
): ImportWorkspaceResult {
  if (files.length === 0) return { ok: false, error: 'Choose a file to import.' };
  const prepared: { file: CollectionFileInput; format: CollectionFormat }[] = [];
  for (const file of groupBrunoFiles(files)) {
    const ready = prepare(file);
    if (!ready.ok) return ready;
    prepared.push(ready);
  }
  // Environments first: a collection chosen with them reads its keys through their variables.
  const ordered = [
    ...prepared.filter((entry) => entry.format.holds === 'environments'),
    ...prepared.filter((entry) => entry.format.holds !== 'environments'),
  ];
  const environments: Environment[] = [];
  const formats: string[] = [];
  const notes: string[] = [];
  let collection: { value: Collection; fileName: string } | undefined;
  let keys: ImportedKeys | undefined;
  for (const { file, format } of ordered) {
    const result = read(format, file, {
      newId: options.newId,
      environments: [...(options.environments ?? []), ...environments],
    });
    const named = quoteName(file.fileName);
    if (!result.ok)
      return { ok: false, error: files.length === 1 ? result.error : `${named}: ${result.error}` };
    const { workspace } = result;
    if (workspace.collection !== undefined) {
      if (collection !== undefined)
        return {
          ok: false,
          error: `${quoteName(collection.fileName)} and ${named} are both collections: import one collection at a time, with its environments.`,
        };
      collection = { value: workspace.collection, fileName: file.fileName };
    }
    environments.push(...workspace.environments);
    if (!formats.includes(workspace.format)) formats.push(workspace.format);
    const prefix = files.length === 1 ? '' : `${named}: `;
    notes.push(...workspace.notes.map((note) => prefix + note));
    if (workspace.keys !== undefined) {
      if (keys === undefined) keys = workspace.keys;
      else if (!sameKeys(keys, workspace.keys))
        notes.push(
          `${named} names other AWS keys, which were not imported: the credentials panel holds one set at a time.`,
        );
    }
  }
  const merged: ImportedWorkspace = {
    format: formats.join(' and '),
    ...(collection === undefined ? {} : { collection: collection.value }),
    environments,
    ...(keys === undefined ? {} : { keys }),
    notes,
  };
  const tooMuch = checkImportLimits(merged);
  if (tooMuch !== undefined) return { ok: false, error: tooMuch };
  return {
    ok: true,
    workspace: withoutKeysInPage(withoutImportedKeys(merged), options.environments ?? []),
  };
}

/** Imports one file: a collection or an environment. */
export function importCollectionFile(
  fileName: string,
  text: string,
  options: ImportCollectionOptions,
): ImportWorkspaceResult {
  return importCollectionFiles([{ fileName, text }], options);
}
