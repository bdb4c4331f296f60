// What the page starts with: the local API Gateway that `npm start` runs, and its identities.

/** The local gateway's stage URL under `npm start`; routes (/hello) go after it. */
export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:5174/prod';
/** The region the local gateway plays (its host, 127.0.0.1, says none). */
export const LOCAL_GATEWAY_REGION = 'ca-central-1';
/** The signing name the local gateway checks: API Gateway's. */
export const LOCAL_GATEWAY_SERVICE = 'execute-api';

/** Where `npm start` tells the page its gateway URL and that the relay is there (server side). */
export const PLAYGROUND_CONFIG_URL = '/playground-config.json';
/**
 * The page asks for it relative to itself: served by npm start at /, it is the URL above; hosted
 * statically under a sub-path (/tools/sigv4/), it is looked for there, is absent, and the page
 * falls back to direct mode.
 */
const PLAYGROUND_CONFIG_REQUEST = PLAYGROUND_CONFIG_URL.slice(1);

export interface PlaygroundConfig {
  /** The local gateway's stage URL, without a trailing slash. */
  gatewayUrl: string;
  /** Whether the page was served with the relay (npm start), so relay mode can work. */
  relay: boolean;
  /**
   * Whether the server keeps collections as files (`--collections DIR`), so the page can read and
   * write them through /api/collections (transport/collectionsClient.ts).
   */
  collectionsDir: boolean;
}

const FALLBACK: PlaygroundConfig = {
  gatewayUrl: DEFAULT_GATEWAY_URL,
  relay: false,
  collectionsDir: false,
};

/**
 * Reads /playground-config.json. Under `vite dev` it is missing (404, or the app's index.html
 * from the SPA fallback), so anything that is not the expected JSON gives the default gateway URL
 * and no relay. Never throws.
 */
export async function loadPlaygroundConfig(
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<PlaygroundConfig> {
  try {
    const response = await fetchImpl(PLAYGROUND_CONFIG_REQUEST, { cache: 'no-store' });
    if (!response.ok) return FALLBACK;
    const config = (await response.json()) as Partial<Record<keyof PlaygroundConfig, unknown>>;
    if (typeof config !== 'object' || config === null) return FALLBACK;
    return {
      gatewayUrl:
        typeof config.gatewayUrl === 'string' && /^https?:\/\//.test(config.gatewayUrl)
          ? config.gatewayUrl.replace(/\/+$/, '')
          : DEFAULT_GATEWAY_URL,
      relay: config.relay === true,
      collectionsDir: config.collectionsDir === true,
    };
  } catch {
    return FALLBACK;
  }
}

export interface LocalIdentity {
  name: 'demo' | 'admin' | 'temp';
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary (ASIA…) keys only. */
  sessionToken?: string;
  /** What the local gateway's policy lets it invoke. */
  may: 'POST only' | 'everything';
}

/**
 * The local gateway's identities (server/gateway/gateway.config.json; a unit test keeps them in
 * step). AWS's documented example keys and a made-up token: public, and fine in the bundle.
 */
export const LOCAL_IDENTITIES: readonly LocalIdentity[] = [
  {
    name: 'demo',
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    may: 'POST only',
  },
  {
    name: 'admin',
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    may: 'everything',
  },
  {
    name: 'temp',
    accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
    sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDPLAYGROUNDSESSION+TOKEN=',
    may: 'everything',
  },
];
