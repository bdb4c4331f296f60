import './diagnose.css';
import { useMemo, useState } from 'react';
import { explainErrorType } from '../../diagnosis/explainErrorType';
import { parsePastedError } from '../../diagnosis/parsePastedError';
import { PasteField } from '../../components/ui/PasteField';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { AwsErrorHelp } from './AwsErrorHelp';
import { doctorContext } from './awsErrorContext';

/** The pasted error and its explanation: loaded when the panel first opens (PasteErrorPanel.tsx). */
export function PasteErrorBody() {
  const [text, setText] = useState('');
  // The signing the steps show: the error is explained against what the page signed.
  const ours = usePlaygroundStore((s) => s.signing.shown);
  const context = useMemo(() => (ours === null ? null : doctorContext(ours)), [ours]);
  const error = useMemo(() => (text.trim() === '' ? null : parsePastedError(text)), [text]);

  return (
    <div className="paste-error">
      <PasteField
        id="aws-error"
        label="AWS error"
        rows={5}
        placeholder="The error as AWS returned it: the JSON or XML body, or the message from the CLI or an SDK."
        value={text}
        onChange={setText}
      />
      {error !== null &&
        // An error of no known kind still gets help when its type or text is explained.
        (error.kind === 'unknown' &&
        error.explanation === undefined &&
        explainErrorType(error.type ?? null) === undefined ? (
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
