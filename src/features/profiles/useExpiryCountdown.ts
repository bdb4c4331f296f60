import { useEffect, useState } from 'react';
import { describeExpiry, NEAR_EXPIRY_MS, type ExpiryCountdown } from './expiryCountdown';

/** setTimeout's largest delay (about 24.8 days); a longer wait is taken in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * The countdown of keys expiring at `expiration` (null: none). It ticks once a second only while
 * the countdown shows seconds or "… ago" (near or past the expiry); before that, one timer wakes
 * it when the last five minutes begin.
 */
export function useExpiryCountdown(expiration: string | null): ExpiryCountdown | null {
  const [clock, setClock] = useState(() => ({ expiration, now: Date.now() }));
  // Another expiry (another profile chosen) is measured against the clock read for it, not an
  // earlier tick: until the effect below has read it, nothing is shown.
  const measured = clock.expiration === expiration;
  const countdown = expiration === null || !measured ? null : describeExpiry(expiration, clock.now);
  const ticking = countdown !== null && countdown.state !== 'valid';
  const wakeInMs = countdown === null || ticking ? null : countdown.leftMs - NEAR_EXPIRY_MS;
  useEffect(() => {
    const tick = () => setClock({ expiration, now: Date.now() });
    if (!measured) {
      const timer = setTimeout(tick, 0);
      return () => clearTimeout(timer);
    }
    if (ticking) {
      const timer = setInterval(tick, 1000);
      return () => clearInterval(timer);
    }
    if (wakeInMs === null) return;
    const timer = setTimeout(tick, Math.min(wakeInMs + 1, MAX_DELAY_MS));
    return () => clearTimeout(timer);
  }, [expiration, measured, ticking, wakeInMs]);
  return countdown;
}
