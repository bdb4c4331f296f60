// One request's file (`<name>.request.json`): every key in one order, so a diff shows the field
// that changed; lenient when read, as a file written by hand may leave out all but the request's
// name, method and URL.
import * as z from 'zod/mini';
import { withoutCredentialHeaders, withoutCredentialsInUrl } from '../request/credentialFields';
import { DEFAULT_SAVED_OPTIONS, pickSavedOptions, type SavedRequest } from './collectionModel';
import { NameSchema, SavedOptionsSchema, TextSchema } from './validateCollection';

/**
 * A request's file, every key in one order whatever order the object had. A saved request holds no
 * credential already (store/savedRequest.ts); the files apply the same rule again, because a
 * team's repository is the last place a token should land.
 */
export function requestOut(request: SavedRequest) {
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
    ...(request.profile === undefined ? {} : { profile: request.profile }),
  };
}

/** What a request's file may hold: unknown fields are ignored. */
export const RequestFileSchema = z.object({
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
  profile: z.optional(NameSchema),
});

/** A request as read from its file (its id: the file's path), with defaults for what it leaves out. */
export function requestIn(id: string, file: z.infer<typeof RequestFileSchema>): SavedRequest {
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
    ...(file.profile === undefined || file.profile === '' ? {} : { profile: file.profile }),
  };
}
