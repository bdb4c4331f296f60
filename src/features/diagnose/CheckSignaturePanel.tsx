import './diagnose.css';
import './checkSignature.css';
import { useState } from 'react';
import { checkSignature, type SignatureCheck } from '../../diagnosis/checkSignature';
import { useCheckSignatureDraft } from './checkSignatureDraft';
import { MonoBlock } from '../../components/ui/MonoBlock';
import { PasteField } from '../../components/ui/PasteField';

const FORMAT_NAMES: Record<SignatureCheck['format'], string> = {
  http: 'raw HTTP request',
  curl: 'curl command',
  'presigned-url': 'presigned URL',
};

/**
 * Recomputes the signature of a signed request pasted from anywhere. The secret typed here is
 * for this check only: it is component state, never in the store, never saved.
 */
export function CheckSignaturePanel() {
  // Shared with Import's "Check it", which fills it.
  const text = useCheckSignatureDraft((s) => s.text);
  const setText = useCheckSignatureDraft((s) => s.setText);
  const [secret, setSecret] = useState('');
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'checking' }
    | { kind: 'done'; check: SignatureCheck }
    | { kind: 'failed'; message: string }
  >({ kind: 'idle' });

  const check = () => {
    setState({ kind: 'checking' });
    checkSignature(text, secret, { now: new Date() }).then(
      (result) => setState({ kind: 'done', check: result }),
      (error: unknown) =>
        setState({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  };

  return (
    <form
      className="check-signature"
      onSubmit={(event) => {
        event.preventDefault();
        check();
      }}
    >
      <PasteField
        id="signed-request"
        label="Signed request"
        rows={6}
        placeholder="A raw HTTP request, a curl command, or a presigned URL."
        value={text}
        onChange={setText}
      />
      <div className="field">
        <label htmlFor="check-secret">Secret key for checking</label>
        <input
          id="check-secret"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
        />
        <span className="hint">Used for this check only; never stored.</span>
      </div>
      <button type="submit" disabled={text.trim() === '' || state.kind === 'checking'}>
        Check
      </button>
      <div role="status" className="check-status">
        {state.kind === 'checking' && 'Checking…'}
        {state.kind === 'failed' && `The check failed: ${state.message}`}
        {state.kind === 'done' && (
          <strong className={state.check.valid ? 'ok' : 'bad'}>
            {state.check.valid
              ? 'Valid'
              : state.check.signatureMatches
                ? 'Not valid: the signature matches, but AWS would refuse the request (see below)'
                : 'Not valid'}
          </strong>
        )}
      </div>
      {state.kind === 'done' && <CheckResult check={state.check} />}
    </form>
  );
}

function CheckResult({ check }: { check: SignatureCheck }) {
  return (
    <div className="check-result">
      <p className="hint">
        Read as a {FORMAT_NAMES[check.format]}.
        {check.credentialScope !== undefined && (
          <>
            {' '}
            Scope <code>{check.credentialScope}</code>.
          </>
        )}
      </p>
      {check.givenSignature !== undefined && (
        <p>
          Given signature: <code>{check.givenSignature}</code>
        </p>
      )}
      {check.expectedSignature !== undefined && (
        <p>
          Expected signature: <code>{check.expectedSignature}</code>
        </p>
      )}
      {check.findings.length > 0 && (
        <ul className="issues" aria-label="Findings">
          {check.findings.map((finding, index) => (
            <li key={index} className={`issue issue-${finding.severity}`}>
              <span className="issue-severity">{finding.severity}</span>
              <span className="issue-message">{finding.message}</span>
            </li>
          ))}
        </ul>
      )}
      {check.canonicalRequest !== undefined && (
        <>
          <h3>Canonical request (ours)</h3>
          <MonoBlock text={check.canonicalRequest} />
        </>
      )}
      {check.stringToSign !== undefined && (
        <>
          <h3>String to sign (ours)</h3>
          <MonoBlock text={check.stringToSign} />
        </>
      )}
    </div>
  );
}
