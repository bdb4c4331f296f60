// The routes of an OpenAPI document: one per path and method (API Gateway's
// x-amazon-apigateway-any-method included), each checked against the schema, at most
// COLLECTION_LIMITS.maxRequests; and the folder each goes in.
import { COLLECTION_LIMITS } from '../../collections/collectionModel';
import { describeSchemaIssue } from '../../collections/describeSchemaIssue';
import { tooManyRequests } from './checkImportLimits';
import {
  ANY_METHOD,
  METHODS,
  operation as operationSchema,
  pathItem as pathItemSchema,
  type OpenApiDocument,
  type OpenApiOperation,
} from './openApiSchemas';

export interface Route {
  path: string;
  method: string;
  op: OpenApiOperation;
  pathParameters: unknown[];
  any: boolean;
}

export function readRoutes(
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
export function folderName(route: Route): string {
  const tag = route.op.tags?.[0];
  if (tag !== undefined && tag !== null && String(tag).trim() !== '') return String(tag);
  const first = route.path.split('/').find((segment) => segment !== '') ?? '';
  return first.startsWith('{') ? '' : first;
}
