import { base64ToBytes, bytesToBase64 } from '../transport/base64';
import { readSnapshot } from './persistence';
import type { PlaygroundState, RequestSnapshot } from './playgroundState';
import { takeSnapshot } from './requestSnapshot';
import { selectSigningPlan } from './selectSigningPlan';

/** A share link carries text bodies up to 8 KiB (of UTF-8): links much longer break in chat apps. */
export const MAX_SHARED_BODY_BYTES = 8 * 1024;
export const SHARE_PREFIX = '#share=';

function toBase64Url(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  return new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(padded));
}

/**
 * The fragment (`#share=` + base64url JSON) that carries a snapshot. A snapshot holds no secret
 * (requestSnapshot.ts); the fragment never reaches a server, not even this page's.
 */
export function encodeShareFragment(snapshot: RequestSnapshot): string {
  return SHARE_PREFIX + toBase64Url(JSON.stringify({ v: 1, ...snapshot }));
}

/** The snapshot in a `#share=` fragment, or null when there is none or it is damaged. */
export function decodeShareFragment(hash: string): RequestSnapshot | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(hash.slice(SHARE_PREFIX.length)));
    return readSnapshot(parsed);
  } catch {
    return null;
  }
}

/** The share fragment for the form as it is now: region and service as they are signed. */
export function shareFragmentFor(state: PlaygroundState): string {
  const { scope } = selectSigningPlan(state);
  return encodeShareFragment(
    takeSnapshot(state.request, state.options, scope, MAX_SHARED_BODY_BYTES),
  );
}
