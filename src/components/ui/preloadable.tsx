// A component loaded on demand, like React.lazy, that can also be loaded ahead of its first
// render: once loaded, it renders in the same commit as its parent. React.lazy suspends on its
// first render whatever was loaded before, and React then keeps the Suspense fallback on screen
// for up to 300 ms (its reveal throttle): a panel that arrives with an answer (the error doctor,
// the body viewer) would first show its fallback and then push what follows it down.
import { createElement, useEffect, useState, type ComponentType, type ReactNode } from 'react';

export interface Preloadable<P> {
  /** Renders the component once loaded, `fallback` until then (and loads it if nobody did). */
  Component: ComponentType<P & { fallback: ReactNode }>;
  /** Starts loading (once); resolves when loaded or failed. */
  preload(): Promise<void>;
}

export function preloadable<P extends object>(
  load: () => Promise<ComponentType<P>>,
): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let failed: Error | undefined;
  let loading: Promise<void> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
        failed = undefined;
      },
      (error: Error) => {
        failed = error;
        // The next preload (another answer) tries again: a chunk can fail once, on a flaky link.
        loading = undefined;
      },
    ));

  function Preloaded({ fallback, ...props }: P & { fallback: ReactNode }) {
    const [, setSettled] = useState(0);
    useEffect(() => {
      if (loaded !== undefined) return;
      let mounted = true;
      void preload().then(() => {
        if (mounted) setSettled((count) => count + 1);
      });
      return () => {
        mounted = false;
      };
    }, []);
    if (loaded !== undefined) return createElement(loaded, props as unknown as P);
    if (failed !== undefined) {
      return (
        <p className="hint" role="alert">
          This part of the page could not be loaded ({failed.message}); reload the page to try
          again.
        </p>
      );
    }
    return fallback;
  }
  return { Component: Preloaded, preload };
}
