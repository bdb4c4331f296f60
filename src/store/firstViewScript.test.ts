import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_SCRIPT } from './firstViewScript';
import { STORAGE_KEY } from './storageKey';

describe("the served page's script", () => {
  it('hides the first view exactly when the page has saved state, and never throws', () => {
    const run = (storage: { getItem(key: string): string | null } | 'blocked') => {
      const attributes = new Map<string, string>();
      const document = {
        documentElement: {
          setAttribute: (name: string, value: string) => attributes.set(name, value),
        },
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
      // The keeper of early input only listens here: it acts once the page has adopted #root.
      const listen = () => undefined;
      const Observer = class {
        observe() {}
      };
      new Function(
        'localStorage',
        'document',
        'addEventListener',
        'MutationObserver',
        FIRST_VIEW_SCRIPT,
      )(localStorage, document, listen, Observer);
      return attributes.has('data-restoring');
    };
    expect(run({ getItem: () => null })).toBe(false);
    expect(run({ getItem: (key) => (key === STORAGE_KEY ? '{}' : null) })).toBe(true);
    expect(run('blocked')).toBe(false);
  });
});
