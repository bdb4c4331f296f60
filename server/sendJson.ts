import type { ServerResponse } from 'node:http';

/**
 * A JSON answer from the playground's own endpoints (relay, collections, gateway policies): never
 * cached, never sniffed as another type, and (unless `sameOriginOnly` is false) not embeddable by
 * another site (an <img> or <script> of this URL). `extra` adds headers (Allow, the relay's mark).
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  extra: Record<string, string> = {},
  sameOriginOnly = true,
): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(sameOriginOnly ? { 'Cross-Origin-Resource-Policy': 'same-origin' } : {}),
    ...extra,
  });
  res.end(body);
}
