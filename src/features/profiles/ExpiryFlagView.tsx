import './profiles.css';
import { useExpiryCountdown } from './useExpiryCountdown';

export interface ExpiryFlagProps {
  /** ISO 8601; null: the keys do not expire (or nobody said). */
  expiration: string | null;
  /** Whose keys, before a colon: "Profile admin", "The keys typed below". */
  whose: string;
  /** Shown only when near or past the expiry (the Send bar); otherwise also while valid. */
  onlyWhenNear?: boolean;
  className?: string;
  /** Names the flag as a note (the Send bar's), so it can be found apart from the others. */
  label?: string;
  /** Whether to say what expiry means for Send (once near the choice, not in every list row). */
  explain?: boolean;
}

/**
 * "Profile admin: expires in 4:12" / "…: expired 3 minutes ago": a live countdown, ticking
 * only in the last five minutes and after. Expired keys still sign and send, so a learner sees
 * AWS refuse them; the flag says so.
 */
export function ExpiryFlagView({
  expiration,
  whose,
  onlyWhenNear = false,
  className,
  label,
  explain = true,
}: ExpiryFlagProps) {
  const countdown = useExpiryCountdown(expiration);
  if (countdown === null || (onlyWhenNear && countdown.state === 'valid')) return null;
  const classes = ['expiry-flag', `expiry-${countdown.state}`, className ?? ''].join(' ').trim();
  return (
    <p
      className={classes}
      data-expiry={countdown.state}
      {...(label === undefined ? {} : { role: 'note', 'aria-label': label })}
    >
      {countdown.state !== 'valid' && (
        <span className="expiry-mark" aria-hidden="true">
          ⚠{' '}
        </span>
      )}
      {whose}: <time dateTime={expiration!}>{countdown.text}</time>
      {explain &&
        countdown.state === 'expired' &&
        ': AWS refuses expired keys (403 ExpiredToken). Send still sends, so you can see the refusal.'}
      {explain &&
        countdown.state === 'near' &&
        ': a request signed now may arrive after they expire. Refresh them first if you can.'}
      {(!explain || countdown.state === 'valid') && '.'}
    </p>
  );
}
