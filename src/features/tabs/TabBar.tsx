import './tabs.css';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_TABS } from '../../store/tabsSlice';
import { selectTabTitles } from '../../store/tabTitle';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { TAB_SHORTCUTS, useTabShortcuts } from './useTabShortcuts';

/** Keys that move along the tab list (the ARIA tabs pattern), as an index from the current one. */
function targetIndex(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/** As a person reads them: "Ctrl+Alt+PageDown". */
const keysText = (shortcut: string) => shortcut.replace('Control', 'Ctrl');

/**
 * The open requests as tabs, above the Request panel: click or arrow keys to switch (instantly:
 * each tab's request, response and steps are kept), × or Delete to close, + to open another.
 */
export function TabBar() {
  const ids = usePlaygroundStore(useShallow((s) => s.tabs.list.map((tab) => tab.id)));
  const titles = usePlaygroundStore(useShallow(selectTabTitles));
  const activeId = usePlaygroundStore((s) => s.tabs.activeId);
  const select = usePlaygroundStore((s) => s.tabs.select);
  const close = usePlaygroundStore((s) => s.tabs.close);
  const openNew = usePlaygroundStore((s) => s.tabs.openNew);

  const bar = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const tabButtons = useRef(new Map<string, HTMLButtonElement>());
  // Set when a close took the focused tab or button away: the tab now shown gets the focus.
  const refocus = useRef(false);
  const keepFocusInBar = useCallback(() => {
    const focused = document.activeElement;
    if (focused === null || focused === document.body || bar.current?.contains(focused))
      refocus.current = true;
  }, []);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    tabButtons.current.get(activeId)?.focus();
  });
  useTabShortcuts(keepFocusInBar);

  // The tab shown is scrolled into the list's view, sideways only: the page itself stays put
  // when a shortcut switches tabs while the tab bar is scrolled out of sight.
  useEffect(() => {
    const strip = list.current;
    const item = tabButtons.current.get(activeId)?.parentElement;
    if (!strip || !item) return;
    if (item.offsetLeft < strip.scrollLeft) strip.scrollLeft = item.offsetLeft;
    else if (item.offsetLeft + item.offsetWidth > strip.scrollLeft + strip.clientWidth)
      strip.scrollLeft = item.offsetLeft + item.offsetWidth - strip.clientWidth;
  }, [activeId, ids]);

  const closeTab = (id: string) => {
    keepFocusInBar();
    close(id);
  };

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (event.key === 'Delete') {
      event.preventDefault();
      closeTab(ids[index]!);
      return;
    }
    const target = targetIndex(event.key, index, ids.length);
    if (target === null) return;
    event.preventDefault();
    const id = ids[target]!;
    select(id);
    tabButtons.current.get(id)?.focus();
  };

  const full = ids.length >= MAX_TABS;
  return (
    <div className="tab-bar" ref={bar}>
      <div role="tablist" aria-label="Open requests" className="tab-list" ref={list}>
        {ids.map((id, index) => {
          const active = id === activeId;
          const title = titles[index] ?? '';
          return (
            <div key={id} role="presentation" className={active ? 'tab-item active' : 'tab-item'}>
              <button
                type="button"
                role="tab"
                className="tab"
                aria-selected={active}
                tabIndex={active ? 0 : -1}
                aria-keyshortcuts={`${TAB_SHORTCUTS.next} ${TAB_SHORTCUTS.previous}`}
                ref={(element) => {
                  if (element === null) tabButtons.current.delete(id);
                  else tabButtons.current.set(id, element);
                }}
                onClick={() => select(id)}
                onKeyDown={(event) => onTabKeyDown(event, index)}
              >
                <span className="tab-title">{title}</span>
              </button>
              <button
                type="button"
                className="tab-close"
                aria-label={`Close ${title}`}
                title={active ? `Close (${keysText(TAB_SHORTCUTS.close)})` : 'Close'}
                {...(active ? { 'aria-keyshortcuts': TAB_SHORTCUTS.close } : {})}
                tabIndex={active ? 0 : -1}
                onClick={() => closeTab(id)}
              >
                ×
              </button>
            </div>
          );
        })}
      </div>
      <button
        type="button"
        className="tab-new"
        aria-label="New tab"
        aria-keyshortcuts={TAB_SHORTCUTS.new}
        title={
          full
            ? `At most ${MAX_TABS} tabs: close one to open another`
            : `New tab (${keysText(TAB_SHORTCUTS.new)}). Next and previous: ${keysText(TAB_SHORTCUTS.next)} and PageUp`
        }
        disabled={full}
        onClick={() => openNew()}
      >
        +
      </button>
    </div>
  );
}
