import './diagnose.css';
import { useMemo, useState } from 'react';
import { parsePastedError } from '../../diagnosis/parsePastedError';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { AwsErrorHelp } from './AwsErrorHelp';
import { doctorContext } from './awsErrorContext';

/**
 * An AWS error from elsewhere (a CLI, a log), explained against the page's current signing: the
 * mismatch view for a signature mismatch, the error doctor's advice for the rest.
 */
export function PasteErrorPanel() {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="panel panel-collapsible"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        <h2>Paste an AWS error</h2>
      </summary>
      {open && <PasteErrorBody />}
    </details>
  );
}

function PasteErrorBody() {
  const [text, setText] = useState('');
  // The signing the steps show: the error is explained against what the page signed.
  const ours = usePlaygroundStore((s) => s.signing.shown);
  const context = useMemo(() => (ours === null ? null : doctorContext(ours)), [ours]);
  const error = useMemo(() => (text.trim() === '' ? null : parsePastedError(text)), [text]);

  return (
    <div className="paste-error">
      <div className="field">
        <label htmlFor="aws-error">AWS error</label>
        <textarea
          id="aws-error"
          rows={5}
          spellCheck={false}
          value={text}
          placeholder="The error as AWS returned it: the JSON or XML body, or the message from the CLI or an SDK."
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {error !== null &&
        (error.kind === 'unknown' ? (
          <p className="hint">
            Not an error this page recognises. Paste the whole message, with its type (for example{' '}
            <code>InvalidSignatureException</code>).
          </p>
        ) : (
          <AwsErrorHelp error={error} ours={ours} context={context} />
        ))}
    </div>
  );
}
