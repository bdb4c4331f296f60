import './credentials.css';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { Checkbox } from '../../components/ui/Checkbox';
import { CodeInput } from '../../components/ui/CodeInput';
import { FieldIssues } from '../../components/ui/FieldIssues';

/** Access key, secret, session token, and whether the browser may keep them. */
export function CredentialsPanel() {
  const accessKeyId = usePlaygroundStore((s) => s.credentials.accessKeyId);
  const secretAccessKey = usePlaygroundStore((s) => s.credentials.secretAccessKey);
  const sessionToken = usePlaygroundStore((s) => s.credentials.sessionToken);
  const remember = usePlaygroundStore((s) => s.credentials.remember);
  const secretVisible = usePlaygroundStore((s) => s.credentials.secretVisible);
  const setField = usePlaygroundStore((s) => s.credentials.setField);
  const forget = usePlaygroundStore((s) => s.credentials.forget);
  const expiration = usePlaygroundStore((s) => s.credentials.expiration);

  return (
    <div className="fields">
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
            Show
          </button>
        </div>
        <FieldIssues fields={['credentials.secretAccessKey']} id="secret-access-key-issues" />
      </div>

      <div className="field">
        <label htmlFor="session-token">Session token</label>
        <CodeInput
          id="session-token"
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

      <div className="remember">
        <Checkbox checked={remember} onChange={(checked) => setField('remember', checked)}>
          Remember credentials in this browser
        </Checkbox>
        {remember ? (
          <div className="warning-box" role="note">
            <p>
              The secret key and session token, and the values of credential headers (Authorization,
              Cookie, API keys, tokens) and URL credentials in the request, are saved unencrypted in
              this browser&apos;s local storage. Anyone who can use this browser profile, and any
              script running on this page&apos;s origin, can read them. Use this only on your own
              machine. History and share links never keep them.
            </p>
            <button type="button" onClick={forget}>
              Forget
            </button>
          </div>
        ) : (
          <p className="hint">
            The secret key and session token stay in this tab&apos;s memory: a reload clears them,
            as it clears the values of credential headers (Authorization, Cookie, API keys, tokens)
            and URL credentials in the request. Only the signed request leaves the page.
          </p>
        )}
      </div>
    </div>
  );
}
