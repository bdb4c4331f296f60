import { base64ToBytes, bytesToBase64 } from '../transport/base64';
import type { PlaygroundState, RequestSnapshot } from './playgroundState';
import { takeSnapshot, utf8Length, withheldNames } from './requestSnapshot';
import { selectSigningPlan } from './selectSigningPlan';
import { readSnapshot } from './storedSnapshot';
import { SHARE_PREFIX } from './sharePrefix';

/** A share link carries text bodies up to 8 KiB (of UTF-8): links much longer break in chat apps. */
export const MAX_SHARED_BODY_BYTES = 8 * 1024;
export { SHARE_PREFIX };
/**
 * The longest fragment read, before any decoding: a link is data from anyone, and this bounds
 * the work and what can reach the form. Every link this page makes fits (createShareLink checks).
 */
export const MAX_SHARE_FRAGMENT_CHARS = 64 * 1024;

/** Bounds on each field of a shared request, in characters. */
const LIMITS = {
  method: 32,
  url: 8 * 1024,
  headers: 64,
  headerName: 256,
  headerValue: 8 * 1024,
  scope: 64,
  expiresIn: 16,
  regionSet: 512,
  withheldFromUrl: 64,
  profile: 256,
} as const;

/** The only keys a link may hold: anything else (keys, transport, gateway) makes it invalid. */
const LINK_KEYS = new Set([
  'v',
  'method',
  'url',
  'headers',
  'withheldFromUrl',
  'body',
  'bodyDropped',
  'region',
  'service',
  'options',
  // The name of the AWS profile it signs with, never what the profile holds.
  'profile',
]);
const HEADER_KEYS = new Set(['name', 'value', 'signed', 'withheld']);
const OPTION_KEYS = new Set([
  'mode',
  'expiresIn',
  'payload',
  'contentSha256Header',
  's3PathRules',
  'signSessionToken',
  'algorithm',
  'regionSet',
]);
const LINK_VERSION = 1;

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

const onlyKeys = (value: unknown, allowed: ReadonlySet<string>) =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).every((key) => allowed.has(key));

/** Whether the parsed link holds nothing but a snapshot's keys, at version 1. */
function hasLinkShape(parsed: unknown): boolean {
  if (!onlyKeys(parsed, LINK_KEYS)) return false;
  const link = parsed as Record<string, unknown>;
  return (
    link.v === LINK_VERSION &&
    onlyKeys(link.options, OPTION_KEYS) &&
    Array.isArray(link.headers) &&
    link.headers.every((row) => onlyKeys(row, HEADER_KEYS))
  );
}

/** Whether every field of a read snapshot is within the bounds a link may carry. */
function withinLimits(snapshot: RequestSnapshot): boolean {
  const withheld = snapshot.withheldFromUrl ?? [];
  return (
    snapshot.method.length <= LIMITS.method &&
    snapshot.url.length <= LIMITS.url &&
    snapshot.headers.length <= LIMITS.headers &&
    snapshot.headers.every(
      (row) => row.name.length <= LIMITS.headerName && row.value.length <= LIMITS.headerValue,
    ) &&
    utf8Length(snapshot.body) <= MAX_SHARED_BODY_BYTES &&
    snapshot.region.length <= LIMITS.scope &&
    snapshot.service.length <= LIMITS.scope &&
    snapshot.options.expiresIn.length <= LIMITS.expiresIn &&
    snapshot.options.regionSet.length <= LIMITS.regionSet &&
    (snapshot.profile ?? '').length <= LIMITS.profile &&
    withheld.length <= LIMITS.withheldFromUrl &&
    withheld.every((name) => name.length <= LIMITS.headerName)
  );
}

/**
 * The fragment (`#share=` + base64url JSON) that carries a snapshot. A snapshot holds no secret
 * (requestSnapshot.ts); the fragment never reaches a server, not even this page's.
 */
export function encodeShareFragment(snapshot: RequestSnapshot): string {
  return SHARE_PREFIX + toBase64Url(JSON.stringify({ v: LINK_VERSION, ...snapshot }));
}

/**
 * The snapshot in a `#share=` fragment, or null when there is none, or it is damaged, too long,
 * or holds anything a snapshot does not. What it returns holds no credential (readSnapshot): a
 * link can only ever propose a request, which the page shows before anything changes.
 */
export function decodeShareFragment(hash: string): RequestSnapshot | null {
  if (!hash.startsWith(SHARE_PREFIX) || hash.length > MAX_SHARE_FRAGMENT_CHARS) return null;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(hash.slice(SHARE_PREFIX.length)));
    if (!hasLinkShape(parsed)) return null;
    const snapshot = readSnapshot(parsed);
    return snapshot !== null && withinLimits(snapshot) ? snapshot : null;
  } catch {
    return null;
  }
}

export type ShareLink =
  /** withheld: what the link leaves out because it carries a credential, to say so. */
  { ok: true; fragment: string; withheld: string[] } | { ok: false; error: string };

/** The share link for the form as it is now: region and service as they are signed. */
export function createShareLink(state: PlaygroundState): ShareLink {
  const { scope } = selectSigningPlan(state);
  const snapshot = takeSnapshot(state.request, state.options, scope, MAX_SHARED_BODY_BYTES);
  const fragment = encodeShareFragment(snapshot);
  // A link this page could not open again is not worth handing out.
  if (decodeShareFragment(fragment) === null) {
    return {
      ok: false,
      error: `Too long for a share link: a link holds a URL of up to ${LIMITS.url} characters, ${LIMITS.headers} headers, and ${MAX_SHARE_FRAGMENT_CHARS / 1024} KiB in all.`,
    };
  }
  return { ok: true, fragment, withheld: withheldNames(snapshot) };
}
