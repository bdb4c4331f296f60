import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The file a path names inside root, if it is a regular file there: never outside root, not
 * through `..` (decoded or not) nor through a symbolic link pointing out; never a directory, so
 * nothing is ever listed.
 */
async function fileInside(root: string, pathname: string): Promise<string | undefined> {
  const candidate = normalize(join(root, pathname));
  try {
    const [real, realRoot] = await Promise.all([realpath(candidate), realpath(root)]);
    if (!real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    // Missing, unreadable, or a name the file system refuses (a NUL byte): not a file here.
    return undefined;
  }
}

/**
 * Serves the built app from `root`: files by path (never outside root), index.html for every
 * other top-level GET so the single-page app owns its URLs. The page's asset URLs are relative
 * (built to work under any sub-path), so a deeper path that is no file is sent to the page at `/`
 * (query kept) rather than served a page whose assets would resolve under that path. Hashed assets are cached for good; the page
 * itself never, so a rebuild shows at once. The security headers are the caller's
 * (playgroundServer.ts sets them on every response).
 */
export function createStaticHandler(
  root: string,
  {
    indexPage,
  }: {
    /** The page to serve instead of index.html (firstViewPage.ts), when there is one. */
    indexPage?: () => Promise<string | undefined>;
  } = {},
) {
  return async function serveStatic(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    let search: string;
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      pathname = decodeURIComponent(url.pathname);
      search = url.search;
    } catch {
      response.writeHead(400).end();
      return;
    }
    const found = await fileInside(root, pathname);
    if (found === undefined && pathname.lastIndexOf('/') > 0) {
      // Same origin, always: '/' and the query as the URL parser encoded it.
      response.writeHead(302, { Location: `/${search}`, 'Cache-Control': 'no-cache' }).end();
      return;
    }
    const file = found ?? join(root, 'index.html');
    const page = file === join(root, 'index.html') ? await indexPage?.() : undefined;
    if (page !== undefined) {
      // It carries a signature made when it was rendered: never kept by the browser.
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES['.html']!,
        'Cache-Control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : page);
      return;
    }
    let contents: Buffer;
    try {
      contents = await readFile(file);
    } catch {
      response
        .writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('The app is not built: run npm run build (npm start does it for you).');
      return;
    }
    const immutable = file.includes(`${sep}assets${sep}`);
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : contents);
  };
}
