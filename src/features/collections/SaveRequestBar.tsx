import './collections.css';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SaveResult } from '../../store/collectionsState';
import { selectSavedStatus } from '../../store/selectSavedStatus';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { SaveAsForm } from './SaveAsForm';

interface SaveMessage {
  ok: boolean;
  text: string;
}

function savedMessage(result: SaveResult): SaveMessage {
  if (!result.ok) return { ok: false, text: result.error };
  if (result.notKept.length === 0) return { ok: true, text: 'Saved.' };
  return {
    ok: true,
    text: `Saved, without ${result.notKept.join(', ')} (credentials are never saved in a collection).`,
  };
}

/**
 * Which saved request the form came from, whether it has unsaved changes, and Save / Save as….
 * Above the request, so the user sees what they are editing before they edit it.
 */
export function SaveRequestBar() {
  const status = usePlaygroundStore(
    useShallow((s) => {
      const saved = selectSavedStatus(s);
      return saved.kind === 'saved' || saved.kind === 'modified'
        ? { ...saved }
        : { kind: saved.kind, place: null, collectionId: '', collectionName: '', path: '' };
    }),
  );
  const loading = usePlaygroundStore((s) => s.collections.status === 'loading');
  const saveRequest = usePlaygroundStore((s) => s.collections.saveRequest);
  const [savingAs, setSavingAs] = useState(false);
  const [message, setMessage] = useState<SaveMessage | null>(null);

  const from =
    status.kind === 'saved' || status.kind === 'modified' ? (
      <>
        <span className="saved-from-name">
          {status.collectionName} / {status.path}
        </span>{' '}
        <span className="muted">
          ({status.place === 'disk' ? `on disk: ${status.collectionId}/` : 'in this browser'})
        </span>
        {status.kind === 'modified' ? (
          <span className="tag tag-unsigned">Unsaved changes</span>
        ) : (
          <span className="tag tag-signed">Saved</span>
        )}
      </>
    ) : status.kind === 'missing' ? (
      <span className="muted">Its saved request was deleted: Save as… keeps it again.</span>
    ) : (
      <span className="muted">Not saved in a collection.</span>
    );

  return (
    <div className="save-request">
      <div className="save-request-bar">
        <p className="saved-from" aria-label="Saved request" aria-live="polite">
          {from}
        </p>
        <div className="step-actions">
          <button
            type="button"
            className="small-button"
            disabled={status.kind !== 'modified'}
            onClick={() => setMessage(savedMessage(saveRequest()))}
          >
            Save
          </button>
          <button
            type="button"
            className="small-button"
            aria-expanded={savingAs}
            disabled={loading}
            onClick={() => {
              setSavingAs(!savingAs);
              setMessage(null);
            }}
          >
            Save as…
          </button>
        </div>
      </div>
      {savingAs && (
        <SaveAsForm
          onSaved={(result) => {
            setSavingAs(false);
            setMessage(savedMessage(result));
          }}
          onCancel={() => setSavingAs(false)}
        />
      )}
      <p className={message?.ok === false ? 'bad' : 'hint'} role="status">
        {/* "Saved" lasts while it is true: the next edit makes it old news. */}
        {message !== null && (!message.ok || status.kind === 'saved') && message.text}
      </p>
    </div>
  );
}
