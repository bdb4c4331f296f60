// A collection as a Postman Collection v2.1 file that Postman opens and signs with: AWS Signature
// (awsv4) auth at the collection level, reading the keys from {{accessKey}} and {{secretKey}}
// (never their values unless the user asks in so many words: includeSecrets), the page's default
// region and service there, and a request's own auth where it signs elsewhere or presigns.
//
// Postman must be told a region and service for every request; the playground lets a request
// follow its URL's host. What Postman has no field for (that, the signing options other than
// "add auth data to query", unsigned headers, withheld credential headers) rides beside each
// request in the playground's extension (importing/collections/postmanPlaygroundExtension.ts),
// so importing the file gives back the same collection.
import {
  DEFAULT_SAVED_OPTIONS,
  type Collection,
  type CollectionItem,
  type SavedOptions,
  type SavedRequest,
} from '../collections/collectionModel';
import type { ImportedKeys } from '../importing/collections/importedWorkspace';
import { NamedTally } from '../importing/collections/importNotes';
import {
  PLAYGROUND_EXTENSION_KEY,
  type PlaygroundItemExtension,
  type PlaygroundScopeField,
} from '../importing/collections/postmanPlaygroundExtension';
import { detectScope } from '../request/detectScope';

/** The variables the exported auth reads the keys from. */
export const POSTMAN_KEY_VARIABLES = {
  accessKeyId: 'accessKey',
  secretAccessKey: 'secretKey',
  sessionToken: 'sessionToken',
} as const;

export const POSTMAN_COLLECTION_SCHEMA =
  'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export interface ExportPostmanOptions {
  /**
   * The region and service the page signs with when a request sets none and its URL's host says
   * none (the form's current ones): Postman gets them at the collection level.
   */
  defaults: { region: string; service: string };
  /** The keys have a session token: the auth then sends {{sessionToken}} too. */
  sessionToken?: boolean;
  /**
   * Only when the user asked for it in so many words: secret variables keep their values, and
   * `keys` become the values of the collection's accessKey/secretKey/sessionToken variables.
   */
  includeSecrets?: { keys?: ImportedKeys };
}

export interface PostmanExport {
  /** `<name>.postman_collection.json`, as Postman names its exports. */
  fileName: string;
  /** The Collection v2.1 JSON, indented as Postman writes it. */
  text: string;
  /** What Postman will do differently, one sentence each. */
  notes: string[];
}

interface PostmanAttribute {
  key: string;
  value: string | boolean;
  type: 'string' | 'boolean';
}

interface Context {
  options: ExportPostmanOptions;
  sessionToken: boolean;
  unsignedHeaders: NamedTally;
  withheldHeaders: NamedTally;
  playgroundOptions: NamedTally;
  /** Requests that sign with a named AWS profile: Postman has none, so the name is not exported. */
  profiles: NamedTally;
}

/** Postman drops the body of these methods unless told not to (protocolProfileBehavior). */
const BODY_PRUNED_METHODS = new Set(['GET', 'HEAD', 'COPY', 'PURGE', 'UNLOCK']);

function awsv4Auth(
  scope: { region: string; service: string; presigned: boolean },
  context: Context,
): { type: 'awsv4'; awsv4: PostmanAttribute[] } {
  const variable = (name: string): string => `{{${name}}}`;
  const attributes: PostmanAttribute[] = [
    { key: 'accessKey', value: variable(POSTMAN_KEY_VARIABLES.accessKeyId), type: 'string' },
    { key: 'secretKey', value: variable(POSTMAN_KEY_VARIABLES.secretAccessKey), type: 'string' },
  ];
  if (context.sessionToken)
    attributes.push({
      key: 'sessionToken',
      value: variable(POSTMAN_KEY_VARIABLES.sessionToken),
      type: 'string',
    });
  attributes.push(
    { key: 'region', value: scope.region, type: 'string' },
    { key: 'service', value: scope.service, type: 'string' },
    { key: 'addAuthDataToQuery', value: scope.presigned, type: 'boolean' },
  );
  return { type: 'awsv4', awsv4: attributes };
}

/** The options Postman has no field for, where they differ from the signer's defaults. */
function playgroundOptions(options: SavedOptions): PlaygroundItemExtension['options'] {
  const differing: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SAVED_OPTIONS) as (keyof SavedOptions)[]) {
    if (key !== 'mode' && options[key] !== DEFAULT_SAVED_OPTIONS[key])
      differing[key] = options[key];
  }
  return Object.keys(differing).length === 0
    ? undefined
    : (differing as PlaygroundItemExtension['options']);
}

interface PostmanScope {
  region: string;
  service: string;
  /** The playground's own value, where Postman's reading of what is written would differ. */
  kept: Pick<PlaygroundItemExtension, 'region' | 'service'>;
}

/** What Postman signs this request for, and what the playground keeps beside it. */
function scopeOf(request: SavedRequest, context: Context): PostmanScope {
  const host =
    request.region === undefined || request.service === undefined
      ? detectScope(request.url)
      : undefined;
  const region = request.region ?? host?.region ?? context.options.defaults.region;
  const service = request.service ?? host?.service ?? context.options.defaults.service;
  // Postman's reading of a written value: set by hand, or not set when empty.
  const differs = (own: string | undefined, written: string) =>
    own === undefined || own !== written || written === '';
  const field = (own: string | undefined, written: string): PlaygroundScopeField => ({
    value: own ?? null,
    written,
  });
  return {
    region,
    service,
    kept: {
      ...(differs(request.region, region) ? { region: field(request.region, region) } : {}),
      ...(differs(request.service, service) ? { service: field(request.service, service) } : {}),
    },
  };
}

function exportRequest(request: SavedRequest, context: Context): Record<string, unknown> {
  const { defaults } = context.options;
  const scope = scopeOf(request, context);
  const presigned = request.options.mode === 'query';
  const ownAuth =
    presigned || scope.region !== defaults.region || scope.service !== defaults.service;

  const unsignedHeaders: number[] = [];
  const withheldHeaders: number[] = [];
  const header = request.headers.map((row, index) => {
    if (!row.signed) unsignedHeaders.push(index);
    // A withheld credential goes disabled: Postman would otherwise send it empty.
    if (row.withheld === true) withheldHeaders.push(index);
    return {
      key: row.name,
      value: row.value,
      type: 'text',
      ...(row.withheld === true ? { disabled: true } : {}),
    };
  });
  if (unsignedHeaders.length > 0) context.unsignedHeaders.add(request.name);
  if (withheldHeaders.length > 0) context.withheldHeaders.add(request.name);

  const options = playgroundOptions(request.options);
  if (options !== undefined) context.playgroundOptions.add(request.name);
  if (request.profile !== undefined && request.profile !== '') context.profiles.add(request.name);
  const extension: PlaygroundItemExtension = {
    ...(options === undefined ? {} : { options }),
    ...scope.kept,
    ...(unsignedHeaders.length === 0 ? {} : { unsignedHeaders }),
    ...(withheldHeaders.length === 0 ? {} : { withheldHeaders }),
  };

  const json = request.headers.some(
    (row) => row.name.trim().toLowerCase() === 'content-type' && /json/i.test(row.value),
  );
  const body =
    request.body === ''
      ? undefined
      : {
          mode: 'raw',
          raw: request.body,
          ...(json ? { options: { raw: { language: 'json' } } } : {}),
        };
  const pruned = body !== undefined && BODY_PRUNED_METHODS.has(request.method.toUpperCase());
  return {
    name: request.name,
    // Written even when empty: it tells the importer the file is the playground's own.
    [PLAYGROUND_EXTENSION_KEY]: extension,
    ...(pruned ? { protocolProfileBehavior: { disableBodyPruning: true } } : {}),
    request: {
      ...(ownAuth
        ? { auth: awsv4Auth({ region: scope.region, service: scope.service, presigned }, context) }
        : {}),
      method: request.method,
      header,
      ...(body === undefined ? {} : { body }),
      url: request.url,
      ...(request.description === undefined ? {} : { description: request.description }),
    },
    response: [],
  };
}

/** Items are as deep as COLLECTION_LIMITS.maxDepth at most (the model is validated on the way in). */
function exportItems(
  items: readonly CollectionItem[],
  context: Context,
): Record<string, unknown>[] {
  return items.map((item) =>
    item.kind === 'request'
      ? exportRequest(item, context)
      : { name: item.name, item: exportItems(item.items, context) },
  );
}

function variables(
  collection: Collection,
  options: ExportPostmanOptions,
  secretVariables: NamedTally,
) {
  const withSecrets = options.includeSecrets !== undefined;
  const exported = collection.variables.map((variable) => {
    if (variable.secret && !withSecrets && variable.value !== '')
      secretVariables.add(variable.name);
    return {
      key: variable.name,
      value: variable.secret && !withSecrets ? '' : variable.value,
      type: variable.secret ? 'secret' : 'string',
      ...(variable.enabled ? {} : { disabled: true }),
    };
  });
  const keys = options.includeSecrets?.keys;
  if (keys !== undefined) {
    const values: [string, string | undefined][] = [
      [POSTMAN_KEY_VARIABLES.accessKeyId, keys.accessKeyId],
      [POSTMAN_KEY_VARIABLES.secretAccessKey, keys.secretAccessKey],
      [POSTMAN_KEY_VARIABLES.sessionToken, keys.sessionToken],
    ];
    for (const [name, value] of values) {
      if (value === undefined) continue;
      const existing = exported.find((variable) => variable.key === name);
      if (existing !== undefined) Object.assign(existing, { value, type: 'secret' });
      else exported.push({ key: name, value, type: 'secret' });
    }
  }
  return exported;
}

/** A file name Postman and every file system accept. */
function fileNameOf(name: string): string {
  const safe = name
    .replace(/[^A-Za-z0-9 ._-]+/g, '_')
    .replace(/^[ ._]+|[ .]+$/g, '')
    .slice(0, 100);
  return `${safe === '' ? 'collection' : safe}.postman_collection.json`;
}

export function exportPostmanCollection(
  collection: Collection,
  options: ExportPostmanOptions,
): PostmanExport {
  const context: Context = {
    options,
    sessionToken:
      options.sessionToken === true || options.includeSecrets?.keys?.sessionToken !== undefined,
    unsignedHeaders: new NamedTally(),
    withheldHeaders: new NamedTally(),
    playgroundOptions: new NamedTally(),
    profiles: new NamedTally(),
  };
  const secretVariables = new NamedTally();
  const file = {
    info: {
      name: collection.name,
      ...(collection.description === undefined ? {} : { description: collection.description }),
      schema: POSTMAN_COLLECTION_SCHEMA,
    },
    item: exportItems(collection.items, context),
    auth: awsv4Auth({ ...options.defaults, presigned: false }, context),
    variable: variables(collection, options, secretVariables),
  };

  const keyNames = [
    POSTMAN_KEY_VARIABLES.accessKeyId,
    POSTMAN_KEY_VARIABLES.secretAccessKey,
    ...(context.sessionToken ? [POSTMAN_KEY_VARIABLES.sessionToken] : []),
  ].map((name) => `{{${name}}}`);
  const notes: string[] = [
    options.includeSecrets?.keys !== undefined
      ? `The file holds your AWS keys, as the collection's secret variables ${keyNames.join(', ')}: share it with care.`
      : `Postman reads the AWS keys from ${keyNames.join(', ')}: define them in a Postman environment (type secret). The file holds no key.`,
  ];
  if (secretVariables.count > 0)
    notes.push(
      `Secret variables are exported without their values: ${secretVariables.describe()}.`,
    );
  if (context.withheldHeaders.count > 0)
    notes.push(
      `Credential headers whose values were withheld are exported disabled and empty: ${context.withheldHeaders.describe()}.`,
    );
  if (context.unsignedHeaders.count > 0)
    notes.push(
      `Postman signs every header it sends, including those ${context.unsignedHeaders.describe()} send unsigned here.`,
    );
  if (context.playgroundOptions.count > 0)
    notes.push(
      `Postman's AWS Signature has no SigV4A, unsigned payload, expiry or S3 settings: those of ${context.playgroundOptions.describe()} are kept for the playground only.`,
    );
  if (context.profiles.count > 0)
    notes.push(
      `Postman has no AWS profiles: ${context.profiles.describe()} sign with Postman's AWS key variables instead of the profile named here.`,
    );
  return {
    fileName: fileNameOf(collection.name),
    text: `${JSON.stringify(file, null, 2)}\n`,
    notes,
  };
}
