import type { GatewayConfig, GatewayRoute } from './gatewayConfig';

export interface RouteMatch {
  route: GatewayRoute;
  /** The resource path after the stage, as sent: /hello. */
  resourcePath: string;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Whether a route template (/items/{id}, /{proxy+}) matches these decoded segments. */
function templateMatches(template: string, segments: readonly string[]): boolean {
  const parts = template.split('/').slice(1);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (/^\{[^}]+\+\}$/.test(part))
      return segments.length > i && segments.slice(i).join('/') !== '';
    const segment = segments[i];
    if (segment === undefined) return false;
    if (/^\{[^}]+\}$/.test(part)) {
      if (segment === '') return false;
    } else if (part !== segment) return false;
  }
  return segments.length === parts.length;
}

/**
 * Finds the stage's resource for a raw path. `method` null finds the resource whatever its
 * method (a CORS preflight). API Gateway answers a missing stage, resource or method alike,
 * with "Missing Authentication Token", so callers get only a match or null.
 */
export function matchRoute(
  config: GatewayConfig,
  rawPath: string,
  method: string | null,
): RouteMatch | null {
  let resourcePath = rawPath;
  if (config.stage !== '') {
    const prefix = `/${config.stage}`;
    if (rawPath !== prefix && !rawPath.startsWith(`${prefix}/`)) return null;
    resourcePath = rawPath.slice(prefix.length) || '/';
  }
  const segments = resourcePath.split('/').slice(1).map(decodeSegment);
  for (const route of config.routes) {
    if (method !== null && route.method !== 'ANY' && route.method !== method) continue;
    if (templateMatches(route.path, segments)) return { route, resourcePath };
  }
  return null;
}
