import './identity.css';
import { useId } from 'react';
import { CopyButton } from '../../components/ui/CopyButton';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { StsOutcomeView } from './StsOutcomeView';

/**
 * "Who am I?": GetCallerIdentity signed with the credentials the request signs with, and AWS's
 * answer (account, ARN, user ID) or its refusal as a sentence.
 */
export function WhoAmI() {
  const outcome = usePlaygroundStore((s) => s.identity.whoAmI);
  const checkWhoAmI = usePlaygroundStore((s) => s.identity.checkWhoAmI);
  const headingId = useId();
  return (
    <section className="who-am-i" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId}>Who am I?</h3>
        <button
          type="button"
          onClick={() => void checkWhoAmI()}
          disabled={outcome.kind === 'calling'}
        >
          Who am I?
        </button>
      </div>
      {outcome.kind === 'idle' && (
        <p className="hint">
          Asks STS (GetCallerIdentity) which identity the request&apos;s credentials belong to: the
          first question when a 403 makes no sense.
        </p>
      )}
      <StsOutcomeView
        outcome={outcome}
        calling="Asking STS…"
        answer={(identity) => (
          <dl className="identity-facts" aria-label="Caller identity">
            <IdentityFact label="Account" value={identity.account} />
            <IdentityFact label="Arn" value={identity.arn} />
            <IdentityFact label="UserId" value={identity.userId} />
          </dl>
        )}
      />
    </section>
  );
}

function IdentityFact({ label, value }: { label: string; value: string }) {
  return (
    <div className="identity-fact">
      <dt>{label}</dt>
      <dd>
        <code>{value}</code> <CopyButton text={value} what={label} />
      </dd>
    </div>
  );
}
