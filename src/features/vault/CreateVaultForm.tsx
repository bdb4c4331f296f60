import { useState, type FormEvent } from 'react';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { MIN_PASSPHRASE_CHARS, passphraseStrength } from '../../vault/passphraseStrength';

/** Two passphrase fields, a strength hint, and "Create vault". */
export function CreateVaultForm() {
  const create = usePlaygroundStore((s) => s.vault.create);
  const busy = usePlaygroundStore((s) => s.vault.busy);
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const strength = passphraseStrength(passphrase);
  const mismatch = repeated !== '' && repeated !== passphrase;
  const ready = strength !== 'too short' && repeated === passphrase;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    if (await create(passphrase)) {
      setPassphrase('');
      setRepeated('');
    }
  };

  return (
    <form className="vault-form" onSubmit={(event) => void submit(event)}>
      <p className="hint">
        The secret key, session token and profiles are saved encrypted (AES-GCM, with a key derived
        from your passphrase by Argon2id). The passphrase itself is never saved: without it, nobody
        — not even this page — can read them.
      </p>
      <div className="field">
        <label htmlFor="vault-new-passphrase">New vault passphrase</label>
        <input
          id="vault-new-passphrase"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          aria-describedby="vault-strength"
        />
        <p className="hint" id="vault-strength" aria-live="polite">
          {passphrase === ''
            ? `At least ${MIN_PASSPHRASE_CHARS} characters; a few unrelated words make a good one.`
            : `Strength: ${strength}${strength === 'too short' ? ` (at least ${MIN_PASSPHRASE_CHARS} characters)` : ''}.`}
        </p>
      </div>
      <div className="field">
        <label htmlFor="vault-repeat-passphrase">Repeat the passphrase</label>
        <input
          id="vault-repeat-passphrase"
          type="password"
          autoComplete="new-password"
          value={repeated}
          onChange={(event) => setRepeated(event.target.value)}
        />
        {mismatch && <p className="bad">The two passphrases differ.</p>}
      </div>
      <button type="submit" className="button" disabled={!ready || busy}>
        {busy ? 'Creating…' : 'Create vault'}
      </button>
    </form>
  );
}
