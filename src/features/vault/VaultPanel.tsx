import './vault.css';
import { useState } from 'react';
import { downloadFile } from '../../components/ui/downloadFile';
import { MAX_IDLE_LOCK_MINUTES } from '../../store/vaultSlice';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { CreateVaultForm } from './CreateVaultForm';
import { ImportVaultForm } from './ImportVaultForm';
import { UnlockVaultForm } from './UnlockVaultForm';
import { useIdleLock } from './useIdleLock';

const EXPORT_FILE_NAME = 'sigv4-playground-vault.json';

/**
 * Where secrets may be kept: in this tab's memory only (no vault), or encrypted in this browser
 * (a vault: locked, or unlocked and written again on every change).
 */
export function VaultPanel() {
  useIdleLock();
  const status = usePlaygroundStore((s) => s.vault.status);
  const error = usePlaygroundStore((s) => s.vault.error);
  const plainCopyRemoved = usePlaygroundStore((s) => s.vault.plainCopyRemoved);
  const dismissNotice = usePlaygroundStore((s) => s.vault.dismissNotice);
  const exportFile = usePlaygroundStore((s) => s.vault.exportFile);
  const forgetEverything = usePlaygroundStore((s) => s.vault.forgetEverything);
  const [importing, setImporting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Open at first when there are migrated keys to keep; the user opens and closes it after that.
  const [offerOpen] = useState(plainCopyRemoved);

  const download = async () => {
    const text = await exportFile();
    if (text !== null) downloadFile(EXPORT_FILE_NAME, text, 'application/json');
  };

  return (
    <div className="vault" role="group" aria-label="Vault">
      {plainCopyRemoved && (
        <div className="warning-box" role="status">
          <p>
            An older version of this page kept your secret key in this browser unencrypted. That
            copy is now deleted; the keys stay in this tab until you reload. To keep them, save them
            in an encrypted vault.
          </p>
          <button type="button" className="small-button" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      )}

      {status === 'absent' && (
        <>
          <p className="hint">
            The secret key and session token stay in this tab&apos;s memory: a reload clears them,
            as it clears the values of credential headers (Authorization, Cookie, API keys, tokens)
            and URL credentials in the request. Only the signed request leaves the page.
          </p>
          <details className="vault-create" open={offerOpen || undefined}>
            <summary>Keep secrets in this browser, encrypted</summary>
            <CreateVaultForm />
          </details>
        </>
      )}
      {status === 'locked' && <UnlockVaultForm />}
      {status === 'unlocked' && <UnlockedVault />}

      {error !== null && (
        <p className="bad" role="alert">
          {error}
        </p>
      )}

      {status !== 'loading' && (
        <div className="vault-actions">
          {status !== 'absent' && (
            <button type="button" className="small-button" onClick={() => void download()}>
              Export vault
            </button>
          )}
          <button
            type="button"
            className="small-button"
            aria-expanded={importing}
            onClick={() => setImporting(!importing)}
          >
            Import vault…
          </button>
          {status !== 'absent' && (
            <button
              type="button"
              className="small-button"
              aria-expanded={confirming}
              onClick={() => setConfirming(!confirming)}
            >
              Forget everything
            </button>
          )}
        </div>
      )}
      {confirming && status !== 'absent' && (
        <div className="warning-box" role="alert">
          <p>
            Delete the vault from this browser, and the secret key, session token and profiles’
            secrets from this tab? An exported vault file is not affected.
          </p>
          <button
            type="button"
            className="small-button"
            onClick={() => {
              setConfirming(false);
              void forgetEverything();
            }}
          >
            Delete the vault
          </button>
          <button type="button" className="small-button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
      {importing && <ImportVaultForm onDone={() => setImporting(false)} />}
    </div>
  );
}

/** The unlocked vault: what it does, Lock, and the idle time after which it locks itself. */
function UnlockedVault() {
  const lock = usePlaygroundStore((s) => s.vault.lock);
  const minutes = usePlaygroundStore((s) => s.vault.idleLockMinutes);
  const setMinutes = usePlaygroundStore((s) => s.vault.setIdleLockMinutes);
  return (
    <div className="vault-form">
      <p>
        <strong>The vault is unlocked.</strong> The secret key, session token and profiles are saved
        encrypted in this browser as you change them; the passphrase is not kept.
      </p>
      <div className="vault-row">
        <button type="button" className="button" onClick={lock}>
          Lock
        </button>
        <label htmlFor="vault-idle-minutes">Lock after</label>
        <input
          id="vault-idle-minutes"
          type="number"
          min={0}
          max={MAX_IDLE_LOCK_MINUTES}
          value={minutes}
          onChange={(event) => setMinutes(event.target.valueAsNumber)}
          aria-describedby="vault-idle-hint"
        />
        <span id="vault-idle-hint">minutes without input (0: never)</span>
      </div>
    </div>
  );
}
