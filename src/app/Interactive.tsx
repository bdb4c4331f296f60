import { useEffect, type ReactNode } from 'react';

/**
 * Ends the server's first view's busy state once React has committed the page (adopted that
 * markup, or drawn afresh): the served page's script holds what a visitor did to the markup until
 * then and hands it over now (store/firstViewScript.ts).
 */
export function Interactive({ container, children }: { container: Element; children: ReactNode }) {
  useEffect(() => container.removeAttribute('aria-busy'), [container]);
  return children;
}
