// The open tabs as stored: the one on screen by its id, the others with their requests (stored
// as the one on screen is) and options.
import type { SnapshotOptions } from './playgroundState';
import { isRecord, isString, mergeFields } from './storedFields';
import { SNAPSHOT_OPTIONS_SCHEMA } from './storedOptions';
import { readStoredRequest, storableRequest, type PersistedRequest } from './storedRequest';
import { freshTab, MAX_TABS } from './tabsSlice';
import type { OpenTab, ParkedTab, TabsSlice } from './tabsState';

/**
 * The bound for the text body of each tab not on screen. Up to MAX_TABS of them share the
 * origin's ~5 MB with History (50 bodies of up to 64 KiB) and the request on screen.
 */
export const MAX_PERSISTED_TAB_BODY_CHARS = 16 * 1024;

/**
 * The open tabs in order. The one on screen has only its id: its request and options are
 * PersistedState's `request` and `options` (persistence.ts). The others' requests are stored as
 * the one on screen is.
 */
export interface PersistedTabs {
  activeId: string;
  list: Array<{ id: string; request?: PersistedRequest; options?: SnapshotOptions }>;
}

type StoredTab = PersistedTabs['list'][number];
/**
 * Each parked tab's stored form, by its (never changed) parked state: partialize runs on every
 * keystroke, and the tabs not on screen have not changed since they were parked.
 */
const storedTabs = new WeakMap<ParkedTab, StoredTab>();

/** The open tabs as they may be stored (PersistedTabs). */
export function storableTabs(tabs: TabsSlice): PersistedTabs {
  return {
    activeId: tabs.activeId,
    list: tabs.list.map(({ id, parked }) => {
      if (parked === null) return { id };
      const known = storedTabs.get(parked);
      if (known?.id === id) return known;
      const stored = {
        id,
        request: storableRequest(parked.request, MAX_PERSISTED_TAB_BODY_CHARS),
        options: parked.options,
      };
      storedTabs.set(parked, stored);
      return stored;
    }),
  };
}

/**
 * The stored tabs (PersistedTabs), at most MAX_TABS, each id once; the current single tab when
 * nothing usable was stored or the tab on screen is not among them. `keepCredentials`: as
 * readStoredRequest's.
 */
export function readTabs(
  saved: unknown,
  current: TabsSlice,
  gatewayUrl: string,
  keepCredentials: boolean,
): TabsSlice {
  if (!isRecord(saved) || !isString(saved.activeId) || !Array.isArray(saved.list)) return current;
  const activeId = saved.activeId as string;
  const list: OpenTab[] = [];
  const ids = new Set<string>();
  // Bounded by what localStorage can hold; at most MAX_TABS are kept.
  for (const entry of saved.list as unknown[]) {
    if (list.length === MAX_TABS) break;
    if (!isRecord(entry) || !isString(entry.id) || ids.has(entry.id as string)) continue;
    const id = entry.id as string;
    ids.add(id);
    if (id === activeId) {
      list.push({ id, parked: null });
      continue;
    }
    const fresh = freshTab(gatewayUrl);
    list.push({
      id,
      parked: {
        ...fresh,
        request: readStoredRequest(fresh.request, entry.request, keepCredentials, gatewayUrl),
        options: mergeFields(fresh.options, entry.options, SNAPSHOT_OPTIONS_SCHEMA),
      },
    });
  }
  return ids.has(activeId) ? { ...current, list, activeId } : current;
}
