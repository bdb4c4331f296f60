// React.lazy for a part the server's first view renders (renderFirstView.tsx loads every lazy part
// before it renders). The page loads these parts before it adopts the markup (main.tsx): a part
// whose code arrived after the rest would stay server markup, its controls dead, while the page
// around it already answered input (arrow keys on the export tabs did nothing).
import { lazy, type ComponentType } from 'react';

const loads: Array<() => Promise<unknown>> = [];

// The bound React.lazy itself has: any props.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyInFirstView<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  let loading: Promise<{ default: T }> | undefined;
  const once = () => (loading ??= load());
  loads.push(once);
  return lazy(once);
}

/** Settles once every part made by lazyInFirstView is loaded or failed (the page goes on). */
export const firstViewPartsLoaded = (): Promise<unknown> =>
  Promise.allSettled(loads.map((load) => load()));
