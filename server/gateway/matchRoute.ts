import type { GatewayConfig, GatewayRoute } from './gatewayConfig';

export interface RouteMatch {
  route: GatewayRoute;
  /** The resource path after the stage, from the normalized request path: /hello. */
  resourcePath: string;
}

const GREEDY = /^\{[^}]+\+\}$/;
const PARAMETER = /^\{[^}]+\}$/;

/** Whether a route template (/items/{id}, /{proxy+}) matches these segments. */
function templateMatches(template: string, segments: readonly string[]): boolean {
  const parts = template.split('/').slice(1);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (GREEDY.test(part)) return segments.length > i && segments.slice(i).join('/') !== '';
    const segment = segments[i];
    if (segment === undefined) return false;
    if (PARAMETER.test(part)) {
      if (segment === '') return false;
    } else if (part !== segment) return false;
  }
  return segments.length === parts.length;
}

/**
 * Finds the stage's resource for a request path as normalizeRequestPath gives it (decoded,
 * dot segments resolved: matching never decodes again, so the route and the resource ARN come
 * from the same path). `method` null finds the resource whatever its method (a CORS
 * preflight). API Gateway answers a missing stage, resource or method alike, with "Missing
 * Authentication Token", so callers get only a match or null.
 */
export function matchRoute(
  config: GatewayConfig,
  requestPath: string,
  method: string | null,
): RouteMatch | null {
  let resourcePath = requestPath;
  if (config.stage !== '') {
    const prefix = `/${config.stage}`;
    if (requestPath !== prefix && !requestPath.startsWith(`${prefix}/`)) return null;
    resourcePath = requestPath.slice(prefix.length) || '/';
  }
  const segments = resourcePath.split('/').slice(1);
  for (const route of config.routes) {
    if (method !== null && route.method !== 'ANY' && route.method !== method) continue;
    if (templateMatches(route.path, segments)) return { route, resourcePath };
  }
  return null;
}

/** The methods a resource answers: those of every route with the matched route's template. */
export function resourceMethods(config: GatewayConfig, match: RouteMatch): string[] {
  return config.routes
    .filter((route) => route.path === match.route.path)
    .map((route) => route.method);
}
