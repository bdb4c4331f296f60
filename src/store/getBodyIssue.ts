// A body with GET or HEAD: signing it is fine, sending it depends on who sends. A browser cannot
// (fetch refuses), the relay sends it as signed, and then it is up to the server and what stands
// in front of it.
import type { ValidationIssue } from '../signing';
import type { TransportMode } from '../transport/sendRequest';

const NO_BODY_METHODS = new Set(['GET', 'HEAD']);

/** The issue of a body with GET or HEAD for this transport, or none. */
export function getBodyIssue(
  method: string,
  hasBody: boolean,
  transport: TransportMode,
): ValidationIssue | undefined {
  const upper = method.trim().toUpperCase();
  if (!hasBody || !NO_BODY_METHODS.has(upper)) return undefined;
  return transport === 'direct'
    ? {
        field: 'body',
        severity: 'warning',
        message: `A browser cannot send a body with ${upper}, so Send (direct) will refuse to send it: remove the body, or send through the relay, which sends it as signed.`,
      }
    : {
        field: 'body',
        severity: 'info',
        message: `The relay sends this body with ${upper}, as signed. Some servers and proxies drop or refuse a ${upper} body (CloudFront, in front of edge-optimized API Gateway APIs, answers 403), and the signature then fails.`,
      };
}
