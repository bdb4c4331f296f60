import './profiles.css';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { ExpiryFlag } from './ExpiryFlag';
import { useProfileChoices } from './useProfileChoices';
import { sourceSentence, useActiveSource } from './useActiveSource';

/**
 * "Sign with": the request's profile, or none (the active environment's profile, else the keys
 * typed below), and one sentence saying which source signs and why it cannot, if it cannot.
 */
export function SignWithPicker() {
  const choices = useProfileChoices();
  const profile = usePlaygroundStore((s) => s.request.profile);
  const chooseProfile = usePlaygroundStore((s) => s.request.chooseProfile);
  const environmentProfile = usePlaygroundStore((s) => {
    const { activeId, list } = s.environments;
    const environment = list.find((each) => each.id === activeId);
    return environment?.profile === undefined
      ? null
      : `${environment.name}: ${environment.profile}`;
  });
  const source = useActiveSource();
  const missing = profile !== '' && !choices.some((choice) => choice.name === profile);
  return (
    <div className="sign-with">
      <div className="field sign-with-field">
        <label htmlFor="sign-with">Sign with</label>
        <select
          id="sign-with"
          value={profile}
          aria-describedby="sign-with-source"
          onChange={(event) => chooseProfile(event.target.value)}
        >
          <option value="">
            {environmentProfile === null
              ? 'Keys typed below'
              : `The environment's profile (${environmentProfile})`}
          </option>
          {choices.map((choice) => (
            <option key={choice.name} value={choice.name}>
              {choice.label}
            </option>
          ))}
          {missing && <option value={profile}>Profile {profile} (not on this page)</option>}
        </select>
      </div>
      <p id="sign-with-source" className="hint sign-with-source">
        {sourceSentence(source)}
      </p>
      {source.blocked !== null && (
        <p className="bad sign-with-blocked" role="alert">
          {source.blocked}
        </p>
      )}
      {source.blocked === null && (
        <ExpiryFlag
          expiration={source.expiration}
          whose={source.kind === 'typed' ? 'The keys typed below' : `Profile ${source.name}`}
        />
      )}
    </div>
  );
}
