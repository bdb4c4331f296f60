// React.lazy for a part the server's first view renders (renderFirstView.tsx loads every lazy part
// before it renders). The page loads these parts before it adopts the markup (main.tsx): a part
// whose code arrived after the rest would stay server markup, its controls dead, while the page
// around it already answered input (arrow keys on the export tabs did nothing).
import { lazy, type ComponentType } from 'react';

const loads: Array<() => unknown> = [];

// The bound React.lazy itself has: any props.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyInFirstView<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  let loading: Promise<{ default: T }> | undefined;
  let loaded: { then(onLoaded: (module: { default: T }) => void): void } | undefined;
  // Once loaded, a thenable that answers at once: React.lazy, first rendered when the page adopts
  // the markup, then renders the part in that same pass, where a promise, even a settled one,
  // suspends it until a later one and leaves its markup unadopted after the rest (Interactive).
  const once = () =>
    loaded ??
    (loading ??= load().then((module) => {
      loaded = { then: (onLoaded) => onLoaded(module) };
      return module;
    }));
  loads.push(once);
  return lazy(once as () => Promise<{ default: T }>);
}

/** Settles once every part made by lazyInFirstView is loaded or failed (the page goes on). */
export const firstViewPartsLoaded = (): Promise<unknown> =>
  Promise.allSettled(loads.map((load) => load()));
