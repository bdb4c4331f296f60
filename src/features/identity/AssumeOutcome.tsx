import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { StsOutcomeView } from './StsOutcomeView';

/** Where assuming role profile `name` stands: calling, the assumed role, or STS's refusal. */
export function AssumeOutcome({ name }: { name: string }) {
  const outcome = usePlaygroundStore((s) => s.identity.assumed[name]);
  if (outcome === undefined || outcome.kind === 'idle') return null;
  return (
    <StsOutcomeView
      outcome={outcome}
      calling={`Assuming ${name}…`}
      answer={(assumed) => (
        <p>
          Assumed <code>{assumed.assumedRoleArn}</code> until{' '}
          <time dateTime={assumed.expiration}>{assumed.expiration}</time>: the request now signs
          with profile {name}.
        </p>
      )}
    />
  );
}
