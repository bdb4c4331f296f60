// The headers the playground page is served with, by `npm start` (server/playgroundServer.ts) and
// by Vite (`npm run dev`, `vite preview`: vite.config.ts). One place, so every server says the same.
import { createHash } from 'node:crypto';
import { FIRST_VIEW_SCRIPT } from '../src/store/firstViewScript';

export interface PolicyAllowances {
  /**
   * Inline scripts the page may run, by their exact text (allowed by hash): the first view's
   * guard (npm start), React Refresh's preamble (Vite's dev server).
   */
  inlineScripts?: readonly string[];
  /** Inline <style> elements: Vite's dev server injects every stylesheet as one. Never in a build. */
  inlineStyles?: boolean;
}

const scriptHash = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Everything the page needs and nothing else: its own scripts, styles and icon. `connect-src`
 * is as wide as it is because direct mode fetches whatever http(s) URL the user types; the relay
 * is same-origin. `frame-ancestors 'none'` (with X-Frame-Options for older browsers) stops another
 * site framing the page and steering clicks on Send.
 */
export function contentSecurityPolicy(allowances: PolicyAllowances = {}): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'", ...(allowances.inlineScripts ?? []).map(scriptHash)]],
    ['style-src', ["'self'", ...(allowances.inlineStyles ? ["'unsafe-inline'"] : [])]],
    // blob: for the response viewer's images, drawn from the answer's bytes (object URLs the
    // page makes itself); no data: and no other origin.
    ['img-src', ["'self'", 'blob:']],
    ['connect-src', ["'self'", 'http:', 'https:']],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The response headers; without allowances, those of the built page. */
export function securityHeaders(allowances: PolicyAllowances = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(allowances),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // Direct mode's requests, and links followed from the page, carry no URL of the page.
    'Referrer-Policy': 'no-referrer',
    // A page that opens the playground (window.open) gets no handle on it, and the reverse.
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * The built page's headers: `npm start` and `vite preview`. Its one inline script is the one npm
 * start puts in the page with its first view (src/store/firstViewScript.ts), allowed by its hash.
 */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = securityHeaders({
  inlineScripts: [FIRST_VIEW_SCRIPT],
});
