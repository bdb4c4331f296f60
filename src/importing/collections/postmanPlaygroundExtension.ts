// What the playground's Postman export writes beside each request for the playground alone, so
// that export → import gives back the same collection: Postman's format has no place for the
// signing options other than "add auth data to query", for a header that is sent unsigned, or for
// a region the request does not set by hand (Postman has to be told one; the playground follows
// the URL's host). Postman reads collections without it (an item's unknown properties are
// ignored) and drops it when it saves the collection again; the importer then reads what Postman
// says, as for any Postman file.
import * as z from 'zod/mini';
import type { SavedOptions } from '../../collections/collectionModel';

/**
 * The item property it lives in; Postman's own private properties also start with '_'. The
 * export writes it on every request, empty or not: its presence says the request comes from the
 * playground, whose headers are all the request's own (Postman's awsv4 replaces some).
 */
export const PLAYGROUND_EXTENSION_KEY = '_sigv4_playground';

/**
 * A request's region or service as the playground has it (null: it follows the URL's host),
 * beside what was written into Postman's auth for it. While the auth still says what was written,
 * the playground's value is the one; once changed in Postman, Postman's is.
 */
export interface PlaygroundScopeField {
  value: string | null;
  written: string;
}

export interface PlaygroundItemExtension {
  /** The options Postman has no field for, where they differ from DEFAULT_SAVED_OPTIONS. */
  options?: Partial<Omit<SavedOptions, 'mode'>>;
  /** Present where Postman's reading of the auth would not give the request's own value. */
  region?: PlaygroundScopeField;
  service?: PlaygroundScopeField;
  /** Indexes into the request's `header` list. */
  unsignedHeaders?: number[];
  /** Indexes into `header` of credential headers whose value was withheld (exported disabled). */
  withheldHeaders?: number[];
}

const index = z.number().check(z.int(), z.nonnegative());
const scopeField = z.object({ value: z.nullable(z.string()), written: z.string() });

export const playgroundItemExtension = z.object({
  options: z.optional(
    z.object({
      expiresIn: z.optional(z.string()),
      payload: z.optional(z.enum(['signed', 'unsigned'])),
      contentSha256Header: z.optional(z.nullable(z.boolean())),
      s3PathRules: z.optional(z.nullable(z.boolean())),
      signSessionToken: z.optional(z.boolean()),
      algorithm: z.optional(z.enum(['sigv4', 'sigv4a'])),
      regionSet: z.optional(z.string()),
    }),
  ),
  region: z.optional(scopeField),
  service: z.optional(scopeField),
  unsignedHeaders: z.optional(z.array(index)),
  withheldHeaders: z.optional(z.array(index)),
});

/** The extension as read, or undefined when absent or not in the shape the export writes. */
export function readPlaygroundExtension(value: unknown): PlaygroundItemExtension | undefined {
  if (value === undefined) return undefined;
  const parsed = playgroundItemExtension.safeParse(value);
  return parsed.success ? (parsed.data as PlaygroundItemExtension) : undefined;
}
