import { useEffect, type ReactNode } from 'react';

/**
 * Makes the page interactive once React has committed it: the server's first view is inert and
 * busy until the page adopts it (renderFirstView.tsx), so nothing typed or clicked before the
 * page's scripts ran is lost on the markup.
 */
export function Interactive({ container, children }: { container: Element; children: ReactNode }) {
  useEffect(() => {
    container.removeAttribute('inert');
    container.removeAttribute('aria-busy');
  }, [container]);
  return children;
}
