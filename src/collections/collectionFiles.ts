// A collection as a folder of files, for teams that keep their requests in git (`--collections
// DIR`, server/collections). One file per request, so a change to one request is a change to one
// file; pretty JSON with a fixed key order, so a diff shows the field that changed:
//
//   orders-api/                       the collection's folder (its name is the collection's id)
//     collection.json                 name, description, variables, the order of the items here
//     list-orders.request.json        one request
//     admin/                          a folder
//       folder.json                   its name and the order of its items
//       delete-order.request.json
//     environments/
//       dev.json                      an environment: name and variables
//
// A secret variable's value is never written, nor a credential (request/credentialFields.ts). Ids are not in the files: each item's id is its
// path in the folder, so ids stay the same across reloads and a request saved again keeps its
// file even after a rename (a folder's id ends with `/`: `admin/`). Pure: the server reads and writes the files (server/collections).
import * as z from 'zod/mini';
import { withoutCredentialHeaders, withoutCredentialsInUrl } from '../request/credentialFields';
import {
  COLLECTION_LIMITS,
  DEFAULT_SAVED_OPTIONS,
  pickSavedOptions,
  type Collection,
  type CollectionItem,
  type Environment,
  type SavedFolder,
  type SavedRequest,
  type Variable,
} from './collectionModel';
import {
  MAX_FOLDERS,
  NameSchema,
  parseCollection,
  parseEnvironment,
  parseWith,
  SavedOptionsSchema,
  TextSchema,
  type ParseResult,
} from './validateCollection';

/** One file of a collection folder: its path inside the folder (`/`-separated) and its text. */
export interface CollectionFile {
  path: string;
  text: string;
}

/** What a collection folder holds: the collection and its environments. */
export interface DiskCollection {
  collection: Collection;
  environments: Environment[];
}

export const COLLECTION_FILE = 'collection.json';
export const FOLDER_FILE = 'folder.json';
export const REQUEST_SUFFIX = '.request.json';
export const ENVIRONMENTS_FOLDER = 'environments';
const ENVIRONMENT_SUFFIX = '.json';
/** The format's version, in collection.json: a later format says so, and this one refuses it. */
export const FORMAT_VERSION = 1;

const MAX_ENVIRONMENTS = 100;
export const COLLECTION_FILE_LIMITS = {
  /** Environments in one collection folder. */
  maxEnvironments: MAX_ENVIRONMENTS,
  /** Files in one collection folder: a request each, a folder.json each, collection.json, environments. */
  maxFiles: COLLECTION_LIMITS.maxRequests + MAX_FOLDERS + 1 + MAX_ENVIRONMENTS,
  /** All the files together, in characters (the server counts UTF-8 bytes against it). */
  maxTotalChars: COLLECTION_LIMITS.maxFileChars,
  /**
   * A slug's length in code points: with its suffixes (`-12`, `.request.json`) well within the
   * 255 bytes a file name may have, and 16 folders deep well within any path limit.
   */
  maxSlugChars: 50,
  /** A file or folder name taken from an id (a name made by hand): longer ones get a slug. */
  maxKeptNameChars: 120,
} as const;

/** What a file of a collection folder is, by its path; undefined: not one of ours (left alone). */
export type FileRole = 'collection' | 'folder' | 'request' | 'environment';

export function fileRole(path: string): FileRole | undefined {
  const segments = path.split('/');
  // Hidden files and folders (.git, .DS_Store, a write's temporary file) are never ours.
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  const base = segments[segments.length - 1]!;
  if (segments[0] === ENVIRONMENTS_FOLDER) {
    return segments.length === 2 && hasSuffix(base, ENVIRONMENT_SUFFIX) ? 'environment' : undefined;
  }
  if (segments.length === 1 && base === COLLECTION_FILE) return 'collection';
  if (segments.length > 1 && base === FOLDER_FILE) return 'folder';
  if (hasSuffix(base, REQUEST_SUFFIX)) return 'request';
  return undefined;
}

function hasSuffix(name: string, suffix: string): boolean {
  return name.length > suffix.length && name.endsWith(suffix);
}

// ---------------------------------------------------------------------------------------------
// Names on disk

/** Device names Windows reserves whatever the extension (`con.request.json` cannot be created). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;
// eslint-disable-next-line no-control-regex -- control characters are among what this refuses
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f"*/:<>?\\|]|\p{Cs}/u;

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Whether a name can be a file or folder name on every system a team uses: not empty, at most
 * 255 UTF-8 bytes, not hidden (no leading dot, so never `.` or `..`), no separator, NUL or
 * character Windows refuses, no trailing dot or space, no lone surrogate, no reserved device name.
 * Collection ids (the folder names under DIR) must be such names.
 */
export function isSafeFileName(name: string): boolean {
  if (name === '' || name.length > 255 || utf8Length(name) > 255) return false;
  if (name.startsWith('.') || name.endsWith('.') || name.endsWith(' ')) return false;
  if (UNSAFE_CHARACTERS.test(name)) return false;
  const stem = name.split('.')[0]!.trim().toLowerCase();
  return !WINDOWS_RESERVED.test(stem);
}

/**
 * A file name from a name people gave: lower case, letters and digits (any script) joined by
 * `-`, at most COLLECTION_FILE_LIMITS.maxSlugChars long; `untitled` when nothing is left.
 * Always a safe file name (isSafeFileName), and never the name of one of the format's files.
 */
export function fileSlug(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-');
  const slug = Array.from(words.replace(/^-+/, ''))
    .slice(0, COLLECTION_FILE_LIMITS.maxSlugChars)
    .join('')
    .replace(/-+$/, '');
  if (slug === '') return 'untitled';
  return WINDOWS_RESERVED.test(slug) ? `_${slug}` : slug;
}

/** `base`, `base-2`, `base-3`, … : the first that `taken` (lower case) does not hold. */
function uniqueName(base: string, suffix: string, taken: Set<string>): string {
  let candidate = `${base}${suffix}`;
  // At most taken.size + 1 tries: each failed one is a name already taken.
  for (let number = 2; taken.has(candidate.toLowerCase()); number += 1) {
    candidate = `${base}-${number}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The name an item had on disk, when its id is its path in this folder and the name is still
 * free: a request saved again keeps its file after a rename, and files named by hand keep their
 * names. Anything else (an id from the browser, a moved item, `../x`) gets a slug. A folder's id
 * is its path with a trailing `/`, which no id the page makes has.
 */
function keptName(
  id: string,
  folderPath: string,
  kind: 'request' | 'folder' | 'environment',
): string | undefined {
  const prefix = folderPath === '' ? '' : `${folderPath}/`;
  if (!id.startsWith(prefix)) return undefined;
  let name = id.slice(prefix.length);
  if (kind === 'folder') {
    if (!name.endsWith('/')) return undefined;
    name = name.slice(0, -1);
  }
  if (name.length > COLLECTION_FILE_LIMITS.maxKeptNameChars || !isSafeFileName(name)) {
    return undefined;
  }
  const lower = name.toLowerCase();
  if (kind === 'request') return hasSuffix(lower, REQUEST_SUFFIX) ? name : undefined;
  if (kind === 'environment') return hasSuffix(lower, ENVIRONMENT_SUFFIX) ? name : undefined;
  // A folder is never named like a file of the format, nor like the environments' folder.
  return lower.endsWith('.json') || lower === ENVIRONMENTS_FOLDER ? undefined : name;
}

/**
 * The names of a level's entries, in the items' order: kept names first (the earlier item wins),
 * then slugs that are unique in the folder whatever the file system's case rules.
 */
function nameEntries(
  entries: ReadonlyArray<{ id: string; name: string; kind: 'request' | 'folder' | 'environment' }>,
  folderPath: string,
): string[] {
  const taken = new Set<string>([ENVIRONMENTS_FOLDER]);
  const names = entries.map((entry) => {
    const kept = keptName(entry.id, folderPath, entry.kind);
    if (kept === undefined || taken.has(kept.toLowerCase())) return undefined;
    taken.add(kept.toLowerCase());
    return kept;
  });
  return entries.map((entry, index) => {
    const kept = names[index];
    if (kept !== undefined) return kept;
    const suffix =
      entry.kind === 'request'
        ? REQUEST_SUFFIX
        : entry.kind === 'environment'
          ? ENVIRONMENT_SUFFIX
          : '';
    return uniqueName(fileSlug(entry.name), suffix, taken);
  });
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Pretty JSON, two spaces, a final newline: what editors and git expect. */
function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Variables as written: a secret one keeps its name and flags, never its value. */
function variablesOut(variables: readonly Variable[]) {
  return variables.map((variable) =>
    variable.secret
      ? { name: variable.name, secret: true, enabled: variable.enabled }
      : { name: variable.name, value: variable.value, secret: false, enabled: variable.enabled },
  );
}

/**
 * A request's file, every key in one order whatever order the object had. A saved request holds no
 * credential already (store/savedRequest.ts); the files apply the same rule again, because a
 * team's repository is the last place a token should land.
 */
function requestOut(request: SavedRequest) {
  const { options } = request;
  return {
    name: request.name,
    ...(request.description === undefined ? {} : { description: request.description }),
    method: request.method,
    url: withoutCredentialsInUrl(request.url).url,
    ...(request.region === undefined ? {} : { region: request.region }),
    ...(request.service === undefined ? {} : { service: request.service }),
    headers: withoutCredentialHeaders(request.headers).map((header) => ({
      name: header.name,
      value: header.value,
      signed: header.signed,
      ...(header.withheld === undefined ? {} : { withheld: header.withheld }),
    })),
    body: request.body,
    options: pickSavedOptions(options),
  };
}

/** How an entry is listed in `order`: a request by its file name, a folder with a trailing `/`. */
function orderEntry(item: CollectionItem, name: string): string {
  return item.kind === 'folder' ? `${name}/` : name;
}

function levelFiles(
  items: readonly CollectionItem[],
  folderPath: string,
  files: CollectionFile[],
): string[] {
  const names = nameEntries(items, folderPath);
  const pending: Array<() => void> = [];
  items.forEach((item, index) => {
    const name = names[index]!;
    const path = folderPath === '' ? name : `${folderPath}/${name}`;
    if (item.kind === 'request') {
      files.push({ path, text: jsonText(requestOut(item)) });
    } else {
      pending.push(() => folderFiles(item, path, files));
    }
  });
  for (const write of pending) write();
  return items.map((item, index) => orderEntry(item, names[index]!));
}

function folderFiles(folder: SavedFolder, path: string, files: CollectionFile[]): void {
  const at = files.length;
  const order = levelFiles(folder.items, path, files);
  files.splice(at, 0, {
    path: `${path}/${FOLDER_FILE}`,
    text: jsonText({ name: folder.name, order }),
  });
}

/**
 * The files of a collection folder: collection.json, a file per request, a folder.json per folder,
 * an environments/<name>.json per environment. The collection is assumed valid (parseCollection).
 */
export function collectionToFiles(
  collection: Collection,
  environments: readonly Environment[] = [],
): CollectionFile[] {
  const files: CollectionFile[] = [];
  const order = levelFiles(collection.items, '', files);
  files.unshift({
    path: COLLECTION_FILE,
    text: jsonText({
      version: FORMAT_VERSION,
      name: collection.name,
      ...(collection.description === undefined ? {} : { description: collection.description }),
      variables: variablesOut(collection.variables),
      order,
    }),
  });
  const environmentNames = nameEntries(
    environments.map((environment) => ({ ...environment, kind: 'environment' as const })),
    ENVIRONMENTS_FOLDER,
  );
  environments.forEach((environment, index) => {
    files.push({
      path: `${ENVIRONMENTS_FOLDER}/${environmentNames[index]!}`,
      text: jsonText({ name: environment.name, variables: variablesOut(environment.variables) }),
    });
  });
  return files;
}

// ---------------------------------------------------------------------------------------------
// Reading

// What a file may hold. Lenient where a person writing one by hand would be: everything but a
// request's name, method and URL has a default; unknown fields are ignored.
const OrderSchema = z
  .array(z.string().check(z.maxLength(1000)))
  .check(z.maxLength(COLLECTION_FILE_LIMITS.maxFiles));

const VariableFileSchema = z.object({
  name: NameSchema,
  value: z.optional(TextSchema),
  secret: z.optional(z.boolean()),
  enabled: z.optional(z.boolean()),
});
const VariablesFileSchema = z
  .array(VariableFileSchema)
  .check(z.maxLength(COLLECTION_LIMITS.maxVariables));

const CollectionFileSchema = z.object({
  name: NameSchema,
  description: z.optional(TextSchema),
  variables: z.optional(VariablesFileSchema),
  order: z.optional(OrderSchema),
});

const FolderFileSchema = z.object({
  name: z.optional(NameSchema),
  order: z.optional(OrderSchema),
});

const RequestFileSchema = z.object({
  name: NameSchema,
  description: z.optional(TextSchema),
  method: NameSchema,
  url: TextSchema,
  region: z.optional(TextSchema),
  service: z.optional(TextSchema),
  headers: z.optional(
    z.array(
      z.object({
        name: TextSchema,
        value: z.optional(TextSchema),
        signed: z.optional(z.boolean()),
        withheld: z.optional(z.boolean()),
      }),
    ),
  ),
  body: z.optional(TextSchema),
  options: z.optional(z.partial(SavedOptionsSchema)),
});

const EnvironmentFileSchema = z.object({
  name: z.optional(NameSchema),
  variables: z.optional(VariablesFileSchema),
});

/** Variables as read: a secret one's value, should a file hold one, is not taken in. */
function variablesIn(variables: z.infer<typeof VariablesFileSchema> | undefined): Variable[] {
  return (variables ?? []).map((variable) => ({
    name: variable.name,
    value: variable.secret ? '' : (variable.value ?? ''),
    secret: variable.secret ?? false,
    enabled: variable.enabled ?? true,
  }));
}

function requestIn(id: string, file: z.infer<typeof RequestFileSchema>): SavedRequest {
  const options = { ...DEFAULT_SAVED_OPTIONS };
  for (const [key, value] of Object.entries(file.options ?? {})) {
    if (value !== undefined) (options as Record<string, unknown>)[key] = value;
  }
  return {
    kind: 'request',
    id,
    name: file.name,
    method: file.method,
    url: file.url,
    headers: (file.headers ?? []).map((header) => ({
      name: header.name,
      value: header.value ?? '',
      signed: header.signed ?? true,
      ...(header.withheld === undefined ? {} : { withheld: header.withheld }),
    })),
    body: file.body ?? '',
    ...(file.region === undefined ? {} : { region: file.region }),
    ...(file.service === undefined ? {} : { service: file.service }),
    options,
    ...(file.description === undefined ? {} : { description: file.description }),
  };
}

/** What reading a collection folder gives: a problem with one file names it in `file` too. */
export type FilesResult<T> = { ok: true; value: T } | { ok: false; error: string; file?: string };

/** A problem with one file, as the page shows it: the file, then what is wrong. */
function fileProblem(path: string, problem: string): { ok: false; error: string; file: string } {
  return { ok: false, error: `${path}: ${problem}`, file: path };
}

/** A file's JSON read with its schema, or the problem led by the file's path. */
function readJson<T>(file: CollectionFile, schema: z.ZodMiniType<T>): FilesResult<T> {
  let value: unknown;
  try {
    // A byte order mark, as some editors write, is not part of the JSON.
    value = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fileProblem(file.path, `not valid JSON (${(error as Error).message})`);
  }
  if (file.path === COLLECTION_FILE) {
    const version = (value as { version?: unknown } | null)?.version;
    if (version !== undefined && version !== FORMAT_VERSION) {
      return fileProblem(
        file.path,
        `format version ${JSON.stringify(version)} is not one this playground reads (it reads ${FORMAT_VERSION}); update the playground`,
      );
    }
  }
  const parsed = parseWith(schema, value);
  return parsed.ok ? parsed : fileProblem(file.path, parsed.error);
}

/** Why a path cannot be a file of a collection folder, or undefined when it can. */
function pathProblem(path: string): string | undefined {
  if (path.length > 4096) return 'the path is too long';
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..' || /[\\\0]/.test(segment)) {
      return 'not a path inside the collection folder';
    }
  }
  return undefined;
}

interface Level {
  /** The level's folder.json (collection.json for the top). */
  order: readonly string[] | undefined;
  name: string | undefined;
  requests: Map<string, SavedRequest>;
  folders: Set<string>;
}

function levelAt(levels: Map<string, Level>, folderPath: string): Level {
  let level = levels.get(folderPath);
  if (!level) {
    level = { order: undefined, name: undefined, requests: new Map(), folders: new Set() };
    levels.set(folderPath, level);
    // Each folder is an entry of the level above it, up to the top.
    const slash = folderPath.lastIndexOf('/');
    if (folderPath !== '') {
      levelAt(levels, slash < 0 ? '' : folderPath.slice(0, slash)).folders.add(
        folderPath.slice(slash + 1),
      );
    }
  }
  return level;
}

/**
 * A level's items in `order` (entries that name nothing are skipped: a merge may have removed a
 * file), then whatever `order` does not list, by name: a file added by hand shows up.
 */
function itemsAt(levels: Map<string, Level>, folderPath: string): CollectionItem[] {
  const level = levels.get(folderPath)!;
  const items: CollectionItem[] = [];
  const placed = new Set<string>();
  const place = (entry: string) => {
    if (placed.has(entry)) return;
    const isFolder = entry.endsWith('/');
    const name = isFolder ? entry.slice(0, -1) : entry;
    if (isFolder ? !level.folders.has(name) : !level.requests.has(name)) return;
    placed.add(entry);
    if (!isFolder) {
      items.push(level.requests.get(name)!);
      return;
    }
    const path = folderPath === '' ? name : `${folderPath}/${name}`;
    const folder: SavedFolder = {
      kind: 'folder',
      id: `${path}/`,
      name: levels.get(path)!.name ?? name,
      items: itemsAt(levels, path),
    };
    items.push(folder);
  };
  for (const entry of level.order ?? []) place(entry);
  const rest = [...level.requests.keys(), ...[...level.folders].map((name) => `${name}/`)];
  for (const entry of rest.sort()) place(entry);
  return items;
}

/**
 * A collection folder's files back into the collection and its environments (ids from paths,
 * the collection's id from the caller: the folder's name). Files that are not the format's are
 * ignored. Any problem is named with its file; nothing is half read.
 */
export function collectionFromFiles(
  files: readonly CollectionFile[],
  options: { id: string },
): FilesResult<DiskCollection> {
  if (files.length > COLLECTION_FILE_LIMITS.maxFiles) {
    return {
      ok: false,
      error: `more than ${COLLECTION_FILE_LIMITS.maxFiles} files in the collection folder`,
    };
  }
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let totalChars = 0;
  let requestCount = 0;
  let environmentCount = 0;
  for (const [index, file] of sorted.entries()) {
    const problem = pathProblem(file.path);
    if (problem) {
      return { ok: false, error: `${JSON.stringify(file.path.slice(0, 200))}: ${problem}` };
    }
    if (index > 0 && sorted[index - 1]!.path === file.path) {
      return fileProblem(file.path, 'given twice');
    }
    totalChars += file.text.length;
    if (totalChars > COLLECTION_FILE_LIMITS.maxTotalChars) {
      return fileProblem(
        file.path,
        `the collection's files are over ${COLLECTION_FILE_LIMITS.maxTotalChars} characters in all`,
      );
    }
    const role = fileRole(file.path);
    const depth = file.path.split('/').length - 1;
    if ((role === 'request' || role === 'folder') && depth > COLLECTION_LIMITS.maxDepth) {
      return fileProblem(file.path, `folders nest at most ${COLLECTION_LIMITS.maxDepth} deep`);
    }
    if (role === 'request' && ++requestCount > COLLECTION_LIMITS.maxRequests) {
      return fileProblem(file.path, `more than ${COLLECTION_LIMITS.maxRequests} requests`);
    }
    if (role === 'environment' && ++environmentCount > COLLECTION_FILE_LIMITS.maxEnvironments) {
      return fileProblem(
        file.path,
        `more than ${COLLECTION_FILE_LIMITS.maxEnvironments} environments`,
      );
    }
  }

  const levels = new Map<string, Level>();
  const top = levelAt(levels, '');
  let header: z.infer<typeof CollectionFileSchema> | undefined;
  const environments: Environment[] = [];
  for (const file of sorted) {
    const role = fileRole(file.path);
    if (role === undefined) continue;
    const slash = file.path.lastIndexOf('/');
    const folderPath = slash < 0 ? '' : file.path.slice(0, slash);
    const base = file.path.slice(slash + 1);
    if (role === 'collection') {
      const read = readJson(file, CollectionFileSchema);
      if (!read.ok) return read;
      header = read.value;
    } else if (role === 'folder') {
      const read = readJson(file, FolderFileSchema);
      if (!read.ok) return read;
      const level = levelAt(levels, folderPath);
      level.name = read.value.name;
      level.order = read.value.order;
    } else if (role === 'request') {
      const read = readJson(file, RequestFileSchema);
      if (!read.ok) return read;
      levelAt(levels, folderPath).requests.set(base, requestIn(file.path, read.value));
    } else {
      const read = readJson(file, EnvironmentFileSchema);
      if (!read.ok) return read;
      const environment = parseEnvironment({
        id: file.path,
        name: read.value.name ?? base.slice(0, -ENVIRONMENT_SUFFIX.length),
        variables: variablesIn(read.value.variables),
      });
      if (!environment.ok) return fileProblem(file.path, environment.error);
      environments.push(environment.value);
    }
  }
  if (!header) {
    return {
      ok: false,
      error: `${COLLECTION_FILE} is missing: a collection folder has one at its top`,
      file: COLLECTION_FILE,
    };
  }
  // A file system cannot hold both, but a list of files can say so.
  for (const path of levels.keys()) {
    const slash = path.lastIndexOf('/');
    const parent = levels.get(slash < 0 ? '' : path.slice(0, slash));
    if (path !== '' && parent?.requests.has(path.slice(slash + 1))) {
      return fileProblem(path, 'is both a file and a folder');
    }
  }
  top.order = header.order;
  const collection = parseCollection({
    id: options.id,
    name: header.name,
    variables: variablesIn(header.variables),
    items: itemsAt(levels, ''),
    ...(header.description === undefined ? {} : { description: header.description }),
  });
  if (!collection.ok) return { ok: false, error: `the collection read back: ${collection.error}` };
  return { ok: true, value: { collection: collection.value, environments } };
}

// ---------------------------------------------------------------------------------------------
// Over HTTP (server/collections, transport/collectionsClient.ts)

/** A problem in a part of a value, with the part's path in front: `collection.items[0].url: …`. */
function under(prefix: string, problem: string): string {
  if (problem.startsWith('[')) return `${prefix}${problem}`;
  return /^[\w$.[\]]+: /.test(problem) ? `${prefix}.${problem}` : `${prefix}: ${problem}`;
}

/**
 * A collection folder's contents as the collections API carries them, `{ collection,
 * environments? }`: a PUT may leave the environments out (the folder's stay as they are).
 */
export function parseFolderContents(
  value: unknown,
): ParseResult<{ collection: Collection; environments?: Environment[] }> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'expected an object { "collection": …, "environments": […] }' };
  }
  const { collection, environments } = value as { collection?: unknown; environments?: unknown };
  const parsed = parseCollection(collection);
  if (!parsed.ok) return { ok: false, error: under('collection', parsed.error) };
  if (environments === undefined) return { ok: true, value: { collection: parsed.value } };
  if (!Array.isArray(environments)) {
    return { ok: false, error: 'environments: expected a list' };
  }
  if (environments.length > COLLECTION_FILE_LIMITS.maxEnvironments) {
    return {
      ok: false,
      error: `environments: more than ${COLLECTION_FILE_LIMITS.maxEnvironments} entries`,
    };
  }
  const parsedEnvironments: Environment[] = [];
  for (const [index, environment] of environments.entries()) {
    const result = parseEnvironment(environment);
    if (!result.ok) return { ok: false, error: under(`environments[${index}]`, result.error) };
    parsedEnvironments.push(result.value);
  }
  return { ok: true, value: { collection: parsed.value, environments: parsedEnvironments } };
}

/** What `GET /api/collections/<id>` answers: the collection and its environments. */
export function parseDiskCollection(value: unknown): ParseResult<DiskCollection> {
  const parsed = parseFolderContents(value);
  if (!parsed.ok) return parsed;
  const { collection, environments } = parsed.value;
  if (environments === undefined) return { ok: false, error: 'environments: expected a list' };
  return { ok: true, value: { collection, environments } };
}
