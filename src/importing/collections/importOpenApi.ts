// Imports an OpenAPI 3.x or Swagger 2.0 document — as API Gateway exports an API, JSON or YAML —
// as a collection with one request per route and method. The server URL is filled in with its
// variables' defaults (API Gateway's `{basePath}` is the stage), path parameters become
// `{{name}}` with collection variables, and each route says whether API Gateway checks a SigV4
// signature on it (AWS_IAM): its description starts with AWS_IAM, and a note lists the others.
// Region and service follow the URL's host; where the host does not say them (a custom domain, a
// local gateway), the service is execute-api and the region the one the integrations' ARNs name.
// Never throws.
import {
  COLLECTION_LIMITS,
  type Collection,
  type CollectionItem,
  type SavedFolder,
  type Variable,
} from '../../collections/collectionModel';
import { isCredentialHeader } from '../../request/credentialFields';
import { detectScope } from '../../request/detectScope';
import { checkImportLimits, tooManyRequests } from './checkImportLimits';
import { describeSchemaIssue } from '../../collections/describeSchemaIssue';
import type { ImportedWorkspace, ImportWorkspaceResult } from './importedWorkspace';
import { encodeQueryPart } from './encodeQueryPart';
import { buildSavedRequest, importedName, ImportedRequestTallies } from './importedRequest';
import { NamedTally } from './importNotes';
import {
  ANY_METHOD,
  METHODS,
  openApiDocument,
  operation as operationSchema,
  parameter as parameterSchema,
  pathItem as pathItemSchema,
  securityScheme,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
} from './openApiSchemas';
import { readStructuredText } from './readStructuredText';

/** How API Gateway authorizes a route, as far as the document says. */
type RouteAuth = { iam: true } | { iam: false; kind: string };

/** The region in an API Gateway or Lambda ARN (integration URIs name the API's region). */
const ARN_REGION = /arn:aws[a-z-]*:(?:apigateway|lambda):([a-z]{2}(?:-[a-z]+)+-\d+):/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `{name}` or a greedy `{proxy+}` in a path or server URL. */
const TEMPLATE = /\{([^{}/]{1,200})\}/g;

interface Server {
  /** Without a trailing slash; may hold {{baseUrl}} or {{variables}}. */
  base: string;
  variables: Variable[];
  notes: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A default as text: '' when the document gives none. */
function textValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/** `//` inside the path collapsed: API Gateway's `{basePath}` default is `/prod` after a `/`. */
function collapseSlashes(url: string): string {
  const scheme = SCHEME.exec(url)?.[0] ?? '';
  return scheme + url.slice(scheme.length).replace(/\/{2,}/g, '/');
}

function variable(name: string, value: string): Variable {
  return { name, value, secret: isCredentialHeader(name), enabled: true };
}

function serverOf(doc: OpenApiDocument): Server {
  const notes: string[] = [];
  const variables: Variable[] = [];
  let url: string;
  if (doc.swagger !== undefined) {
    const scheme =
      doc.schemes?.includes('https') || !doc.schemes?.length ? 'https' : doc.schemes[0]!;
    const basePath = doc.basePath ?? '';
    url = doc.host ? `${scheme}://${doc.host}${basePath}` : basePath;
  } else {
    const servers = doc.servers ?? [];
    const first = servers[0];
    if (servers.length > 1)
      notes.push(
        `The document lists ${servers.length} servers; the requests use the first (${first!.url}).`,
      );
    url = (first?.url ?? '').replace(TEMPLATE, (_whole, name: string) => {
      const declared = first?.variables;
      const value = declared && Object.hasOwn(declared, name) ? declared[name]?.default : undefined;
      if (value !== undefined && value !== null) return String(value);
      if (!variables.some((known) => known.name === name)) variables.push(variable(name, ''));
      return `{{${name}}}`;
    });
  }
  url = collapseSlashes(url).replace(/\/+$/, '');
  if (!SCHEME.test(url) && !url.startsWith('{{')) {
    variables.push(variable('baseUrl', ''));
    notes.push(
      'The document names no server with a host: the requests start with {{baseUrl}}; set it in the collection variables (https://…).',
    );
    url = `{{baseUrl}}${url}`;
  }
  return { base: url, variables, notes };
}

/** Follows a local `$ref` (`#/components/parameters/x`, `#/parameters/x`), a few hops at most. */
function resolveParameter(raw: unknown, doc: OpenApiDocument): OpenApiParameter | undefined {
  let current = raw;
  for (let hops = 0; hops < 5; hops++) {
    const parsed = parameterSchema.safeParse(current);
    if (!parsed.success) return undefined;
    const ref = parsed.data.$ref;
    if (ref === undefined) return parsed.data;
    const name = /^#\/(?:components\/parameters|parameters)\/(.+)$/.exec(ref)?.[1];
    const table = ref.startsWith('#/components/') ? doc.components?.parameters : doc.parameters;
    if (name === undefined || table === undefined || table === null) return undefined;
    current = Object.hasOwn(table, name) ? table[name] : undefined;
  }
  return undefined;
}

function exampleOf(parameter: OpenApiParameter): string {
  return textValue(
    parameter.example ??
      parameter.schema?.example ??
      parameter.schema?.default ??
      parameter.default,
  );
}

/** Scheme name → how it authorizes. */
function securitySchemes(doc: OpenApiDocument): Map<string, RouteAuth> {
  const schemes = new Map<string, RouteAuth>();
  const table = doc.components?.securitySchemes ?? doc.securityDefinitions ?? {};
  for (const [name, raw] of Object.entries(table)) {
    const parsed = securityScheme.safeParse(raw);
    if (!parsed.success) continue;
    const authType = parsed.data['x-amazon-apigateway-authtype']?.toLowerCase() ?? '';
    if (authType === 'awssigv4' || authType === 'sigv4') schemes.set(name, { iam: true });
    else if (authType === 'cognito_user_pools')
      schemes.set(name, { iam: false, kind: 'a Cognito user pool' });
    else if (parsed.data['x-amazon-apigateway-authorizer'] !== undefined)
      schemes.set(name, { iam: false, kind: 'a Lambda authorizer' });
    else if (parsed.data.type === 'apiKey') schemes.set(name, { iam: false, kind: 'an API key' });
    else schemes.set(name, { iam: false, kind: parsed.data.type ?? name });
  }
  return schemes;
}

function routeAuth(
  op: OpenApiOperation,
  doc: OpenApiDocument,
  schemes: ReadonlyMap<string, RouteAuth>,
): RouteAuth {
  const explicit = op['x-amazon-apigateway-auth']?.type?.toUpperCase();
  if (explicit === 'AWS_IAM') return { iam: true };
  if (explicit === 'NONE') return { iam: false, kind: 'no authorization' };
  const requirements = op.security ?? doc.security ?? [];
  const used = requirements.flatMap((requirement) => Object.keys(requirement));
  if (used.some((name) => schemes.get(name)?.iam === true)) return { iam: true };
  const other = used.map((name) => schemes.get(name)).find((auth) => auth !== undefined);
  return other ?? { iam: false, kind: 'no authorization' };
}

function bodyOf(
  op: OpenApiOperation,
  parameters: readonly OpenApiParameter[],
  doc: OpenApiDocument,
): { body: string; contentType?: string } {
  const content = op.requestBody?.content;
  if (content !== undefined && content !== null) {
    const types = Object.keys(content);
    const type = types.find((candidate) => /json/i.test(candidate)) ?? types[0];
    if (type === undefined) return { body: '' };
    const media = content[type]!;
    const firstExample = Object.values(media.examples ?? {})[0];
    const example =
      media.example ??
      (isRecord(firstExample) ? firstExample.value : undefined) ??
      media.schema?.example;
    return { body: bodyText(example), contentType: type };
  }
  const bodyParameter = parameters.find((parameter) => parameter.in === 'body');
  if (bodyParameter === undefined) return { body: '' };
  const type = op.consumes?.[0] ?? doc.consumes?.[0] ?? 'application/json';
  return {
    body: bodyText(bodyParameter.schema?.example ?? bodyParameter.example),
    contentType: type,
  };
}

function bodyText(example: unknown): string {
  if (example === undefined || example === null) return '';
  if (typeof example === 'string') return example;
  try {
    return JSON.stringify(example, null, 2) ?? '';
  } catch {
    return '';
  }
}

/** The region the integrations' ARNs name, when they agree on one. */
function integrationRegion(operations: readonly OpenApiOperation[]): string | undefined {
  const regions = new Set<string>();
  for (const op of operations) {
    const uri = textValue(op['x-amazon-apigateway-integration']?.uri).slice(0, 2048);
    const region = ARN_REGION.exec(uri)?.[1];
    if (region !== undefined) regions.add(region);
  }
  return regions.size === 1 ? [...regions][0] : undefined;
}

interface Route {
  path: string;
  method: string;
  op: OpenApiOperation;
  pathParameters: unknown[];
  any: boolean;
}

function readRoutes(
  doc: OpenApiDocument,
): { routes: Route[]; skipped: string[] } | { error: string } {
  const routes: Route[] = [];
  const skipped: string[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    // An HTTP API's catch-all route ($default) answers what no other route does: no path to send.
    if (path === '/$default' || path === '$default') {
      skipped.push(path);
      continue;
    }
    if (!path.startsWith('/')) continue;
    const item = pathItemSchema.safeParse(rawItem);
    if (!item.success)
      return {
        error: `The OpenAPI document is not valid: ${describeSchemaIssue(item.error.issues, rawItem, ['paths', path])}.`,
      };
    for (const [key, rawOp] of Object.entries(rawItem as Record<string, unknown>)) {
      const method = key.toLowerCase();
      const any = key === ANY_METHOD;
      if (!any && !METHODS.includes(method)) continue;
      const op = operationSchema.safeParse(rawOp);
      if (!op.success)
        return {
          error: `The OpenAPI document is not valid: ${describeSchemaIssue(op.error.issues, rawOp, ['paths', path, key])}.`,
        };
      routes.push({
        path,
        method: any ? 'GET' : method.toUpperCase(),
        op: op.data,
        pathParameters: item.data.parameters ?? [],
        any,
      });
      if (routes.length > COLLECTION_LIMITS.maxRequests) return { error: tooManyRequests('more') };
    }
  }
  return { routes, skipped };
}

/** The folder a route goes in: its first tag, else its path's first segment; '' for none. */
function folderName(route: Route): string {
  const tag = route.op.tags?.[0];
  if (tag !== undefined && tag !== null && String(tag).trim() !== '') return String(tag);
  const first = route.path.split('/').find((segment) => segment !== '') ?? '';
  return first.startsWith('{') ? '' : first;
}

export function importOpenApiDocument(value: unknown, newId: () => string): ImportWorkspaceResult {
  if (!looksLikeOpenApi(value))
    return {
      ok: false,
      error:
        'Not an OpenAPI document: it should start with openapi: 3.x (OpenAPI 3) or swagger: "2.0" (Swagger 2).',
    };
  const parsed = openApiDocument.safeParse(value);
  if (!parsed.success)
    return {
      ok: false,
      error: `The OpenAPI document is not valid: ${describeSchemaIssue(parsed.error.issues, value)}.`,
    };
  const doc = parsed.data;
  const read = readRoutes(doc);
  if ('error' in read) return { ok: false, error: read.error };
  if (read.routes.length === 0)
    return { ok: false, error: 'The OpenAPI document has no routes (paths) to import.' };

  const server = serverOf(doc);
  const schemes = securitySchemes(doc);
  const hostScope = detectScope(server.base.replace(/\{\{[^{}]*\}\}/g, 'x'));
  const hostSaysRegion = hostScope.region !== undefined && hostScope.service !== undefined;
  const region = hostSaysRegion
    ? undefined
    : integrationRegion(read.routes.map((route) => route.op));

  const variables: Variable[] = [...server.variables];
  const addVariable = (name: string, value: string) => {
    if (!variables.some((known) => known.name === name)) variables.push(variable(name, value));
  };
  const tallies = new ImportedRequestTallies();
  const iamRoutes = new NamedTally();
  const otherRoutes = new NamedTally();
  const otherKinds = new Set<string>();
  const anyRoutes = new NamedTally();
  const root: CollectionItem[] = [];
  const folders = new Map<string, SavedFolder>();

  for (const route of read.routes) {
    const parameters = new Map<string, OpenApiParameter>();
    for (const raw of [...route.pathParameters, ...(route.op.parameters ?? [])]) {
      const parameter = resolveParameter(raw, doc);
      if (parameter?.name !== undefined)
        parameters.set(`${parameter.in ?? ''}:${parameter.name}`, parameter);
    }
    const all = [...parameters.values()];
    const path = route.path.replace(TEMPLATE, (_whole, raw: string) => {
      const name = raw.endsWith('+') ? raw.slice(0, -1) : raw;
      const declared = all.find((parameter) => parameter.in === 'path' && parameter.name === name);
      addVariable(name, declared === undefined ? '' : exampleOf(declared));
      return `{{${name}}}`;
    });
    const query = all
      .filter((parameter) => parameter.in === 'query' && parameter.required === true)
      .map((parameter) => {
        addVariable(parameter.name!, exampleOf(parameter));
        return `${encodeQueryPart(parameter.name!)}={{${parameter.name!}}}`;
      });
    const headers = all
      .filter((parameter) => parameter.in === 'header' && parameter.required === true)
      .map((parameter) => {
        addVariable(parameter.name!, exampleOf(parameter));
        return { name: parameter.name!, value: `{{${parameter.name!}}}` };
      });
    const body = bodyOf(route.op, all, doc);
    if (body.contentType !== undefined && body.body !== '')
      headers.push({ name: 'Content-Type', value: body.contentType });

    const label = `${route.any ? 'ANY' : route.method} ${route.path}`;
    const name = importedName(route.op.summary ?? route.op.operationId ?? '', label);
    if (route.any) anyRoutes.add(label);
    const auth = routeAuth(route.op, doc, schemes);
    const own = route.op.description?.trim() ?? '';
    let description: string;
    if (auth.iam) {
      iamRoutes.add(label);
      description = own === '' ? 'AWS_IAM' : `AWS_IAM\n\n${own}`;
    } else {
      otherRoutes.add(label);
      otherKinds.add(auth.kind);
      description = `Not AWS_IAM (${auth.kind}): API Gateway checks no signature on this route.${own === '' ? '' : `\n\n${own}`}`;
    }
    const request = buildSavedRequest(
      {
        name,
        method: route.method,
        url: `${server.base}${path}${query.length === 0 ? '' : `?${query.join('&')}`}`,
        headers,
        body: body.body,
        description,
        ...(hostSaysRegion ? {} : { service: 'execute-api' }),
        ...(region === undefined ? {} : { region }),
      },
      newId(),
      tallies,
    );
    const folder = folderName(route);
    if (folder === '') {
      root.push(request);
      continue;
    }
    let saved = folders.get(folder);
    if (saved === undefined) {
      saved = { kind: 'folder', id: newId(), name: importedName(folder, 'Routes'), items: [] };
      folders.set(folder, saved);
      root.push(saved);
    }
    saved.items.push(request);
  }

  const notes = [...server.notes];
  if (iamRoutes.count > 0)
    notes.push(
      `${iamRoutes.count === 1 ? '1 route uses' : `${iamRoutes.count} routes use`} AWS_IAM (${iamRoutes.describe()}): API Gateway checks their SigV4 signature; their descriptions start with AWS_IAM.`,
    );
  else notes.push('No route uses AWS_IAM: API Gateway checks no SigV4 signature on this API.');
  if (otherRoutes.count > 0)
    notes.push(
      `${otherRoutes.describe()} ${otherRoutes.count === 1 ? 'does' : 'do'} not use AWS_IAM (${[...otherKinds].join(', ')}): imported, but ${otherRoutes.count === 1 ? 'it needs' : 'they need'} no signature.`,
    );
  if (anyRoutes.count > 0)
    notes.push(
      `${anyRoutes.describe()} ${anyRoutes.count === 1 ? 'answers' : 'answer'} any method (x-amazon-apigateway-any-method): imported as GET; choose the method you need.`,
    );
  if (read.skipped.length > 0)
    notes.push(
      `The $default route (API Gateway's catch-all) was not imported: it has no path of its own.`,
    );
  if (!hostSaysRegion)
    notes.push(
      region === undefined
        ? 'The server URL does not say the region: the requests sign for execute-api; choose the region the API is in.'
        : `The server URL does not say the region: the requests sign for execute-api in ${region}, the region the integrations' ARNs name.`,
    );
  notes.push(...tallies.notes());

  const collection: Collection = {
    id: newId(),
    name: importedName(textValue(doc.info?.title), 'OpenAPI'),
    variables,
    items: root,
  };
  const about = doc.info?.description?.trim() ?? '';
  if (about !== '') collection.description = about;
  const workspace: ImportedWorkspace = {
    format: doc.swagger !== undefined ? 'Swagger 2.0' : `OpenAPI ${doc.openapi ?? '3'}`,
    collection,
    environments: [],
    notes,
  };
  const problem = checkImportLimits(workspace);
  return problem === undefined ? { ok: true, workspace } : { ok: false, error: problem };
}

export function importOpenApi(text: string, newId: () => string): ImportWorkspaceResult {
  const read = readStructuredText(text, 'The OpenAPI document');
  if (!read.ok) return read;
  return importOpenApiDocument(read.value, newId);
}

/** `openapi: 3.x` or `swagger: "2.0"` at the top (for the import dispatcher). */
export function looksLikeOpenApi(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return (
    (typeof value.openapi === 'string' && value.openapi.startsWith('3.')) || value.swagger === '2.0'
  );
}

/** Whether a YAML text starts an OpenAPI 3 or Swagger 2 document (`openapi: 3…`, `swagger: "2.0"`). */
export function looksLikeOpenApiYaml(text: string): boolean {
  return /^(?:openapi:[ \t]*["']?3\.|swagger:[ \t]*["']?2\.0)/m.test(text.slice(0, 4096));
}
