import { describe, expect, it } from 'vitest';
import { parseGatewayConfig, type GatewayRoute } from './gatewayConfig';
import { matchRoute } from './matchRoute';
import { normalizeRequestPath } from './normalizeRequestPath';

function configWith(stage: string, routes: GatewayRoute[]) {
  return parseGatewayConfig({
    apiId: 'api',
    region: 'us-east-1',
    account: '111122223333',
    stage,
    routes,
  });
}

/**
 * The matched route's path and the resource path, or null: what a test wants to see. The path
 * goes through normalizeRequestPath first, as in the gateway.
 */
function match(config: ReturnType<typeof configWith>, rawPath: string, method: string | null) {
  const requestPath = normalizeRequestPath(rawPath);
  const found = requestPath === null ? null : matchRoute(config, requestPath, method);
  return (
    found && {
      route: `${found.route.method} ${found.route.path}`,
      resourcePath: found.resourcePath,
    }
  );
}

describe('matchRoute', () => {
  const hello = configWith('prod', [
    { method: 'POST', path: '/hello', handler: 'hello' },
    { method: 'GET', path: '/hello', handler: 'hello' },
  ]);

  describe('stage', () => {
    it('strips the stage and reports the resource path after it', () => {
      expect(match(hello, '/prod/hello', 'POST')).toEqual({
        route: 'POST /hello',
        resourcePath: '/hello',
      });
      expect(match(hello, '/prod/hello', 'GET')).toEqual({
        route: 'GET /hello',
        resourcePath: '/hello',
      });
    });

    it('answers null for another stage, a missing stage, or a stage that only starts alike', () => {
      expect(match(hello, '/dev/hello', 'GET')).toBeNull();
      expect(match(hello, '/hello', 'GET')).toBeNull();
      expect(match(hello, '/prodx/hello', 'GET')).toBeNull();
      expect(match(hello, '/PROD/hello', 'GET')).toBeNull();
      expect(match(hello, '', 'GET')).toBeNull();
    });

    it("maps the stage itself ('/prod', '/prod/') to the resource '/'", () => {
      const root = configWith('prod', [{ method: 'GET', path: '/', handler: 'echo' }]);
      expect(match(root, '/prod', 'GET')).toEqual({ route: 'GET /', resourcePath: '/' });
      expect(match(root, '/prod/', 'GET')).toEqual({ route: 'GET /', resourcePath: '/' });
      expect(match(root, '/prod/x', 'GET')).toBeNull();
    });

    it("with stage '' (an API mapped at the root) uses the whole path", () => {
      const rootApi = configWith('', [
        { method: 'ANY', path: '/{proxy+}', handler: 'echo' },
        { method: 'ANY', path: '/', handler: 'echo' },
      ]);
      expect(match(rootApi, '/', 'GET')).toEqual({ route: 'ANY /', resourcePath: '/' });
      expect(match(rootApi, '/example/..', 'GET')).toEqual({ route: 'ANY /', resourcePath: '/' });
      expect(match(rootApi, '//', 'GET')).toEqual({ route: 'ANY /', resourcePath: '/' });
      expect(match(rootApi, '/prod/hello', 'POST')).toEqual({
        route: 'ANY /{proxy+}',
        resourcePath: '/prod/hello',
      });
    });
  });

  describe('method', () => {
    it('answers null for a method no route of the resource has', () => {
      expect(match(hello, '/prod/hello', 'DELETE')).toBeNull();
      expect(match(hello, '/prod/hello', 'OPTIONS')).toBeNull();
    });

    it('lets ANY match every method', () => {
      const any = configWith('prod', [{ method: 'ANY', path: '/hello', handler: 'hello' }]);
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']) {
        expect(match(any, '/prod/hello', method)).toEqual({
          route: 'ANY /hello',
          resourcePath: '/hello',
        });
      }
    });

    it('finds the resource whatever its method when the method is null (CORS preflight)', () => {
      expect(match(hello, '/prod/hello', null)).toEqual({
        route: 'POST /hello',
        resourcePath: '/hello',
      });
      expect(match(hello, '/prod/nope', null)).toBeNull();
    });
  });

  describe('resource path', () => {
    it('compares literal segments exactly (case-sensitive; a trailing slash is dropped)', () => {
      expect(match(hello, '/prod/Hello', 'GET')).toBeNull();
      expect(match(hello, '/prod/hello/', 'GET')).toEqual({
        route: 'GET /hello',
        resourcePath: '/hello',
      });
      expect(match(hello, '/prod/hello/x', 'GET')).toBeNull();
      expect(match(hello, '/prod/nope', 'GET')).toBeNull();
    });

    it('compares percent-decoded segments, and reports the resource path decoded', () => {
      expect(match(hello, '/prod/hell%6F', 'GET')).toEqual({
        route: 'GET /hello',
        resourcePath: '/hello',
      });
      expect(match(hello, '/prod/x/../hello', 'GET')).toEqual({
        route: 'GET /hello',
        resourcePath: '/hello',
      });
      expect(match(hello, '/prod/%zz', 'GET')).toBeNull();
    });

    it('lets {param} match exactly one non-empty segment', () => {
      const items = configWith('prod', [{ method: 'GET', path: '/items/{id}', handler: 'echo' }]);
      expect(match(items, '/prod/items/7', 'GET')).toEqual({
        route: 'GET /items/{id}',
        resourcePath: '/items/7',
      });
      expect(match(items, '/prod/items/a%2Fb', 'GET')).toEqual({
        route: 'GET /items/{id}',
        resourcePath: '/items/a%2Fb',
      });
      expect(match(items, '/prod/items/', 'GET')).toBeNull();
      expect(match(items, '/prod/items', 'GET')).toBeNull();
      expect(match(items, '/prod/items/7/parts', 'GET')).toBeNull();
    });

    it('lets {param} sit between literal segments', () => {
      const parts = configWith('prod', [
        { method: 'GET', path: '/items/{id}/parts', handler: 'echo' },
      ]);
      expect(match(parts, '/prod/items/7/parts', 'GET')).not.toBeNull();
      expect(match(parts, '/prod/items/7/other', 'GET')).toBeNull();
      expect(match(parts, '/prod/items//parts', 'GET')).toBeNull();
    });

    it('lets {proxy+} match one or more segments, but not nothing', () => {
      const proxy = configWith('prod', [
        { method: 'ANY', path: '/files/{proxy+}', handler: 'echo' },
      ]);
      expect(match(proxy, '/prod/files/a', 'GET')).not.toBeNull();
      expect(match(proxy, '/prod/files/a/b/c', 'PUT')).toEqual({
        route: 'ANY /files/{proxy+}',
        resourcePath: '/files/a/b/c',
      });
      expect(match(proxy, '/prod/files/a/', 'GET')).not.toBeNull();
      expect(match(proxy, '/prod/files/', 'GET')).toBeNull();
      expect(match(proxy, '/prod/files', 'GET')).toBeNull();
      expect(match(proxy, '/prod/other/a', 'GET')).toBeNull();
    });

    it("lets a root {proxy+} take every path but '/', which needs its own '/' route", () => {
      const proxyOnly = configWith('', [{ method: 'ANY', path: '/{proxy+}', handler: 'echo' }]);
      expect(match(proxyOnly, '/a', 'GET')).not.toBeNull();
      expect(match(proxyOnly, '/', 'GET')).toBeNull();
    });

    it('takes the first route that matches, in configuration order', () => {
      const both = configWith('prod', [
        { method: 'GET', path: '/items/{id}', handler: 'echo' },
        { method: 'GET', path: '/items/special', handler: 'hello' },
      ]);
      expect(match(both, '/prod/items/special', 'GET')?.route).toBe('GET /items/{id}');
    });
  });
});
