// Panels the first view does not need (collections, history, the vault…) are not part of the
// first visit's code: their modules are fetched once the first signature is painted
// (store/firstPaint.ts), so they neither delay it nor compete with it for the main thread.
import { lazy, Suspense, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import { afterFirstPaint, isFirstPaintDone } from '../../store/firstPaint';

/** Calls `onPainted` once the first signature is painted, unless unsubscribed before. */
function subscribe(onPainted: () => void): () => void {
  let subscribed = true;
  afterFirstPaint(() => {
    if (subscribed) onPainted();
  });
  return () => {
    subscribed = false;
  };
}

const notOnAServer = () => false;

/**
 * A component loaded once the first signature is on screen: until then, and while its module
 * loads (inside its own <Suspense>), it is `fallback`, which should keep the panel's place. A
 * server rendering the first view renders the fallback too, and so does the page while it adopts
 * that markup: what these panels show depends on what the page reads after its first paint (the
 * collections, the vault), so markup of them made earlier would not match the page by then.
 */
export function lazyAfterFirstPaint<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P & { fallback: ReactNode }> {
  const Loaded = lazy(async () => ({ default: await load() }));
  function AfterFirstPaint({ fallback, ...props }: P & { fallback: ReactNode }) {
    const painted = useSyncExternalStore(subscribe, isFirstPaintDone, notOnAServer);
    if (!painted) return fallback;
    return (
      <Suspense fallback={fallback}>
        <Loaded {...(props as unknown as P)} />
      </Suspense>
    );
  }
  return AfterFirstPaint;
}
