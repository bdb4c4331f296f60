// Connections to targets, kept open between relayed requests. A fresh connection per request
// cost the relay about a third of a millisecond on loopback (a socket to open, a handshake, a
// socket to close on both sides), and every HTTP client a user compares the playground with
// (browsers, curl in one invocation, the SDKs) reuses connections. What the target receives is
// unchanged but for Node's unsigned `Connection: keep-alive`, where it used to add `close`.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * How long an idle connection is kept: under the 5 s after which Node servers (the local
 * gateway among them) close an idle connection, so the relay rarely writes to a connection that
 * the target is closing; when it does, sendUpstream sends once more on a fresh one.
 */
export const IDLE_CONNECTION_MS = 4000;
/** Idle connections kept per target: a user sends a few requests at a time, not hundreds. */
const IDLE_CONNECTIONS_PER_TARGET = 4;

export interface UpstreamAgents {
  http: HttpAgent;
  https: HttpsAgent;
  /** Closes every connection (a relay that stops). Idle ones never keep the process alive. */
  destroy(): void;
}

export function createUpstreamAgents(): UpstreamAgents {
  const options = {
    keepAlive: true,
    // Applied to idle connections only: the agent closes one that has been idle this long.
    timeout: IDLE_CONNECTION_MS,
    maxFreeSockets: IDLE_CONNECTIONS_PER_TARGET,
  };
  const http = new HttpAgent(options);
  const https = new HttpsAgent(options);
  return {
    http,
    https,
    destroy() {
      http.destroy();
      https.destroy();
    },
  };
}
