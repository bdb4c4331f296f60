// The relay's guard. The relay sends whatever it is asked to, wherever (loopback included), so only
// the playground page itself may ask: another site's page must not be able to make it send
// anything, even blind.
import type { IncomingMessage } from 'node:http';
import { localHosts } from '../localHosts';
import { RelayError } from './relayError';
import { forLog } from './relayText';

/**
 * Why this caller may not use the relay served on `appPort`, or undefined when it may: only POST,
 * only addressed to the relay's own host, only from the page at that same address, only JSON.
 */
export function refuseCaller(req: IncomingMessage, appPort: number): RelayError | undefined {
  if (req.method !== 'POST') {
    return new RelayError(
      'bad-request',
      405,
      `The relay answers only POST requests, not ${forLog(req.method ?? '')}.`,
    );
  }
  const hosts = localHosts(appPort);
  const host = req.headers.host ?? '';
  if (!hosts.has(host)) {
    return new RelayError(
      'forbidden-host',
      403,
      `The relay answers only at ${[...hosts].slice(0, 2).join(' or ')}; open the playground at that address (a different host name can mean DNS rebinding).`,
    );
  }
  // The page's own origin is the address the request came to: a browser sends Origin on every
  // POST, "null" from sandboxed frames and data: URLs.
  const origin = req.headers.origin;
  if (origin !== `http://${host}`) {
    return new RelayError(
      'forbidden-origin',
      403,
      origin === undefined
        ? 'The relay answers only requests from the playground page, and this one has no Origin header; send it from the page.'
        : `The relay answers only requests from the playground page (http://${host}), not from ${forLog(origin)}.`,
    );
  }
  // Browsers that say where a request comes from must say it comes from the page itself.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    return new RelayError(
      'forbidden-origin',
      403,
      `The relay answers only requests from the playground page, and the browser says this one comes from ${forLog(site)}.`,
    );
  }
  // Another site can POST text/plain, form data or nothing without asking (no CORS preflight),
  // never application/json: requiring it keeps every cross-site request a preflighted one,
  // which the relay never allows.
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return new RelayError(
      'bad-request',
      415,
      `The relay takes only Content-Type: application/json, not ${JSON.stringify(forLog(req.headers['content-type'] ?? ''))}.`,
    );
  }
  return undefined;
}
