import { useEffect } from 'react';
import { playgroundStore } from '../../store/usePlaygroundStore';

export type TabAction = 'new' | 'close' | 'next' | 'previous';

/**
 * The keys, as aria-keyshortcuts spells them. Browsers keep Ctrl+T, Ctrl+W and Ctrl+Tab (and
 * Ctrl+PageDown/PageUp) for their own tabs and never pass them to a page, so these add Alt.
 */
export const TAB_SHORTCUTS: Record<TabAction, string> = {
  new: 'Alt+Shift+N',
  close: 'Alt+Shift+W',
  next: 'Control+Alt+PageDown',
  previous: 'Control+Alt+PageUp',
};

/**
 * Which tab action a key press asks for, if any. Letters are read by their key's place
 * (event.code): with Alt held, macOS types another character (Alt+Shift+N is "˜").
 */
export function tabShortcutOf(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>,
): TabAction | null {
  if (event.metaKey || !event.altKey) return null;
  if (event.shiftKey && !event.ctrlKey) {
    if (event.code === 'KeyN') return 'new';
    if (event.code === 'KeyW') return 'close';
  }
  if (event.ctrlKey && !event.shiftKey) {
    if (event.key === 'PageDown') return 'next';
    if (event.key === 'PageUp') return 'previous';
  }
  return null;
}

/**
 * The tab shortcuts, from anywhere on the page (text fields included, like Send's Ctrl+Enter).
 * `onClosed` runs after a close, so the tab bar can keep the focus from falling off the page.
 */
export function useTabShortcuts(onClosed: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const action = tabShortcutOf(event);
      if (action === null) return;
      event.preventDefault();
      const { tabs } = playgroundStore.getState();
      if (action === 'next') tabs.selectNext();
      else if (action === 'previous') tabs.selectPrevious();
      // A held key repeats: moving along is what it means, opening or closing twenty is not.
      else if (event.repeat) return;
      else if (action === 'new') tabs.openNew();
      else {
        tabs.close(tabs.activeId);
        onClosed();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClosed]);
}
