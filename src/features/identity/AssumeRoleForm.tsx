import './identity.css';
import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CodeInput } from '../../components/ui/CodeInput';
import { MAX_DURATION_SECONDS, MIN_DURATION_SECONDS } from '../../request/sts';
import type { AssumeRoleForm as FormFields } from '../../store/identityState';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { AssumeOutcome } from './AssumeOutcome';

const EMPTY: FormFields = {
  name: 'role',
  roleArn: '',
  roleSessionName: '',
  durationSeconds: '',
  externalId: '',
  mfaSerial: '',
  tokenCode: '',
  sourceProfile: '',
};

/**
 * "Assume role" for a role that no pasted profile names: the form becomes a role profile (kept
 * under its name, like one read from a config file) and is assumed at once.
 */
export function AssumeRoleForm() {
  const assumeRoleWith = usePlaygroundStore((s) => s.identity.assumeRoleWith);
  const sources = usePlaygroundStore(
    useShallow((s) =>
      s.profiles.list.filter((entry) => entry.kind !== 'unsupported').map((entry) => entry.name),
    ),
  );
  const [form, setForm] = useState<FormFields>(EMPTY);
  const [problems, setProblems] = useState<string[]>([]);
  const [assumed, setAssumed] = useState<string | null>(null);
  const id = useId();
  const field = (key: keyof FormFields) => ({
    id: `${id}-${key}`,
    value: form[key],
    onChange: (value: string) => setForm({ ...form, [key]: value }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    setAssumed(form.name.trim());
    void assumeRoleWith(form).then((found) => {
      setProblems(found);
      if (found.length > 0) setAssumed(null);
      // An MFA code works once.
      else setForm((current) => ({ ...current, tokenCode: '' }));
    });
  };

  return (
    <form className="assume-role-form" onSubmit={submit} aria-label="Assume a role">
      <div className="field">
        <label htmlFor={`${id}-roleArn`}>Role ARN</label>
        <CodeInput {...field('roleArn')} placeholder="arn:aws:iam::123456789012:role/name" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sourceProfile`}>Source profile</label>
        <select
          id={`${id}-sourceProfile`}
          value={form.sourceProfile}
          onChange={(event) => setForm({ ...form, sourceProfile: event.target.value })}
        >
          <option value="">The keys in Credentials</option>
          {sources.map((name) => (
            <option key={name} value={name}>
              Profile {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-roleSessionName`}>Session name</label>
        <CodeInput {...field('roleSessionName')} placeholder="sigv4-playground-…" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-durationSeconds`}>Duration (seconds)</label>
        <CodeInput
          {...field('durationSeconds')}
          inputMode="numeric"
          placeholder={`3600 (${MIN_DURATION_SECONDS}–${MAX_DURATION_SECONDS})`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-externalId`}>External ID (optional)</label>
        <CodeInput {...field('externalId')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-mfaSerial`}>MFA device ARN (optional)</label>
        <CodeInput {...field('mfaSerial')} placeholder="arn:aws:iam::123456789012:mfa/user" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tokenCode`}>MFA code</label>
        <CodeInput {...field('tokenCode')} inputMode="numeric" maxLength={6} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Keep as profile</label>
        <CodeInput {...field('name')} />
      </div>
      <div>
        <button type="submit">Assume role</button>
      </div>
      {problems.length > 0 && (
        <ul className="identity-error" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {assumed !== null && <AssumeOutcome name={assumed} />}
    </form>
  );
}
