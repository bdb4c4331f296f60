// The first view: the page as a first visit shows it, rendered by the server that serves it
// (src/app/renderFirstView.tsx, run by `npm start` and `npx sigv4-playground`) and signed at the
// moment it was served. The page adopts that markup (hydrates it) instead of drawing it again, so
// the first signature is on screen as soon as the HTML is, not after the scripts have run. This
// module is the contract both sides share: where the server writes when it signed and the
// playground's config, and the attribute that hides that markup from a returning visitor, whose
// saved request is not the one it shows (the served page's script, firstViewScript.ts, sets it).
// A static host serves the page without it and nothing changes.
import type { PlaygroundConfig } from '../request/defaults';

/** On #root: the first view's JSON (FirstView), HTML-escaped. */
export const FIRST_VIEW_ATTRIBUTE = 'data-first-view';
/**
 * On <html>, set by the served page's script (firstViewScript.ts) before anything is painted: the
 * page restores a saved request.
 */
export const RESTORING_ATTRIBUTE = 'data-restoring';

export interface FirstView {
  /** When the server signed the request it shows (ms since the epoch). */
  signedAt: number;
  /** What the server would answer at /playground-config.json, so the page need not ask. */
  config: PlaygroundConfig;
}

/**
 * How far the page's clock may be from the first view's signing time for the page to adopt it:
 * more means a page kept (or replayed) from long ago, or a server whose clock is off, and the page
 * then draws and signs afresh.
 */
export const FIRST_VIEW_MAX_AGE_MS = 60_000;

const MAX_ATTRIBUTE_LENGTH = 4096;

/** The first view's JSON, for the attribute (the server escapes it for HTML). */
export function encodeFirstView(view: FirstView): string {
  return JSON.stringify(view);
}

/**
 * The first view the root element carries, or null when there is none or it is not one this page
 * wrote (bounded, shape-checked; never throws).
 */
export function decodeFirstView(text: string | null | undefined): FirstView | null {
  if (typeof text !== 'string' || text.length > MAX_ATTRIBUTE_LENGTH) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { signedAt, config } = value as Record<string, unknown>;
  if (typeof signedAt !== 'number' || !Number.isSafeInteger(signedAt) || signedAt < 0) return null;
  if (typeof config !== 'object' || config === null) return null;
  const { gatewayUrl, relay, collectionsDir } = config as Record<string, unknown>;
  if (typeof gatewayUrl !== 'string' || !/^https?:\/\/[^\s]{1,2000}$/.test(gatewayUrl)) return null;
  if (typeof relay !== 'boolean' || typeof collectionsDir !== 'boolean') return null;
  return { signedAt, config: { gatewayUrl, relay, collectionsDir } };
}

/** Whether a first view signed at `signedAt` is recent enough, at `now`, to adopt. */
export function isFresh(view: FirstView, now: number): boolean {
  return Math.abs(now - view.signedAt) <= FIRST_VIEW_MAX_AGE_MS;
}
