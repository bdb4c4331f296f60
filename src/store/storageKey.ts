/**
 * Where the page keeps its saved state in localStorage (persistence.ts). Apart, so the served
 * page's guard (firstView.ts) and the server's CSP for it need only the name.
 */
export const STORAGE_KEY = 'sigv4-playground';
