// Panels the first view does not need (collections, history, the vault…) are not part of the
// first visit's code: their modules are fetched once the first signature is painted
// (store/firstPaint.ts), so they neither delay it nor compete with it for the main thread.
import { lazy, type ComponentType } from 'react';
import { afterFirstPaint } from '../../store/firstPaint';

/**
 * React.lazy, loading once the first signature is on screen; render it inside a <Suspense> whose
 * fallback keeps the panel's place. Without a page (rendering on a server) it loads at once:
 * no first paint will come there.
 */
export function lazyAfterFirstPaint<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    if (typeof window !== 'undefined')
      await new Promise<void>((resolve) => afterFirstPaint(resolve));
    return { default: await load() };
  });
}
