import { describe, expect, it } from 'vitest';
import {
  ENTRY_AFTER_FIRST_PAINT_TYPE,
  FIRST_VIEW_SCRIPT,
  ICON_AFTER_FIRST_PAINT_REL,
} from './firstViewScript';
import { STORAGE_KEY } from './storageKey';

type Storage = { getItem(key: string): string | null } | 'blocked';

/**
 * Runs the served page's script in a stand-in for the page's head: its storage, its document
 * (root element's attributes, visibility, the entry script the server wrote, the scripts it
 * appends), its event listeners, paint observer and timers, each driven by the test.
 */
function runScript({
  storage = { getItem: () => null },
  visibility = 'visible',
  withEntry = true,
}: { storage?: Storage; visibility?: string; withEntry?: boolean } = {}) {
  const attributes = new Map<string, string>();
  const appended: { type: string; src: string; crossOrigin: string | null }[] = [];
  const listeners = new Map<string, (() => void)[]>();
  const timers: (() => void)[] = [];
  const paintObservers = new Set<(name: string) => void>();
  const entry = { src: 'http://127.0.0.1:5173/assets/index-abc.js' };
  const icon = { rel: ICON_AFTER_FIRST_PAINT_REL };
  const document = {
    documentElement: {
      setAttribute: (name: string, value: string) => attributes.set(name, value),
      hasAttribute: (name: string) => attributes.has(name),
    },
    visibilityState: visibility,
    querySelector: (selector: string) =>
      withEntry && selector === `script[type="${ENTRY_AFTER_FIRST_PAINT_TYPE}"]` ? entry : null,
    querySelectorAll: (selector: string) =>
      selector === `link[rel="${ICON_AFTER_FIRST_PAINT_REL}"]` && icon.rel !== 'icon' ? [icon] : [],
    createElement: () => ({ type: '', src: '', crossOrigin: null as string | null }),
    head: { append: (script: (typeof appended)[number]) => appended.push(script) },
  };
  const localStorage =
    storage === 'blocked'
      ? new Proxy(
          {},
          {
            get: () => {
              throw new Error('SecurityError');
            },
          },
        )
      : storage;
  const addEventListener = (type: string, listener: () => void) =>
    listeners.set(type, [...(listeners.get(type) ?? []), listener]);
  // The keeper of early input only listens here: it acts once the page has adopted #root.
  const MutationObserver = class {
    observe() {}
  };
  const PerformanceObserver = class {
    private readonly report = (name: string) =>
      this.callback(
        { getEntriesByName: (wanted: string) => (wanted === name ? [{ name }] : []) },
        this,
      );
    constructor(private readonly callback: (list: unknown, observer: unknown) => void) {}
    observe(options: { type: string }) {
      if (options.type === 'paint') paintObservers.add(this.report);
    }
    disconnect() {
      paintObservers.delete(this.report);
    }
  };
  const setTimeout = (callback: () => void) => timers.push(callback);
  new Function(
    'localStorage',
    'document',
    'addEventListener',
    'MutationObserver',
    'PerformanceObserver',
    'setTimeout',
    FIRST_VIEW_SCRIPT,
  )(localStorage, document, addEventListener, MutationObserver, PerformanceObserver, setTimeout);
  const runTimers = () => timers.splice(0).forEach((timer) => timer());
  return {
    restoring: () => attributes.has('data-restoring'),
    appended,
    entry,
    icon,
    painted: (name = 'first-contentful-paint') =>
      [...paintObservers].forEach((report) => report(name)),
    dispatch: (type: string) => listeners.get(type)?.forEach((listener) => listener()),
    runTimers,
    pendingTimers: () => timers.length,
  };
}

describe("the served page's script", () => {
  it('hides the first view exactly when the page has saved state, and never throws', () => {
    expect(runScript({ storage: { getItem: () => null } }).restoring()).toBe(false);
    expect(
      runScript({ storage: { getItem: (key) => (key === STORAGE_KEY ? '{}' : null) } }).restoring(),
    ).toBe(true);
    expect(runScript({ storage: 'blocked' }).restoring()).toBe(false);
  });

  it("starts the page's entry once the first view is painted, not while it is", () => {
    const page = runScript();
    page.dispatch('DOMContentLoaded');
    expect(page.appended).toEqual([]);
    // A first paint of the background alone is not the view: its text comes a frame later.
    page.painted('first-paint');
    expect(page.pendingTimers()).toBe(1); // only the fallback
    page.painted();
    expect(page.appended).toEqual([]);
    expect(page.icon.rel).toBe(ICON_AFTER_FIRST_PAINT_REL);
    page.runTimers();
    expect(page.appended).toEqual([{ type: 'module', src: page.entry.src, crossOrigin: '' }]);
    // The icon too: an SVG icon is decoded by the page, on its main thread.
    expect(page.icon.rel).toBe('icon');
    // And once only, whatever else fires (the fallback a second after DOMContentLoaded).
    page.runTimers();
    expect(page.appended).toHaveLength(1);
  });

  it('starts it a second after DOMContentLoaded if the paint is never reported', () => {
    const page = runScript();
    page.dispatch('DOMContentLoaded');
    page.runTimers();
    expect(page.appended).toHaveLength(1);
  });

  it('starts it at DOMContentLoaded where no first paint is coming: a restoring or hidden page', () => {
    for (const page of [
      runScript({ storage: { getItem: () => '{}' } }),
      runScript({ visibility: 'hidden' }),
    ]) {
      page.painted();
      page.runTimers();
      expect(page.appended).toEqual([]);
      page.dispatch('DOMContentLoaded');
      page.runTimers();
      expect(page.appended).toHaveLength(1);
    }
  });

  it('does nothing when the page has no entry to start (a template it does not know)', () => {
    const page = runScript({ withEntry: false });
    page.painted();
    page.dispatch('DOMContentLoaded');
    page.runTimers();
    expect(page.appended).toEqual([]);
  });
});
