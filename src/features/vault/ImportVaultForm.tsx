import { useState, type FormEvent } from 'react';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { MAX_ENVELOPE_CHARS } from '../../vault/vaultEnvelope';

/** A vault file (Export's) and its passphrase: it replaces the vault in this browser. */
export function ImportVaultForm({ onDone }: { onDone: () => void }) {
  const importFile = usePlaygroundStore((s) => s.vault.importFile);
  const busy = usePlaygroundStore((s) => s.vault.busy);
  const replacing = usePlaygroundStore((s) => s.vault.status !== 'absent');
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (file === null) return;
    // A file larger than any vault is not read into memory at all.
    if (file.size > MAX_ENVELOPE_CHARS) {
      setProblem('This file is far too large to be a vault.');
      return;
    }
    setProblem(null);
    if (await importFile(await file.text(), passphrase)) onDone();
  };

  return (
    <form className="vault-form" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor="vault-import-file">Vault file</label>
        <input
          id="vault-import-file"
          type="file"
          accept=".json,application/json"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <div className="field">
        <label htmlFor="vault-import-passphrase">Passphrase of that vault</label>
        <input
          id="vault-import-passphrase"
          type="password"
          autoComplete="off"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </div>
      {replacing && <p className="hint">It replaces the vault kept in this browser now.</p>}
      {problem !== null && <p className="bad">{problem}</p>}
      <button type="submit" disabled={busy || file === null || passphrase === ''}>
        {busy ? 'Importing…' : 'Import vault'}
      </button>
    </form>
  );
}
