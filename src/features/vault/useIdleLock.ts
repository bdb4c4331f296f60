import { useEffect } from 'react';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

/** Input that shows someone is at the page. Each event only stores a time: nothing else runs. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** How often the idle time is checked: a lock comes at most this late. */
const CHECK_EVERY_MS = 10_000;

/**
 * Locks the vault after `idleLockMinutes` without keyboard or pointer input, while it is
 * unlocked. Listeners are passive and only record the time; one interval compares it.
 */
export function useIdleLock() {
  const unlocked = usePlaygroundStore((s) => s.vault.status === 'unlocked');
  const minutes = usePlaygroundStore((s) => s.vault.idleLockMinutes);
  const lock = usePlaygroundStore((s) => s.vault.lock);

  useEffect(() => {
    if (!unlocked || minutes === 0) return;
    let lastInput = performance.now();
    const seen = () => {
      lastInput = performance.now();
    };
    for (const type of ACTIVITY_EVENTS)
      window.addEventListener(type, seen, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (performance.now() - lastInput >= minutes * 60_000) lock();
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, seen, { capture: true });
    };
  }, [unlocked, minutes, lock]);
}
