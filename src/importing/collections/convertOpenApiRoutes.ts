// Operations → requests: each route's URL (server base, path parameters as `{{name}}`, required
// query parameters), required headers and body example, described by whether API Gateway checks
// its signature (AWS_IAM), in a folder per tag or first path segment.
import type { CollectionItem, SavedFolder, Variable } from '../../collections/collectionModel';
import { encodeQueryPart } from './encodeQueryPart';
import { buildSavedRequest, importedName, ImportedRequestTallies } from './importedRequest';
import { NamedTally } from './importNotes';
import { routeAuth, type RouteAuth } from './openApiAuth';
import { bodyOf, exampleOf, resolveParameter } from './openApiParameters';
import { folderName, type Route } from './openApiRoutes';
import type { OpenApiDocument, OpenApiParameter } from './openApiSchemas';
import { TEMPLATE, variable, type Server } from './openApiServer';

export interface OpenApiRequests {
  items: CollectionItem[];
  /** The server's variables, then one per path, query and header parameter. */
  variables: Variable[];
  tallies: ImportedRequestTallies;
  iamRoutes: NamedTally;
  otherRoutes: NamedTally;
  otherKinds: Set<string>;
  anyRoutes: NamedTally;
}

export function convertRoutes(
  routes: readonly Route[],
  doc: OpenApiDocument,
  server: Server,
  schemes: ReadonlyMap<string, RouteAuth>,
  /** Whether the host says region and service; else the region the integrations name, if any. */
  scope: { hostSaysRegion: boolean; region: string | undefined },
  newId: () => string,
): OpenApiRequests {
  const { hostSaysRegion, region } = scope;
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

  for (const route of routes) {
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
  return { items: root, variables, tallies, iamRoutes, otherRoutes, otherKinds, anyRoutes };
}
