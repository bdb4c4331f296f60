import { useId } from 'react';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { useProfileChoices } from './useProfileChoices';

/**
 * The profile an environment's requests sign with (unless a request names its own): part of the
 * environment, saved with it by name.
 */
export function EnvironmentProfileSelect({
  environmentId,
  environmentName,
  profile,
}: {
  environmentId: string;
  environmentName: string;
  profile: string | undefined;
}) {
  const id = useId();
  const choices = useProfileChoices();
  const setProfile = usePlaygroundStore((s) => s.environments.setProfile);
  const value = profile ?? '';
  const missing = value !== '' && !choices.some((choice) => choice.name === value);
  return (
    <div className="field environment-profile">
      <label htmlFor={id}>Profile for {environmentName}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => setProfile(environmentId, event.target.value)}
      >
        <option value="">
          None: each request’s own choice, else the keys typed in Credentials
        </option>
        {choices.map((choice) => (
          <option key={choice.name} value={choice.name}>
            {choice.label}
          </option>
        ))}
        {missing && <option value={value}>Profile {value} (not on this page)</option>}
      </select>
      <p className="hint">
        {value === ''
          ? 'While this environment is active, requests without a profile of their own sign with the keys typed in Credentials.'
          : `While this environment is active, requests without a profile of their own sign with profile ${value}.`}
      </p>
    </div>
  );
}
