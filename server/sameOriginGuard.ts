// The guard of the page's own endpoints: the relay (it sends whatever it is asked to, wherever)
// and the collections API (it reads and writes files). Only the playground page itself may use
// them: another site's page must not be able to make them do anything, even blind, nor read
// what they answer.
import type { IncomingMessage } from 'node:http';
import { localHosts } from './localHosts';
import { forLog } from './relay/relayText';

export interface GuardedEndpoint {
  /** Who answers, as the messages name it: "The relay". */
  who: string;
  /** The methods it answers; anything else is a 405. */
  methods: readonly string[];
}

export interface GuardRefusal {
  status: 403 | 405 | 415;
  type: 'forbidden-host' | 'forbidden-origin' | 'bad-request';
  message: string;
}

/** Methods these endpoints take no body with (so no Content-Type to check). */
const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD', 'DELETE']);

/**
 * Why this caller may not use an endpoint served on `appPort`, or undefined when it may: only the
 * endpoint's methods, only addressed to the app's own host, only from the page at that same
 * address, and a body only as JSON.
 */
export function refuseCrossOrigin(
  req: IncomingMessage,
  appPort: number,
  endpoint: GuardedEndpoint,
): GuardRefusal | undefined {
  const { who } = endpoint;
  const method = req.method ?? '';
  if (!endpoint.methods.includes(method)) {
    return {
      status: 405,
      type: 'bad-request',
      message: `${who} answers only ${endpoint.methods.join(', ')} requests, not ${forLog(method)}.`,
    };
  }
  const hosts = localHosts(appPort);
  const host = req.headers.host ?? '';
  if (!hosts.has(host)) {
    return {
      status: 403,
      type: 'forbidden-host',
      message: `${who} answers only at ${[...hosts].slice(0, 2).join(' or ')}; open the playground at that address (a different host name can mean DNS rebinding).`,
    };
  }
  // The page's own origin is the address the request came to: a browser sends Origin on every
  // request but a same-origin GET or HEAD, "null" from sandboxed frames and data: URLs.
  const origin = req.headers.origin;
  const readOnly = method === 'GET' || method === 'HEAD';
  if (origin !== `http://${host}` && !(readOnly && origin === undefined)) {
    return {
      status: 403,
      type: 'forbidden-origin',
      message:
        origin === undefined
          ? `${who} answers only requests from the playground page, and this one has no Origin header; send it from the page.`
          : `${who} answers only requests from the playground page (http://${host}), not from ${forLog(origin)}.`,
    };
  }
  // Browsers that say where a request comes from must say it comes from the page itself. A GET
  // with no Origin from another site (an <img>, a <script>) is stopped here by browsers that send
  // Sec-Fetch-Site; an older one gets an answer it cannot read (no CORS, and the endpoints send
  // Cross-Origin-Resource-Policy: same-origin).
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    return {
      status: 403,
      type: 'forbidden-origin',
      message: `${who} answers only requests from the playground page, and the browser says this one comes from ${forLog(site)}.`,
    };
  }
  // Another site can POST text/plain, form data or nothing without asking (no CORS preflight),
  // never application/json: requiring it keeps every cross-site request with a body a
  // preflighted one, which these endpoints never allow.
  if (!METHODS_WITHOUT_BODY.has(method)) {
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return {
        status: 415,
        type: 'bad-request',
        message: `${who} takes only Content-Type: application/json, not ${JSON.stringify(forLog(req.headers['content-type'] ?? ''))}.`,
      };
    }
  }
  return undefined;
}
