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
//
// Here: a collection to its files and back. The pieces: folderLayout.ts (the files' names, roles
// and bounds), fileNames.ts (names on disk), requestFile.ts, itemFiles.ts (folders and order),
// environmentFiles.ts, fileVariables.ts, fileJson.ts; folderContents.ts (over HTTP).
import * as z from 'zod/mini';
import { COLLECTION_LIMITS, type Collection, type Environment } from './collectionModel';
import { environmentFromFile, environmentsToFiles } from './environmentFiles';
import { fileProblem, jsonText, readJson, type FilesResult } from './fileJson';
import { variablesIn, variablesOut, VariablesFileSchema } from './fileVariables';
import {
  COLLECTION_FILE,
  COLLECTION_FILE_LIMITS,
  fileRole,
  FORMAT_VERSION,
  type CollectionFile,
  type DiskCollection,
} from './folderLayout';
import {
  FolderFileSchema,
  itemsAt,
  levelAt,
  levelFiles,
  OrderSchema,
  type Level,
} from './itemFiles';
import { requestIn, RequestFileSchema } from './requestFile';
import { NameSchema, parseCollection, TextSchema } from './validateCollection';

// ---------------------------------------------------------------------------------------------
// Writing

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
  files.push(...environmentsToFiles(environments));
  return files;
}

// ---------------------------------------------------------------------------------------------
// Reading

// What collection.json may hold. Lenient where a person writing one by hand would be: all but the
// name has a default; unknown fields are ignored (so are those of the other files).
const CollectionFileSchema = z.object({
  name: NameSchema,
  description: z.optional(TextSchema),
  variables: z.optional(VariablesFileSchema),
  order: z.optional(OrderSchema),
});

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
      const environment = environmentFromFile(file);
      if (!environment.ok) return environment;
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
