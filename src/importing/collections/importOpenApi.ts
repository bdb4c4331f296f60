// Imports an OpenAPI 3.x or Swagger 2.0 document — as API Gateway exports an API, JSON or YAML —
// as a collection with one request per route and method. The server URL is filled in with its
// variables' defaults (API Gateway's `{basePath}` is the stage), path parameters become
// `{{name}}` with collection variables, and each route says whether API Gateway checks a SigV4
// signature on it (AWS_IAM): its description starts with AWS_IAM, and a note lists the others.
// Region and service follow the URL's host; where the host does not say them (a custom domain, a
// local gateway), the service is execute-api and the region the one the integrations' ARNs name.
// Never throws.
import type { Collection } from '../../collections/collectionModel';
import { describeSchemaIssue } from '../../collections/describeSchemaIssue';
import { detectScope } from '../../request/detectScope';
import { checkImportLimits } from './checkImportLimits';
import { convertRoutes } from './convertOpenApiRoutes';
import type { ImportedWorkspace, ImportWorkspaceResult } from './importedWorkspace';
import { importedName } from './importedRequest';
import { isRecord, valueText } from './jsonValues';
import { integrationRegion, securitySchemes } from './openApiAuth';
import { readRoutes } from './openApiRoutes';
import { openApiDocument } from './openApiSchemas';
import { serverOf } from './openApiServer';
import { readStructuredText } from './readStructuredText';

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

  const { items, variables, tallies, iamRoutes, otherRoutes, otherKinds, anyRoutes } =
    convertRoutes(read.routes, doc, server, schemes, { hostSaysRegion, region }, newId);

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
    name: importedName(valueText(doc.info?.title), 'OpenAPI'),
    variables,
    items,
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
