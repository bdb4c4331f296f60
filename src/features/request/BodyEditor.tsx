import './request.css';
import { useMemo } from 'react';
import { MAX_SIGNED_FILE_BYTES } from '../../store/planSigning';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { checkJson, formatBytes } from '../../components/ui/bodyText';
import { FieldIssues } from '../../components/ui/FieldIssues';

/** Files above this show a progress bar while they are read. */
const SHOW_PROGRESS_FROM = 1024 * 1024;

/** The request body: text (with a JSON check) or the bytes of a chosen file. */
export function BodyEditor() {
  const bodySource = usePlaygroundStore((s) => s.request.bodySource);
  const bodyText = usePlaygroundStore((s) => s.request.bodyText);
  const bodyFile = usePlaygroundStore((s) => s.request.bodyFile);
  const payload = usePlaygroundStore((s) => s.options.payload);
  const setField = usePlaygroundStore((s) => s.request.setField);
  const loadBodyFile = usePlaygroundStore((s) => s.request.loadBodyFile);
  const clearBodyFile = usePlaygroundStore((s) => s.request.clearBodyFile);
  const setOption = usePlaygroundStore((s) => s.options.setField);
  const json = useMemo(() => checkJson(bodyText), [bodyText]);
  const textBytes = useMemo(() => new TextEncoder().encode(bodyText).byteLength, [bodyText]);
  const usingFile = bodySource === 'file' && bodyFile !== null;

  return (
    <div className="field body-editor">
      <div className="field-head">
        {usingFile ? <span className="label">Body</span> : <label htmlFor="body">Body</label>}
        <label className="button small-button file-button">
          Choose file
          <input
            type="file"
            className="file-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared so that choosing the same file again (after editing it) reads it again.
              event.target.value = '';
              if (file) void loadBodyFile(file);
            }}
          />
        </label>
      </div>

      {usingFile ? (
        <div className="file-card" aria-live="polite">
          <div className="file-card-head">
            <strong className="file-name">{bodyFile.name}</strong>
            <span className="muted">
              {formatBytes(bodyFile.size)}
              {bodyFile.type ? ` · ${bodyFile.type}` : ''}
            </span>
            <button type="button" className="small-button" onClick={clearBodyFile}>
              Use text instead
            </button>
          </div>
          {bodyFile.status === 'reading' && bodyFile.size >= SHOW_PROGRESS_FROM && (
            <div className="progress-line">
              <progress
                max={bodyFile.size}
                value={bodyFile.loadedBytes}
                aria-label={`Reading ${bodyFile.name}`}
              />
              <span className="muted">
                {Math.floor((bodyFile.loadedBytes / Math.max(1, bodyFile.size)) * 100)}%
              </span>
            </div>
          )}
          {bodyFile.status === 'reading' && bodyFile.size < SHOW_PROGRESS_FROM && (
            <p className="hint">Reading…</p>
          )}
          {bodyFile.status === 'error' && (
            <p className="issue issue-error">Could not read the file: {bodyFile.error}</p>
          )}
          {bodyFile.status === 'ready' && bodyFile.size > MAX_SIGNED_FILE_BYTES && (
            <div className="issue issue-warning">
              <span className="issue-message">
                Over {formatBytes(MAX_SIGNED_FILE_BYTES)}: hashing it on every change would make the
                page lag. Sign it with UNSIGNED-PAYLOAD (S3 and some services accept it; API Gateway
                signs the body).
              </span>
              {payload === 'signed' && (
                <button
                  type="button"
                  className="fix-button"
                  onClick={() => setOption('payload', 'unsigned')}
                >
                  Use UNSIGNED-PAYLOAD
                </button>
              )}
            </div>
          )}
          {bodyFile.status === 'ready' && bodyFile.size <= MAX_SIGNED_FILE_BYTES && (
            <p className="hint">Sent and signed as these exact bytes.</p>
          )}
        </div>
      ) : (
        <>
          <textarea
            id="body"
            className="mono"
            rows={5}
            value={bodyText}
            spellCheck={false}
            onChange={(event) => setField('bodyText', event.target.value)}
            aria-describedby="body-status body-issues"
          />
          {/* One line, always present: the JSON check never pushes the page down. */}
          <div className="hint body-status" id="body-status">
            {json.kind === 'valid' && (
              <>
                <span className="ok">Valid JSON</span>
                {json.pretty !== bodyText && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setField('bodyText', json.pretty)}
                  >
                    Pretty-print
                  </button>
                )}
              </>
            )}
            {json.kind === 'invalid' && <span className="bad">Invalid JSON: {json.message}</span>}
            {json.kind === 'not-json' &&
              (bodyText === '' ? 'Empty body' : `${formatBytes(textBytes)} of text`)}
          </div>
        </>
      )}
      <FieldIssues fields={['body']} id="body-issues" />
    </div>
  );
}
