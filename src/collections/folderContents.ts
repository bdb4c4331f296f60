// A collection folder's contents as the collections API carries them (server/collections,
// transport/collectionsClient.ts): the model's JSON, checked on the way in at both ends.
import type { Collection, Environment } from './collectionModel';
import { COLLECTION_FILE_LIMITS, type DiskCollection } from './folderLayout';
import { parseCollection, parseEnvironment, type ParseResult } from './validateCollection';

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
