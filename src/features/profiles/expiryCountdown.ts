/** Keys this close to their expiry are flagged before Send: a request signed now may be refused. */
export const NEAR_EXPIRY_MS = 5 * 60_000;

export interface ExpiryCountdown {
  /** 'valid': more than NEAR_EXPIRY_MS left; 'near': less; 'expired': none. */
  state: 'valid' | 'near' | 'expired';
  /** "expires in 4:12", "expired 3 minutes ago", "expires in 2 h 5 min". */
  text: string;
  /** Milliseconds left (negative once expired). */
  leftMs: number;
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** How long ago, in the largest whole unit: "12 seconds", "3 minutes", "2 hours", "4 days". */
function ago(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return plural(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

/** The countdown of keys expiring at `expiration` (ISO 8601), at `now`; null: not a date. */
export function describeExpiry(expiration: string, now: number): ExpiryCountdown | null {
  const at = Date.parse(expiration);
  if (Number.isNaN(at)) return null;
  const leftMs = at - now;
  if (leftMs <= 0) return { state: 'expired', text: `expired ${ago(-leftMs)} ago`, leftMs };
  // Whole seconds left, rounded up: "0:00" only once it has expired.
  const seconds = Math.ceil(leftMs / 1000);
  if (leftMs <= NEAR_EXPIRY_MS) {
    const mmss = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    return { state: 'near', text: `expires in ${mmss}`, leftMs };
  }
  const minutes = Math.floor(seconds / 60);
  const text =
    minutes < 120
      ? `expires in ${minutes} min`
      : minutes < 48 * 60
        ? `expires in ${Math.floor(minutes / 60)} h ${minutes % 60} min`
        : `expires in ${Math.floor(minutes / 1440)} days`;
  return { state: 'valid', text, leftMs };
}
