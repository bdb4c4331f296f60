// Checks that a value is a collection or an environment of the one model (collectionModel.ts),
// within COLLECTION_LIMITS. Whatever comes from outside the tab goes through here: a collection
// read back from IndexedDB, sent to the local server, or read from a folder on disk.
import * as z from 'zod/mini';
import {
  COLLECTION_LIMITS,
  type Collection,
  type CollectionItem,
  type Environment,
  type SavedFolder,
  type SavedHeader,
  type SavedOptions,
  type SavedRequest,
  type Variable,
} from './collectionModel';
import { describeSchemaIssue } from './describeSchemaIssue';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Folders in one collection: as many as requests may be, so an empty tree cannot be unbounded. */
export const MAX_FOLDERS = COLLECTION_LIMITS.maxRequests;
/** An id is opaque, but a path on disk (collectionFiles.ts) may be one: room for 16 folders. */
const MAX_ID_CHARS = 4096;

export const NameSchema = z.string().check(z.maxLength(COLLECTION_LIMITS.maxNameChars));
/** URLs, bodies, values: each no larger than the largest file a collection may come from. */
export const TextSchema = z.string().check(z.maxLength(COLLECTION_LIMITS.maxFileChars));
const IdSchema = z.string().check(z.minLength(1), z.maxLength(MAX_ID_CHARS));

export const SavedOptionsSchema = z.object({
  mode: z.enum(['header', 'query']),
  expiresIn: NameSchema,
  payload: z.enum(['signed', 'unsigned']),
  contentSha256Header: z.nullable(z.boolean()),
  s3PathRules: z.nullable(z.boolean()),
  signSessionToken: z.boolean(),
  algorithm: z.enum(['sigv4', 'sigv4a']),
  regionSet: TextSchema,
}) satisfies z.ZodMiniType<SavedOptions>;

export const SavedHeaderSchema: z.ZodMiniType<SavedHeader> = z.object({
  name: TextSchema,
  value: TextSchema,
  signed: z.boolean(),
  withheld: z.exactOptional(z.boolean()),
});

/** The fields of a request that a file on disk holds too (everything but kind and id). */
export const savedRequestFields = {
  name: NameSchema,
  method: NameSchema,
  url: TextSchema,
  headers: z.array(SavedHeaderSchema),
  body: TextSchema,
  region: z.exactOptional(TextSchema),
  service: z.exactOptional(TextSchema),
  options: SavedOptionsSchema,
  description: z.exactOptional(TextSchema),
  profile: z.exactOptional(NameSchema),
};

const savedRequestObject = z.object({
  kind: z.literal('request'),
  id: IdSchema,
  ...savedRequestFields,
});

const savedFolderObject = z.object({
  kind: z.literal('folder'),
  id: IdSchema,
  name: NameSchema,
  // A getter: folders hold items, which may be folders (depth is checked before, by checkTree).
  get items(): z.ZodMiniArray<z.ZodMiniType<CollectionItem>> {
    return z.array(CollectionItemSchema);
  },
});

export const SavedRequestSchema: z.ZodMiniType<SavedRequest> = savedRequestObject;
export const SavedFolderSchema: z.ZodMiniType<SavedFolder> = savedFolderObject;
export const CollectionItemSchema: z.ZodMiniType<CollectionItem> = z.discriminatedUnion('kind', [
  savedRequestObject,
  savedFolderObject,
]);

export const VariableSchema: z.ZodMiniType<Variable> = z.object({
  name: NameSchema,
  value: TextSchema,
  secret: z.boolean(),
  enabled: z.boolean(),
});

export const VariablesSchema = z
  .array(VariableSchema)
  .check(z.maxLength(COLLECTION_LIMITS.maxVariables));

export const CollectionSchema: z.ZodMiniType<Collection> = z.object({
  id: IdSchema,
  name: NameSchema,
  variables: VariablesSchema,
  items: z.array(CollectionItemSchema),
  description: z.exactOptional(TextSchema),
});

export const EnvironmentSchema: z.ZodMiniType<Environment> = z.object({
  id: IdSchema,
  name: NameSchema,
  variables: VariablesSchema,
  profile: z.exactOptional(NameSchema),
});

/** A collection of the model, or the first problem with the path to it (`items[2].url: …`). */
export function parseCollection(value: unknown): ParseResult<Collection> {
  const treeProblem = checkTree(value);
  if (treeProblem) return { ok: false, error: treeProblem };
  const parsed = parseWith(CollectionSchema, value);
  if (!parsed.ok) return parsed;
  const duplicate = firstDuplicateId(parsed.value.items);
  return duplicate ? { ok: false, error: duplicate } : parsed;
}

/** An environment of the model, or the first problem with the path to it. */
export function parseEnvironment(value: unknown): ParseResult<Environment> {
  return parseWith(EnvironmentSchema, value);
}

/** Any schema's result as a ParseResult, the first issue in words (`headers[0].name: …`). */
export function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown): ParseResult<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: describeSchemaIssue(result.error.issues, value) };
}

/**
 * The folder depth and the numbers of requests and folders, checked before the schema runs: the
 * schema recurses once per level, so a value nested thousands deep must be turned away first.
 * An explicit stack, never recursion; it looks only at what is an array or an object.
 */
function checkTree(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: Array<{ items: unknown; depth: number; path: string }> = [
    { items: (value as { items?: unknown }).items, depth: 0, path: 'items' },
  ];
  let requests = 0;
  let folders = 0;
  while (stack.length > 0) {
    const { items, depth, path } = stack.pop()!;
    if (!Array.isArray(items)) continue;
    for (let index = 0; index < items.length; index += 1) {
      const item: unknown = items[index];
      if (typeof item !== 'object' || item === null) continue;
      const { kind, items: children } = item as { kind?: unknown; items?: unknown };
      if (kind === 'request') {
        requests += 1;
        if (requests > COLLECTION_LIMITS.maxRequests) {
          return `${path}[${index}]: more than ${COLLECTION_LIMITS.maxRequests} requests in one collection`;
        }
      } else if (kind === 'folder') {
        folders += 1;
        if (depth + 1 > COLLECTION_LIMITS.maxDepth) {
          return `${path}[${index}]: folders nest at most ${COLLECTION_LIMITS.maxDepth} deep`;
        }
        if (folders > MAX_FOLDERS) {
          return `${path}[${index}]: more than ${MAX_FOLDERS} folders in one collection`;
        }
        stack.push({ items: children, depth: depth + 1, path: `${path}[${index}].items` });
      }
    }
  }
  return undefined;
}

/** The page finds requests and folders by id: two with one id would be one. */
function firstDuplicateId(items: readonly CollectionItem[]): string | undefined {
  const seen = new Set<string>();
  const stack: Array<{ items: readonly CollectionItem[]; path: string }> = [
    { items, path: 'items' },
  ];
  while (stack.length > 0) {
    const { items: level, path } = stack.pop()!;
    for (const [index, item] of level.entries()) {
      if (seen.has(item.id)) {
        return `${path}[${index}].id: ${JSON.stringify(item.id.slice(0, 100))} is the id of another item too`;
      }
      seen.add(item.id);
      if (item.kind === 'folder')
        stack.push({ items: item.items, path: `${path}[${index}].items` });
    }
  }
  return undefined;
}
