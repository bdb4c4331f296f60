import './history.css';
import { withheldNames } from '../../store/requestSnapshot';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

function timeOf(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

/**
 * Every sent request, newest first, without keys or any credential header or URL credential
 * (each entry says which it left out): Open puts one back into the form.
 */
export function HistoryPanel() {
  const entries = usePlaygroundStore((s) => s.history.entries);
  const open = usePlaygroundStore((s) => s.history.open);
  const remove = usePlaygroundStore((s) => s.history.remove);
  const clear = usePlaygroundStore((s) => s.history.clear);

  if (entries.length === 0)
    return (
      <p className="hint">
        Each request you send shows here, without its keys and without the values of credential
        headers (Authorization, Cookie, API keys, tokens).
      </p>
    );
  return (
    <div className="history">
      <ol className="history-list" aria-label="Sent requests">
        {entries.map((entry) => {
          const withheld = withheldNames(entry.request);
          return (
            <li key={entry.id} className="history-entry">
              <span className="history-line">
                <span className="wire-method">{entry.request.method}</span>{' '}
                <code className="history-url">{entry.request.url}</code>
              </span>
              <span className="history-meta muted">
                <span className={entry.status === null || entry.status >= 400 ? 'bad' : 'ok'}>
                  {entry.status === null ? entry.statusText : `${entry.status} ${entry.statusText}`}
                </span>{' '}
                ·{' '}
                <time dateTime={new Date(entry.sentAt).toISOString()}>{timeOf(entry.sentAt)}</time>
                {entry.request.bodyDropped && ' · body not kept'}
                {withheld.length > 0 && ` · not kept: ${withheld.join(', ')}`}
              </span>
              <span className="step-actions">
                <button type="button" className="small-button" onClick={() => open(entry.id)}>
                  Open
                </button>
                <button type="button" className="small-button" onClick={() => remove(entry.id)}>
                  Delete
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={clear}>
        Clear history
      </button>
    </div>
  );
}
