import { defaultOptionsFields, rebaseGatewayUrl } from './optionsSlice';
import type {
  PlaygroundState,
  RequestFields,
  RequestSlice,
  ResponseOutcome,
  StoreGet,
  StoreSet,
} from './playgroundState';
import { defaultRequestFields } from './requestSlice';
import { snapshotOptions } from './requestSnapshot';
import type { OpenTab, ParkedTab, TabsSlice } from './tabsState';

/** The most tabs open at once: each parked tab is kept in memory and in localStorage. */
export const MAX_TABS = 20;

let tabCounter = 0;
/** Unique across reloads too, since open tabs are persisted with their ids. */
export function newTabId(): string {
  tabCounter += 1;
  return `t${Date.now().toString(36)}${tabCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * The request slice's data without its actions: every field it has, so a field added to
 * RequestFields later travels with its tab without this code knowing about it.
 */
export function requestFieldsOf(request: RequestSlice): RequestFields {
  return Object.fromEntries(
    Object.entries(request).filter(([, value]) => typeof value !== 'function'),
  ) as unknown as RequestFields;
}

/** A new tab: the first-run request against the page's gateway, with the default options. */
export function freshTab(gatewayUrl: string): ParkedTab {
  return {
    request: defaultRequestFields(gatewayUrl),
    options: snapshotOptions(defaultOptionsFields()),
    outcome: { kind: 'idle' },
    live: null,
    gatewayUrl,
  };
}

/**
 * The tab on screen as it is parked when another one is shown. A file still being read stops
 * being read (the read only feeds the tab on screen), so the tab says so instead of "Reading…".
 */
function parkShownTab(state: PlaygroundState): ParkedTab {
  const request = requestFieldsOf(state.request);
  const file = request.bodyFile;
  if (file?.status === 'reading') {
    request.bodyFile = {
      ...file,
      status: 'error',
      error: 'reading stopped when another tab was shown; choose the file again',
    };
  }
  return {
    request,
    options: snapshotOptions(state.options),
    outcome: state.response.outcome,
    live: state.signing.live,
    gatewayUrl: state.options.gatewayUrl,
  };
}

/**
 * The slices with a parked tab's state in them. Credentials, transport, gateway and clock offset
 * stay: they are the page's (and a URL on a gateway that has moved since follows it). The signing slice re-plans and re-signs after this (its sync); the
 * tab's own last signing shows meanwhile, so switching never shows another tab's steps.
 */
export function showParkedTab(
  state: PlaygroundState,
  parked: ParkedTab,
): Pick<PlaygroundState, 'request' | 'options' | 'response' | 'signing'> {
  return {
    request: {
      ...state.request,
      ...parked.request,
      url: rebaseGatewayUrl(parked.request.url, parked.gatewayUrl, state.options.gatewayUrl),
    },
    options: { ...state.options, ...parked.options },
    response: { ...state.response, outcome: parked.outcome },
    signing: { ...state.signing, live: parked.live, error: null },
  };
}

/** The update that shows tab `id` (the one on screen parked), or nothing if there is none. */
function switchTo(state: PlaygroundState, id: string): Partial<PlaygroundState> {
  const { list, activeId } = state.tabs;
  const target = list.find((tab) => tab.id === id);
  if (id === activeId || target?.parked == null) return {};
  const parked = parkShownTab(state);
  return {
    ...showParkedTab(state, target.parked),
    tabs: {
      ...state.tabs,
      activeId: id,
      list: list.map((tab) => {
        if (tab.id === activeId) return { ...tab, parked };
        if (tab.id === id) return { ...tab, parked: null };
        return tab;
      }),
    },
  };
}

/** The tab `offset` places from the one on screen, wrapping around. */
function neighbourId(state: PlaygroundState, offset: 1 | -1): string {
  const { list, activeId } = state.tabs;
  const index = list.findIndex((tab) => tab.id === activeId);
  return list[(index + offset + list.length) % list.length]!.id;
}

/**
 * The update that delivers a Send's outcome to the tab it was sent from: into the response slice
 * while that tab is on screen, else into its parked state; nothing if it was closed meanwhile.
 */
export function outcomeForTab(
  state: PlaygroundState,
  tabId: string,
  outcome: ResponseOutcome,
): Partial<PlaygroundState> {
  if (tabId === state.tabs.activeId) return { response: { ...state.response, outcome } };
  const tab = state.tabs.list.find((candidate) => candidate.id === tabId);
  if (tab?.parked == null) return {};
  const parked = { ...tab.parked, outcome };
  return {
    tabs: {
      ...state.tabs,
      list: state.tabs.list.map((candidate) =>
        candidate.id === tabId ? { ...candidate, parked } : candidate,
      ),
    },
  };
}

/**
 * Open requests as tabs. The tab on screen lives in the request, options and response slices
 * (and the signing slice's live signature), so the rest of the page is unchanged; the others are
 * parked here, and switching swaps them in one update.
 */
export function createTabsSlice(set: StoreSet, get: StoreGet): TabsSlice {
  const firstTab: OpenTab = { id: newTabId(), parked: null };
  return {
    list: [firstTab],
    activeId: firstTab.id,

    openNew: () => {
      if (get().tabs.list.length >= MAX_TABS) return false;
      const id = newTabId();
      set((state) => {
        const tab: OpenTab = { id, parked: freshTab(state.options.gatewayUrl) };
        return switchTo({ ...state, tabs: { ...state.tabs, list: [...state.tabs.list, tab] } }, id);
      });
      return true;
    },

    select: (id) => set((state) => switchTo(state, id)),
    selectNext: () => set((state) => switchTo(state, neighbourId(state, 1))),
    selectPrevious: () => set((state) => switchTo(state, neighbourId(state, -1))),

    close: (id) =>
      set((state) => {
        const { list, activeId } = state.tabs;
        const index = list.findIndex((tab) => tab.id === id);
        if (index < 0) return {};
        if (id !== activeId)
          return { tabs: { ...state.tabs, list: list.filter((tab) => tab.id !== id) } };
        const neighbour = list[index + 1] ?? list[index - 1];
        if (neighbour === undefined) {
          // The last tab: a fresh one takes its place (a Send still in flight from the closed
          // one is recorded in History, and its outcome goes nowhere: its tab id is gone).
          const fresh: OpenTab = { id: newTabId(), parked: null };
          return {
            ...showParkedTab(state, freshTab(state.options.gatewayUrl)),
            tabs: { ...state.tabs, activeId: fresh.id, list: [fresh] },
          };
        }
        const switched = switchTo(state, neighbour.id);
        const tabs = switched.tabs!;
        return { ...switched, tabs: { ...tabs, list: tabs.list.filter((tab) => tab.id !== id) } };
      }),
  };
}
