// The parts of Insomnia's exports that the importer reads: export format 4 (JSON: a flat list of
// `resources`, each with `_type` and `parentId`, which Insomnia itself reads back in
// packages/insomnia/src/utils/importers/importers/insomnia-4.ts) and format 5 (YAML:
// `type: collection.insomnia.rest/5.0`, folders nesting their `children`; the zod schemas of
// packages/insomnia/src/common/import-v5-parser.ts). Fields not read are not listed (zod drops
// them); where Insomnia writes a number or null for text, the schema accepts it.
//
// Folders are checked one node at a time: the importer walks the tree itself, so nesting is
// bounded by COLLECTION_LIMITS.maxDepth, not by the stack.
import * as z from 'zod/mini';

const looseText = z.union([z.string(), z.number(), z.boolean(), z.null()]);
type LooseText = z.infer<typeof looseText>;

export function textOf(value: LooseText | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

const pair = z.object({
  name: z.optional(looseText),
  value: z.optional(looseText),
  disabled: z.optional(z.unknown()),
  type: z.optional(z.nullable(z.string())),
  fileName: z.optional(z.nullable(z.string())),
});
export type InsomniaPair = z.infer<typeof pair>;
const pairs = z.optional(z.nullable(z.array(pair)));

/**
 * `iam` is AWS; any other type is named in a note. `{}` means "inherit from the folder" in the
 * versions that have folder auth.
 */
export const insomniaAuth = z.optional(
  z.nullable(
    z.object({
      type: z.optional(z.nullable(z.string())),
      disabled: z.optional(z.unknown()),
      accessKeyId: z.optional(looseText),
      secretAccessKey: z.optional(looseText),
      sessionToken: z.optional(looseText),
      region: z.optional(looseText),
      service: z.optional(looseText),
    }),
  ),
);
export type InsomniaAuth = z.infer<typeof insomniaAuth>;

const body = z.optional(
  z.nullable(
    z.object({
      mimeType: z.optional(z.nullable(z.string())),
      text: z.optional(z.nullable(z.string())),
      fileName: z.optional(z.nullable(z.string())),
      params: pairs,
    }),
  ),
);
export type InsomniaBody = z.infer<typeof body>;

const requestFields = {
  name: z.optional(looseText),
  url: z.optional(looseText),
  method: z.optional(z.nullable(z.string())),
  body,
  parameters: pairs,
  pathParameters: pairs,
  headers: pairs,
  authentication: insomniaAuth,
};

const folderFields = {
  name: z.optional(looseText),
  headers: pairs,
  authentication: insomniaAuth,
  /** Folder variables (any JSON), which win over the active environment inside the folder. */
  environment: z.optional(z.unknown()),
};

const environmentFields = {
  name: z.optional(looseText),
  data: z.optional(z.unknown()),
};

// Format 4.

export const v4Export = z.object({
  __export_format: z.number(),
  resources: z.array(z.unknown()),
});

export const v4Resource = z.object({
  _id: z.string(),
  _type: z.string(),
  parentId: z.optional(z.nullable(z.string())),
  metaSortKey: z.optional(z.nullable(z.number())),
  name: z.optional(looseText),
  description: z.optional(z.nullable(z.string())),
});
export type V4Resource = z.infer<typeof v4Resource>;

export const v4Request = z.object(requestFields);
export const v4Folder = z.object(folderFields);
export const v4Environment = z.object(environmentFields);
export type InsomniaRequestFields = z.infer<typeof v4Request>;
export type InsomniaFolderFields = z.infer<typeof v4Folder>;

// Format 5.

const meta = z.optional(
  z.nullable(
    z.object({
      id: z.optional(z.nullable(z.string())),
      description: z.optional(z.nullable(z.string())),
      sortKey: z.optional(z.nullable(z.number())),
    }),
  ),
);

const v5Environment = z.object({ ...environmentFields, meta });

export const v5File = z.object({
  type: z.string(),
  name: z.optional(looseText),
  meta,
  collection: z.optional(z.nullable(z.array(z.unknown()))),
  environments: z.optional(
    z.nullable(
      z.object({
        ...environmentFields,
        meta,
        subEnvironments: z.optional(z.nullable(z.array(v5Environment))),
      }),
    ),
  ),
});

/** A node of `collection`: what tells a request, a folder and the rest apart. */
export const v5Node = z.object({
  name: z.optional(looseText),
  method: z.optional(z.unknown()),
  /** gRPC requests have these and no method. */
  reflectionApi: z.optional(z.unknown()),
  protoMethodName: z.optional(z.unknown()),
  children: z.optional(z.nullable(z.array(z.unknown()))),
  meta,
});

export const v5Request = z.object({ ...requestFields, meta });
export const v5Folder = z.object({ ...folderFields, meta });
