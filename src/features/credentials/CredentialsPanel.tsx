import { loadProfilesReader } from '../../store/profilesSlice';
import { pageHasRead, vaultRead } from '../../store/readAfterFirstPaint';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { CodeInput } from '../../components/ui/CodeInput';
import { FieldIssues } from '../../components/ui/FieldIssues';
import { lazyAfterFirstPaint } from '../../components/ui/lazyAfterFirstPaint';
import { RoleProfileSlot } from '../identity/RoleProfileSlot';
import { SignWithPicker } from '../profiles/SignWithPicker';
import { ReservedPlace } from '../../components/ui/ReservedPlace';

// The AWS files' profiles and the vault load after the first signature: the keys typed here sign
// it (a stored vault opens only with its passphrase, and profiles live in memory).
const ProfilesSection = lazyAfterFirstPaint(() =>
  Promise.all([import('../profiles/ProfilesSection'), loadProfilesReader()]).then(
    ([module]) => module.ProfilesSection,
  ),
);
// The vault's panel comes once whether a vault is stored is read, as it first shows it
// (readAfterFirstPaint.ts).
const VaultPanel = lazyAfterFirstPaint(() =>
  Promise.all([import('../vault/VaultPanel'), pageHasRead(vaultRead)]).then(
    ([module]) => module.VaultPanel,
  ),
);

/** Access key, secret, session token, and whether the browser may keep them (the vault). */
export function CredentialsPanel() {
  const accessKeyId = usePlaygroundStore((s) => s.credentials.accessKeyId);
  const secretAccessKey = usePlaygroundStore((s) => s.credentials.secretAccessKey);
  const sessionToken = usePlaygroundStore((s) => s.credentials.sessionToken);
  const secretVisible = usePlaygroundStore((s) => s.credentials.secretVisible);
  const setField = usePlaygroundStore((s) => s.credentials.setField);
  const expiration = usePlaygroundStore((s) => s.credentials.expiration);

  return (
    <div className="fields">
      <SignWithPicker />

      <div className="field">
        <label htmlFor="access-key-id">Access key ID</label>
        <CodeInput
          id="access-key-id"
          value={accessKeyId}
          onChange={(value) => setField('accessKeyId', value)}
          aria-describedby="access-key-id-issues"
        />
        <FieldIssues fields={['credentials.accessKeyId']} id="access-key-id-issues" />
      </div>

      <div className="field">
        <label htmlFor="secret-access-key">Secret access key</label>
        <div className="input-with-button">
          <CodeInput
            id="secret-access-key"
            type={secretVisible ? 'text' : 'password'}
            value={secretAccessKey}
            onChange={(value) => setField('secretAccessKey', value)}
            aria-describedby="secret-access-key-issues"
          />
          <button
            type="button"
            aria-pressed={secretVisible}
            aria-controls="secret-access-key"
            onClick={() => setField('secretVisible', !secretVisible)}
          >
            {secretVisible ? 'Hide' : 'Show'}
          </button>
        </div>
        <FieldIssues fields={['credentials.secretAccessKey']} id="secret-access-key-issues" />
      </div>

      <div className="field">
        <label htmlFor="session-token">Session token</label>
        {/* A token signs like the secret (until it expires): masked the same, shown by the same Show. */}
        <CodeInput
          id="session-token"
          type={secretVisible ? 'text' : 'password'}
          value={sessionToken}
          placeholder="only for temporary (ASIA…) keys"
          onChange={(value) => setField('sessionToken', value)}
          aria-describedby="session-token-issues"
        />
        <FieldIssues fields={['credentials.sessionToken']} id="session-token-issues" />
      </div>

      {expiration !== null && (
        <p className="hint" aria-label="Credentials expiry">
          These keys expire at <time dateTime={expiration}>{expiration}</time>.
        </p>
      )}

      <ProfilesSection
        renderRoleAction={(name) => <RoleProfileSlot name={name} />}
        fallback={
          <section className="profiles" aria-labelledby="profiles-title">
            <h3 id="profiles-title">Profiles from AWS files</h3>
            <ReservedPlace panel="profiles" />
          </section>
        }
      />

      <VaultPanel fallback={<ReservedPlace panel="vault" />} />
    </div>
  );
}
