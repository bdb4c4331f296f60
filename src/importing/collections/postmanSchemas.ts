// The parts of Postman's Collection Format v2.0.0/v2.1.0 (schema.getpostman.com/json/collection/
// v2.1.0/collection.json) and of its environment files that the importer reads. Fields it does
// not read are not listed (zod drops them). Where Postman's own exports stray from the published
// schema (a header value of null, a variable value that is a number), the schema here accepts it.
//
// Items are checked one node at a time (a folder's `item` is a list of unknowns): the importer
// walks the tree itself, so nesting is bounded by COLLECTION_LIMITS.maxDepth, not by the stack.
import * as z from 'zod/mini';

/** A value Postman writes as text, and sometimes as a number, a boolean or null. */
export const looseText = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type LooseText = z.infer<typeof looseText>;

export function textOf(value: LooseText | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A description: text, or `{ content, type }` (v2.1), or null. */
export const postmanDescription = z.union([
  z.string(),
  z.object({ content: z.optional(z.nullable(z.string())) }),
  z.null(),
]);
export type PostmanDescription = z.infer<typeof postmanDescription>;

/** The description's text; undefined when the file has none (absent, null, no content). */
export function optionalDescription(
  description: PostmanDescription | undefined,
): string | undefined {
  if (description === undefined || description === null) return undefined;
  return typeof description === 'string' ? description : (description.content ?? undefined);
}

/** v2.1 lists auth attributes as `{ key, value, type }`; v2.0 keeps them in an object. */
const authAttribute = z.object({ key: z.string(), value: z.optional(z.unknown()) });
export const postmanAuth = z.object({
  type: z.string(),
  awsv4: z.optional(z.union([z.array(authAttribute), z.record(z.string(), z.unknown())])),
});
export type PostmanAuth = z.infer<typeof postmanAuth>;

const queryParam = z.object({
  key: z.optional(z.nullable(z.string())),
  value: z.optional(looseText),
  disabled: z.optional(z.boolean()),
});
export type PostmanQueryParam = z.infer<typeof queryParam>;

const pathVariable = z.object({
  key: z.optional(z.nullable(z.string())),
  id: z.optional(z.string()),
  value: z.optional(z.unknown()),
  disabled: z.optional(z.boolean()),
});

export const postmanUrlObject = z.object({
  raw: z.optional(z.string()),
  protocol: z.optional(z.string()),
  host: z.optional(z.union([z.string(), z.array(z.string())])),
  port: z.optional(z.union([z.string(), z.number()])),
  path: z.optional(
    z.union([
      z.string(),
      z.array(z.union([z.string(), z.object({ value: z.optional(z.nullable(z.string())) })])),
    ]),
  ),
  query: z.optional(z.array(queryParam)),
  hash: z.optional(z.string()),
  variable: z.optional(z.array(pathVariable)),
});
export type PostmanUrlObject = z.infer<typeof postmanUrlObject>;

const header = z.object({
  key: z.string(),
  value: z.optional(looseText),
  disabled: z.optional(z.boolean()),
});
export type PostmanHeader = z.infer<typeof header>;

const formField = z.object({
  key: z.string(),
  value: z.optional(looseText),
  disabled: z.optional(z.boolean()),
});

export const postmanBody = z.object({
  mode: z.optional(z.nullable(z.string())),
  raw: z.optional(z.nullable(z.string())),
  urlencoded: z.optional(z.array(formField)),
  formdata: z.optional(z.array(z.object({ disabled: z.optional(z.boolean()) }))),
  file: z.optional(z.nullable(z.object({ src: z.optional(z.nullable(z.string())) }))),
  graphql: z.optional(
    z.object({ query: z.optional(z.nullable(z.string())), variables: z.optional(z.unknown()) }),
  ),
  disabled: z.optional(z.boolean()),
  options: z.optional(
    z.object({ raw: z.optional(z.object({ language: z.optional(z.string()) })) }),
  ),
});
export type PostmanBody = z.infer<typeof postmanBody>;

export const postmanRequestObject = z.object({
  url: z.optional(z.union([z.string(), postmanUrlObject])),
  method: z.optional(z.nullable(z.string())),
  header: z.optional(z.union([z.array(header), z.string(), z.null()])),
  body: z.optional(z.nullable(postmanBody)),
  auth: z.optional(z.nullable(postmanAuth)),
  description: z.optional(postmanDescription),
});
export type PostmanRequestObject = z.infer<typeof postmanRequestObject>;

/** One node of the tree: a request (`request`) or a folder (`item`). */
export const postmanItem = z.object({
  name: z.optional(looseText),
  description: z.optional(postmanDescription),
  item: z.optional(z.array(z.unknown())),
  request: z.optional(z.union([z.string(), postmanRequestObject])),
  auth: z.optional(z.nullable(postmanAuth)),
  event: z.optional(z.unknown()),
  variable: z.optional(z.unknown()),
  /** What the playground's own export adds (postmanPlaygroundExtension.ts); read apart. */
  _sigv4_playground: z.optional(z.unknown()),
});
export type PostmanItem = z.infer<typeof postmanItem>;

export const postmanVariable = z.object({
  key: z.optional(z.nullable(z.string())),
  id: z.optional(z.string()),
  value: z.optional(z.unknown()),
  type: z.optional(z.nullable(z.string())),
  disabled: z.optional(z.boolean()),
});
export type PostmanVariable = z.infer<typeof postmanVariable>;

export const postmanCollection = z.object({
  info: z.object({
    name: z.optional(looseText),
    description: z.optional(postmanDescription),
    schema: z.optional(z.string()),
  }),
  item: z.array(z.unknown()),
  auth: z.optional(z.nullable(postmanAuth)),
  variable: z.optional(z.nullable(z.array(postmanVariable))),
  event: z.optional(z.unknown()),
});
export type PostmanCollection = z.infer<typeof postmanCollection>;

/** A Postman environment (or globals) file, as Postman exports it. */
export const postmanEnvironment = z.object({
  name: z.optional(looseText),
  values: z.array(
    z.object({
      key: z.optional(z.nullable(z.string())),
      value: z.optional(z.unknown()),
      type: z.optional(z.nullable(z.string())),
      enabled: z.optional(z.boolean()),
    }),
  ),
  _postman_variable_scope: z.optional(z.string()),
});
export type PostmanEnvironment = z.infer<typeof postmanEnvironment>;
