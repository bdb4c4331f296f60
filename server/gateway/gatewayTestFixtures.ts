// Who calls the gateway in its tests and when: the identities of gateway.config.json and the
// pinned clock most tests sign and answer at.
import type { Credentials } from '../../src/signing';
import { loadGatewayConfig, type GatewayConfig, type GatewayIdentity } from './gatewayConfig';

export const DEFAULT_CONFIG = loadGatewayConfig();

function identity(name: string): GatewayIdentity {
  const found = DEFAULT_CONFIG.identities.find((entry) => entry.name === name);
  if (!found) throw new Error(`gateway.config.json has no identity "${name}"`);
  return found;
}

export const DEMO = identity('demo');
export const ADMIN = identity('admin');
export const TEMP = identity('temp');
export const TEMP_TOKEN = TEMP.sessionToken!;

export const keysOf = (who: GatewayIdentity, sessionToken?: string): Credentials => ({
  accessKeyId: who.accessKeyId,
  secretAccessKey: who.secretAccessKey,
  ...(sessionToken === undefined ? {} : { sessionToken }),
});

/** The pinned clock of most gateways here, and the instant requests are signed at. */
export const NOW = Date.parse('2026-01-15T10:20:30Z');
export const NOW_AMZ = '20260115T102030Z';

export function identityIn(config: GatewayConfig, name: string): GatewayIdentity {
  const found = config.identities.find((entry) => entry.name === name);
  if (!found) throw new Error(`no identity ${name}`);
  return found;
}
