import type { HistoryEntry, HistorySlice, StoreGet, StoreSet } from './playgroundState';

/** The most sent requests kept; the oldest goes first. */
export const MAX_HISTORY_ENTRIES = 50;

let entryCounter = 0;
function newEntryId(sentAt: number): string {
  entryCounter += 1;
  return `r${sentAt.toString(36)}${entryCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The entries with a new one first, cut to the bound. */
export function withEntry(entries: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...entries].slice(0, MAX_HISTORY_ENTRIES);
}

export function createHistorySlice(set: StoreSet, get: StoreGet): HistorySlice {
  const setEntries = (entries: HistoryEntry[]) =>
    set((state) => ({ history: { ...state.history, entries } }));
  return {
    entries: [],
    record: (entry) =>
      setEntries(withEntry(get().history.entries, { ...entry, id: newEntryId(entry.sentAt) })),
    remove: (id) => setEntries(get().history.entries.filter((entry) => entry.id !== id)),
    clear: () => setEntries([]),
    open: (id) => {
      const entry = get().history.entries.find((candidate) => candidate.id === id);
      if (entry !== undefined) get().request.restoreRequest(entry.request);
    },
  };
}
