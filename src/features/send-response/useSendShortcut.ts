import { useEffect } from 'react';
import { playgroundStore } from '../../store/usePlaygroundStore';
import { revealAnswer } from './revealAnswer';

/** Ctrl+Enter (Cmd+Enter on macOS) sends from anywhere on the page, even inside a textarea. */
export function useSendShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.repeat) return;
      // Enter that ends an IME composition is the input method's, not ours.
      if (event.isComposing) return;
      event.preventDefault();
      void playgroundStore
        .getState()
        .response.send()
        .then(() => revealAnswer());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
