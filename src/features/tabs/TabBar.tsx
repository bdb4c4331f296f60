import './tabs.css';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_TABS } from '../../store/tabsSlice';
import { selectTabTitles } from '../../store/tabTitle';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { tabListTarget } from '../../components/ui/tabListKey';
import { TAB_SHORTCUTS, useTabShortcuts } from './useTabShortcuts';

/** As a person reads them: "Ctrl+Alt+PageDown". */
const keysText = (shortcut: string) => shortcut.replace('Control', 'Ctrl');

/**
 * A tab's or a close button's place in the bar (CSS order), set on the element rather than as a
 * style attribute: the server renders the first view, and the page's CSP refuses style attributes
 * in markup (style-src 'self'), where it allows a script setting them. In document order, without
 * it, a lone tab and its close button already sit as they should.
 */
function placeAt(element: HTMLElement, order: number) {
  element.style.order = String(order);
}

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
  const closeButtons = useRef(new Map<string, HTMLButtonElement>());
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
    const tab = tabButtons.current.get(activeId);
    const closeButton = closeButtons.current.get(activeId);
    if (!strip || !tab || !closeButton) return;
    const left = tab.offsetLeft;
    const right = closeButton.offsetLeft + closeButton.offsetWidth;
    if (left < strip.scrollLeft) strip.scrollLeft = left;
    else if (right > strip.scrollLeft + strip.clientWidth)
      strip.scrollLeft = right - strip.clientWidth;
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
    const target = tabListTarget(event.key, index, ids.length);
    if (target === null) return;
    event.preventDefault();
    const id = ids[target]!;
    select(id);
    tabButtons.current.get(id)?.focus();
  };

  const full = ids.length >= MAX_TABS;
  return (
    <div className="tab-bar" ref={bar}>
      {/* The tab list holds only its tabs (ARIA allows nothing else in it), so each tab's close
          button sits beside the list in the document and beside its tab on screen: the list
          lays out as if it were not there (display: contents) and CSS order interleaves them. */}
      <div className="tab-list" ref={list}>
        <div role="tablist" aria-label="Open requests" className="tab-tabs">
          {ids.map((id, index) => {
            const active = id === activeId;
            return (
              <button
                key={id}
                type="button"
                role="tab"
                className="tab"
                aria-selected={active}
                tabIndex={active ? 0 : -1}
                aria-keyshortcuts={`${TAB_SHORTCUTS.next} ${TAB_SHORTCUTS.previous} Delete`}
                ref={(element) => {
                  if (element === null) return void tabButtons.current.delete(id);
                  tabButtons.current.set(id, element);
                  placeAt(element, 2 * index);
                }}
                onClick={() => select(id)}
                onKeyDown={(event) => onTabKeyDown(event, index)}
              >
                <span className="tab-title">{titles[index] ?? ''}</span>
              </button>
            );
          })}
        </div>
        {ids.map((id, index) => {
          const active = id === activeId;
          return (
            <button
              key={id}
              type="button"
              className={active ? 'tab-close active' : 'tab-close'}
              aria-label={`Close ${titles[index] ?? ''}`}
              title={active ? `Close (${keysText(TAB_SHORTCUTS.close)})` : 'Close'}
              {...(active ? { 'aria-keyshortcuts': TAB_SHORTCUTS.close } : {})}
              tabIndex={active ? 0 : -1}
              ref={(element) => {
                if (element === null) return void closeButtons.current.delete(id);
                closeButtons.current.set(id, element);
                placeAt(element, 2 * index + 1);
              }}
              onClick={() => closeTab(id)}
            >
              ×
            </button>
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
