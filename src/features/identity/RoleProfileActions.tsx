import './identity.css';
import { useId, useState } from 'react';
import { CodeInput } from '../../components/ui/CodeInput';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { useExpiryCountdown } from '../profiles/useExpiryCountdown';
import { AssumeOutcome } from './AssumeOutcome';

/**
 * "Assume role" for role profile `name` (the slot beside it in the profiles list): signs
 * AssumeRole with its source profile's keys and keeps the temporary keys in the profile. Once
 * assumed, the same button refreshes them in one click, and says so when they are near expiry.
 */
export function RoleProfileActions({ name }: { name: string }) {
  const entry = usePlaygroundStore((s) => s.profiles.list.find((p) => p.name === name));
  const calling = usePlaygroundStore((s) => s.identity.assumed[name]?.kind === 'calling');
  const assumeRole = usePlaygroundStore((s) => s.identity.assumeRole);
  const [code, setCode] = useState('');
  const codeId = useId();
  const countdown = useExpiryCountdown(entry?.assumed?.expiration ?? null);
  if (entry?.kind !== 'assume-role') return null;
  const assumed = entry.assumed !== undefined;
  const assume = () => {
    void assumeRole(name, entry.mfaSerial ? code : undefined);
    // An MFA code works once.
    setCode('');
  };
  return (
    <div className="assume-role" role="group" aria-label={`Role profile ${name}`}>
      <div className="role-actions">
        {entry.mfaSerial && (
          <>
            <label htmlFor={codeId}>MFA code</label>
            <CodeInput
              id={codeId}
              className="mfa-code"
              inputMode="numeric"
              maxLength={6}
              value={code}
              onChange={setCode}
            />
          </>
        )}
        <button type="button" onClick={assume} disabled={calling}>
          {assumed ? `Refresh ${name}` : `Assume role ${name}`}
        </button>
        {countdown !== null && countdown.state !== 'valid' && (
          <span className="expiry-near">
            {countdown.state === 'expired'
              ? 'The role’s keys have expired: Refresh assumes the role again.'
              : 'The role’s keys are about to expire: Refresh assumes the role again.'}
          </span>
        )}
      </div>
      <AssumeOutcome name={name} />
    </div>
  );
}
