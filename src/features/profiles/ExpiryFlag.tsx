import './profiles.css';
import { useExpiryCountdown } from './useExpiryCountdown';

interface ExpiryFlagProps {
  /** ISO 8601; null: the keys do not expire (or nobody said). */
  expiration: string | null;
  /** Whose keys, before a colon: "Profile admin", "The keys typed below". */
  whose: string;
  /** Shown only when near or past the expiry (the Send bar); otherwise also while valid. */
  onlyWhenNear?: boolean;
  className?: string;
}

/**
 * "Profile admin: expires in 4:12" / "…: expired 3 minutes ago": a live countdown, ticking
 * only in the last five minutes and after. Expired keys still sign and send, so a learner sees
 * AWS refuse them; the flag says so.
 */
export function ExpiryFlag({
  expiration,
  whose,
  onlyWhenNear = false,
  className,
}: ExpiryFlagProps) {
  const countdown = useExpiryCountdown(expiration);
  if (countdown === null || (onlyWhenNear && countdown.state === 'valid')) return null;
  const classes = ['expiry-flag', `expiry-${countdown.state}`, className ?? ''].join(' ').trim();
  return (
    <p className={classes} data-expiry={countdown.state}>
      {countdown.state !== 'valid' && (
        <span className="expiry-mark" aria-hidden="true">
          ⚠{' '}
        </span>
      )}
      {whose}: <time dateTime={expiration!}>{countdown.text}</time>
      {countdown.state === 'expired' &&
        ': AWS refuses expired keys (ExpiredToken, 403). Send still sends, so you can see the refusal; refresh the keys to get a 200.'}
      {countdown.state === 'near' &&
        ': a request signed now may arrive after they expire. Refresh them first if you can.'}
      {countdown.state === 'valid' && '.'}
    </p>
  );
}
