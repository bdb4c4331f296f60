import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { StsCallLine } from './ShowSigningButton';

/** Where assuming role profile `name` stands: calling, the assumed role, or STS's refusal. */
export function AssumeOutcome({ name }: { name: string }) {
  const outcome = usePlaygroundStore((s) => s.identity.assumed[name]);
  if (outcome === undefined || outcome.kind === 'idle') return null;
  return (
    <>
      <div role="status">
        {outcome.kind === 'calling' && <p className="hint">Assuming {name}…</p>}
        {outcome.kind === 'ok' && (
          <p>
            Assumed <code>{outcome.value.assumedRoleArn}</code> until{' '}
            <time dateTime={outcome.value.expiration}>{outcome.value.expiration}</time>: the request
            now signs with profile {name}.
          </p>
        )}
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
