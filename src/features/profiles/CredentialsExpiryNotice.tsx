import { ExpiryFlag } from './ExpiryFlag';
import { useActiveSource } from './useActiveSource';

/**
 * The pre-Send flag: the keys that will sign expire within five minutes or have expired, with a
 * live countdown. A warning, not a blocker: Send still sends, so the refusal can be seen.
 */
export function CredentialsExpiryNotice() {
  const source = useActiveSource();
  if (source.blocked !== null) return null;
  return (
    <ExpiryFlag
      expiration={source.expiration}
      whose={source.kind === 'typed' ? 'The keys typed in Credentials' : `Profile ${source.name}`}
      onlyWhenNear
      className="send-expiry"
      label="Keys expiry before Send"
    />
  );
}
