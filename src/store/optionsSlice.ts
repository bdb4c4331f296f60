import { DEFAULT_GATEWAY_URL } from '../request/defaults';
import { DEFAULT_SAVED_OPTIONS } from '../collections/collectionModel';
import type { OptionsFields, OptionsSlice, StoreSet } from './playgroundState';

export function defaultOptionsFields(): OptionsFields {
  return {
    ...DEFAULT_SAVED_OPTIONS,
    transport: null,
    gatewayUrl: DEFAULT_GATEWAY_URL,
    relayAvailable: null,
    clockOffsetSeconds: 0,
  };
}

/**
 * The URL pointed at the new gateway base when it pointed at the old one. The server may run the
 * gateway on another port than last time (GATEWAY_PORT); a URL elsewhere is the user's and stays.
 */
export function rebaseGatewayUrl(url: string, oldBase: string, newBase: string): string {
  if (oldBase === newBase) return url;
  if (url === oldBase) return newBase;
  const rest = url.slice(oldBase.length);
  return url.startsWith(oldBase) && /^[/?#]/.test(rest) ? newBase + rest : url;
}

export function createOptionsSlice(set: StoreSet): OptionsSlice {
  return {
    ...defaultOptionsFields(),
    setField: (key, value) => set((state) => ({ options: { ...state.options, [key]: value } })),
    applyPlaygroundConfig: ({ gatewayUrl, relay }) =>
      set((state) => ({
        options: { ...state.options, gatewayUrl, relayAvailable: relay },
        request: {
          ...state.request,
          url: rebaseGatewayUrl(state.request.url, state.options.gatewayUrl, gatewayUrl),
        },
      })),
  };
}
