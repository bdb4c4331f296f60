import { useState, type FormEvent } from 'react';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

/** The locked vault's prompt: its passphrase and "Unlock". */
export function UnlockVaultForm() {
  const unlock = usePlaygroundStore((s) => s.vault.unlock);
  const busy = usePlaygroundStore((s) => s.vault.busy);
  const [passphrase, setPassphrase] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await unlock(passphrase)) setPassphrase('');
  };

  return (
    <form className="vault-form" onSubmit={(event) => void submit(event)}>
      <p>
        <strong>The vault is locked.</strong> Your keys and profiles are saved encrypted in this
        browser: unlock it to sign with them.
      </p>
      <div className="field">
        <label htmlFor="vault-passphrase">Vault passphrase</label>
        <div className="input-with-button">
          <input
            id="vault-passphrase"
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
          />
          <button type="submit" disabled={busy || passphrase === ''}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </div>
    </form>
  );
}
