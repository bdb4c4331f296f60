// Panels the first view does not need (collections, history, the vault…) are not part of the
// first visit's code: their modules are fetched once the first signature is painted
// (store/firstPaint.ts), so they neither delay it nor compete with it for the main thread.
import { lazy, use, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import { afterFirstPaint } from '../../store/firstPaint';
import { PlaygroundStoreContext } from '../../store/usePlaygroundStore';
import { FirstStateGhostContext, GHOST_CLASS } from './firstStateGhost';

/** What the page's render leaves in a copy's element: nothing, so it keeps the server's. */
const SERVERS_COPY = { __html: '' };
/** No unsubscribing (below), and no panel loaded on a server or while the page adopts its markup. */
const noop = () => undefined;

/**
 * A component loaded once the first signature is on screen. Until it is there it is `fallback`,
 * which keeps the panel's place (ReservedPlace). With `copy` (the default) the fallback is drawn
 * over a hidden copy of the panel's first state, which gives the place the panel's height at any
 * width (text wraps with the width, so no set of measured heights could): a server rendering the
 * first view renders the panel itself into that copy, with the store of a first visit whose
 * collections and vault are read (renderFirstView.tsx). The page adopts the copy untouched (React
 * neither hydrates into an element it sets from dangerouslySetInnerHTML nor, that HTML unchanged,
 * writes it again; a production build compares no attributes, so the copy keeps the server's, and
 * no suppressHydrationWarning is needed: only a development build would warn, and the dev server
 * draws the page afresh) and drops it with the fallback once the panel is there. A page drawn
 * without a first view has an empty copy, and the fallback's own height. The fallback is one
 * element, drawn at the copy's top (ui.css, .first-state). `copy` false: for a fallback that is
 * the panel's own shape (the tab bar, the Send bar), whose place in the layout a wrapper would
 * change.
 *
 * The fallback, not the panel, is what the page adopts: what the panels show depends on what the
 * page reads after its first paint (the collections, the vault), so markup of them made earlier
 * would not match the page by then. No Suspense: the fallback and its copy stay the same elements
 * until the panel replaces them (a Suspense fallback would be a new, empty, copy).
 */
export function lazyAfterFirstPaint<P extends object>(
  load: () => Promise<ComponentType<P>>,
  copy = true,
): ComponentType<P & { fallback: ReactNode }> {
  // Shared by every place the panel is drawn: one load, and the panel it gave, or one that throws
  // what it failed with (for the panel's boundary, PanelBoundary).
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  // Told once the module is there, whether or not it still shows (React ignores an update of a
  // component gone): one fewer thing in the first visit's code than unsubscribing.
  const subscribe = (onLoaded: () => void) => {
    afterFirstPaint(() => {
      void (loading ??= load().then(
        (component) => {
          loaded = component;
        },
        (error: unknown) => {
          loaded = () => {
            throw error;
          };
        },
      )).then(onLoaded);
    });
    return noop;
  };
  const ServerLoaded = import.meta.env.SSR
    ? lazy(async () => ({ default: await load() }))
    : undefined;

  function AfterFirstPaint({ fallback, ...props }: P & { fallback: ReactNode }) {
    const Loaded = useSyncExternalStore(subscribe, () => loaded, noop);
    if (Loaded) return <Loaded {...(props as unknown as P)} />;
    if (import.meta.env.SSR && ServerLoaded) {
      const ghosts = use(FirstStateGhostContext);
      const panel = <ServerLoaded {...(props as unknown as P)} />;
      // Within a copy, a late panel is drawn as it will be.
      if (ghosts === 'inside') return panel;
      if (!copy) return fallback;
      return (
        <div className="first-state">
          <div className={GHOST_CLASS} aria-hidden inert>
            {ghosts && (
              <FirstStateGhostContext value="inside">
                <PlaygroundStoreContext value={ghosts.store}>{panel}</PlaygroundStoreContext>
              </FirstStateGhostContext>
            )}
          </div>
          {fallback}
        </div>
      );
    }
    if (!copy) return fallback;
    return (
      <div className="first-state">
        <div className={GHOST_CLASS} dangerouslySetInnerHTML={SERVERS_COPY} />
        {fallback}
      </div>
    );
  }
  return AfterFirstPaint;
}
