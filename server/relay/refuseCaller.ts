// The relay's guard. The relay sends whatever it is asked to, wherever (loopback included), so only
// the playground page itself may ask: another site's page must not be able to make it send
// anything, even blind. The checks are the page's endpoints' guard (sameOriginGuard.ts), which
// the collections API sits behind too.
import type { IncomingMessage } from 'node:http';
import { refuseCrossOrigin, type GuardedEndpoint } from '../sameOriginGuard';
import { RelayError } from './relayError';

const RELAY: GuardedEndpoint = { who: 'The relay', methods: ['POST'] };

/**
 * Why this caller may not use the relay served on `appPort`, or undefined when it may: only POST,
 * only addressed to the relay's own host, only from the page at that same address, only JSON.
 */
export function refuseCaller(req: IncomingMessage, appPort: number): RelayError | undefined {
  const refusal = refuseCrossOrigin(req, appPort, RELAY);
  return refusal && new RelayError(refusal.type, refusal.status, refusal.message);
}
