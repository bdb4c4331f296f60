// COLLECTION_LIMITS applied to what an importer produced, with the sentence the page shows, and
// then the model's own validation (collections/validateCollection.ts), so an import is never one
// the page's stores would refuse to keep. An importer that walks a source tree itself stops at the
// same bounds with the same sentences (tooDeep, tooManyRequests, tooManyFolders), so a hostile
// file is refused before it is built.
import {
  COLLECTION_LIMITS,
  type CollectionItem,
  type Variable,
} from '../../collections/collectionModel';
import {
  MAX_FOLDERS,
  parseCollection,
  parseEnvironment,
} from '../../collections/validateCollection';
import type { ImportedWorkspace } from './importedWorkspace';
import { quoteName } from './importNotes';

export function tooBig(chars: number): string {
  const mib = (chars / 1024 / 1024).toFixed(1);
  return `The file is ${mib} MiB; the playground reads files of up to ${COLLECTION_LIMITS.maxFileChars / 1024 / 1024} MiB.`;
}

export function tooDeep(where: string): string {
  return `Folders are nested more than ${COLLECTION_LIMITS.maxDepth} deep (at ${where}); the playground keeps at most ${COLLECTION_LIMITS.maxDepth} levels.`;
}

export function tooManyRequests(count: number | 'more'): string {
  const counted = count === 'more' ? `more than ${COLLECTION_LIMITS.maxRequests}` : String(count);
  return `The collection has ${counted} requests; the playground keeps at most ${COLLECTION_LIMITS.maxRequests} in one collection.`;
}

export function tooManyFolders(): string {
  return `The collection has more than ${MAX_FOLDERS} folders; the playground keeps at most ${MAX_FOLDERS} in one collection.`;
}

export function tooManyVariables(owner: string, count: number): string {
  return `${owner} has ${count} variables; the playground keeps at most ${COLLECTION_LIMITS.maxVariables}.`;
}

export function tooLongName(what: string, name: string): string {
  return `A ${what} name is ${name.length} characters long (${quoteName(name)}); names are at most ${COLLECTION_LIMITS.maxNameChars} characters.`;
}

const long = (name: string) => name.length > COLLECTION_LIMITS.maxNameChars;

function checkVariables(owner: string, variables: readonly Variable[]): string | undefined {
  if (variables.length > COLLECTION_LIMITS.maxVariables)
    return tooManyVariables(owner, variables.length);
  const named = variables.find((variable) => long(variable.name));
  return named === undefined ? undefined : tooLongName('variable', named.name);
}

/** Depth, request count and names of the tree, walked with a stack of its own. */
function checkItems(items: readonly CollectionItem[]): string | undefined {
  let requests = 0;
  let folders = 0;
  const stack: { items: readonly CollectionItem[]; depth: number }[] = [{ items, depth: 0 }];
  for (let level = stack.pop(); level !== undefined; level = stack.pop()) {
    for (const item of level.items) {
      if (long(item.name))
        return tooLongName(item.kind === 'request' ? 'request' : 'folder', item.name);
      if (item.kind === 'request') {
        requests++;
        continue;
      }
      if (level.depth + 1 > COLLECTION_LIMITS.maxDepth)
        return tooDeep(`folder ${quoteName(item.name)}`);
      if (++folders > MAX_FOLDERS) return tooManyFolders();
      stack.push({ items: item.items, depth: level.depth + 1 });
    }
  }
  return requests > COLLECTION_LIMITS.maxRequests ? tooManyRequests(requests) : undefined;
}

/** The first limit the workspace passes, as the page says it; undefined when within them all. */
export function checkImportLimits(workspace: ImportedWorkspace): string | undefined {
  const { collection } = workspace;
  if (collection !== undefined) {
    if (long(collection.name)) return tooLongName('collection', collection.name);
    const problem =
      checkVariables(`The collection ${quoteName(collection.name)}`, collection.variables) ??
      checkItems(collection.items);
    if (problem !== undefined) return problem;
    const valid = parseCollection(collection);
    if (!valid.ok)
      return `The imported collection is not one the playground can keep: ${valid.error}.`;
  }
  for (const environment of workspace.environments) {
    if (long(environment.name)) return tooLongName('environment', environment.name);
    const problem = checkVariables(
      `The environment ${quoteName(environment.name)}`,
      environment.variables,
    );
    if (problem !== undefined) return problem;
    const valid = parseEnvironment(environment);
    if (!valid.ok)
      return `The imported environment ${quoteName(environment.name)} is not one the playground can keep: ${valid.error}.`;
  }
  return undefined;
}
