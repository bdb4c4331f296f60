import { useState } from 'react';
import { PasteField } from '../../components/ui/PasteField';
import {
  importAnything,
  type ImportResult,
  type ImportSource,
} from '../../importing/importAnything';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { useCheckSignatureDraft } from '../diagnose/checkSignatureDraft';

const SOURCE_NAMES: Record<ImportSource, string> = {
  curl: 'curl command',
  httpie: 'HTTPie command',
  fetch: 'fetch snippet',
  powershell: 'PowerShell command',
  http: 'HTTP request',
  url: 'URL',
};

type Imported = Exclude<ImportResult, { kind: 'error' }>;

/** The Import panel's content: a text box, the Import button, and what the import did. */
export function ImportBody() {
  const [text, setText] = useState('');
  const [imported, setImported] = useState<{ result: ImportResult; text: string } | null>(null);
  const [signatureDropped, setSignatureDropped] = useState(false);
  const importRequest = usePlaygroundStore((s) => s.request.importRequest);
  const importCredentials = usePlaygroundStore((s) => s.credentials.importCredentials);
  const setCheckText = useCheckSignatureDraft((s) => s.setText);

  const runImport = () => {
    const result = importAnything(text);
    // Anything not understood changes nothing in the form: only the message shows.
    if (result.kind === 'request') importRequest(result.request);
    else if (result.kind === 'credentials') importCredentials(result.credentials);
    setImported({ result, text });
    setSignatureDropped(false);
  };

  const checkIt = (signedText: string) => {
    setCheckText(signedText);
    const field = document.getElementById('signed-request');
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  };

  return (
    <form
      className="import"
      onSubmit={(event) => {
        event.preventDefault();
        runImport();
      }}
    >
      <PasteField
        id="import-text"
        label="Paste a curl command, credentials or an HTTP request"
        rows={5}
        placeholder="curl …, http POST … (HTTPie), fetch(…) or Invoke-WebRequest … (Copy as fetch / PowerShell), aws configure export-credentials output, ~/.aws/credentials, STS JSON, GET /path HTTP/1.1 …"
        value={text}
        onChange={setText}
      />
      <button type="submit" disabled={text.trim() === ''}>
        Import
      </button>
      <div role="status" className="import-status">
        {imported !== null && imported.result.kind === 'error' && (
          <p className="bad">Not imported: {imported.result.error} Nothing in the form changed.</p>
        )}
        {imported !== null && imported.result.kind !== 'error' && (
          <ImportedSummary result={imported.result} />
        )}
      </div>
      {imported !== null &&
        imported.result.kind === 'request' &&
        imported.result.request.existingSignature !== undefined && (
          <div className="callout callout-info" role="note" aria-label="Existing signature">
            <p className="callout-title">The pasted request was already signed</p>
            <p>
              <code className="import-signature">
                {imported.result.request.existingSignature.detail}
              </code>
            </p>
            {signatureDropped ? (
              <p>Dropped: the page signs the request afresh, with the keys in Credentials.</p>
            ) : (
              <p className="step-actions">
                <button type="button" onClick={() => checkIt(imported.text)}>
                  Check it
                </button>
                <button type="button" onClick={() => setSignatureDropped(true)}>
                  Drop it and re-sign
                </button>
              </p>
            )}
          </div>
        )}
    </form>
  );
}

function ImportedSummary({ result }: { result: Imported }) {
  if (result.kind === 'credentials') {
    const { credentials } = result;
    return (
      <>
        <p className="ok">
          Filled the credentials from {credentials.format}
          {credentials.profile === undefined ? '' : ` (profile ${credentials.profile})`}:{' '}
          <code>{credentials.accessKeyId}</code>
          {credentials.sessionToken === undefined ? '' : ' with its session token'}.
        </p>
        {credentials.expiration !== undefined && (
          <p>
            They expire at <time dateTime={credentials.expiration}>{credentials.expiration}</time>.
          </p>
        )}
      </>
    );
  }
  const { request } = result;
  return (
    <>
      <p className="ok">
        Imported a {SOURCE_NAMES[result.source]}: {request.method} <code>{request.url}</code>
        {request.credentials === undefined ? '' : ', with its keys'}.
      </p>
      {request.notes.length > 0 && (
        <ul className="import-notes" aria-label="Import notes">
          {request.notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
    </>
  );
}
