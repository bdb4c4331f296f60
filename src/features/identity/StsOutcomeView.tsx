import type { ReactNode } from 'react';
import type { StsOutcome } from '../../store/identityState';
import { StsCallLine } from './ShowSigningButton';

/**
 * An STS call's outcome as both identity calls show it: a status that says it is calling, what
 * the answer means (`answer`), or STS's refusal as a sentence; then which STS was asked, by whom.
 */
export function StsOutcomeView<T>({
  outcome,
  calling,
  answer,
}: {
  outcome: StsOutcome<T>;
  /** The status while the call is under way ("Asking STS…"). */
  calling: string;
  answer: (value: T) => ReactNode;
}) {
  return (
    <>
      <div role="status">
        {outcome.kind === 'calling' && <p className="hint">{calling}</p>}
        {outcome.kind === 'ok' && answer(outcome.value)}
        {outcome.kind === 'error' && (
          <p className="identity-error" role="alert">
            {outcome.sentence}
          </p>
        )}
      </div>
      {(outcome.kind === 'ok' || outcome.kind === 'error') && outcome.call !== null && (
        <StsCallLine call={outcome.call} />
      )}
    </>
  );
}
