import './request.css';
import { useMemo, useRef, useState } from 'react';
import { splitQuery, type QueryParam } from '../../request/queryParams';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

/**
 * The URL's query as a table. The URL is the only state: rows are read from it and every edit
 * writes it back, so the two can never disagree. Values are shown as written in the URL
 * (percent-encoded), because that is what gets signed.
 */
export function QueryParamsTable() {
  const url = usePlaygroundStore((s) => s.request.url);
  const setQueryParams = usePlaygroundStore((s) => s.request.setQueryParams);
  const params = useMemo(() => splitQuery(url), [url]);
  // A new row lives here until it has a name; then it joins the URL. It is rendered at the index
  // it will take, with the same key, so the input keeps focus as it becomes a real row.
  const [draft, setDraft] = useState<{ name: string; value: string } | null>(null);
  const focusDraft = useRef(false);

  const update = (index: number, change: Partial<QueryParam>) =>
    setQueryParams(
      params.map((param, i) =>
        i === index
          ? {
              ...param,
              ...change,
              hasEquals: param.hasEquals !== false || (change.value ?? '') !== '',
            }
          : param,
      ),
    );
  const remove = (index: number) => setQueryParams(params.filter((_, i) => i !== index));
  const changeDraft = (next: { name: string; value: string }) => {
    if (next.name === '') return setDraft(next);
    setQueryParams([...params, { name: next.name, value: next.value, hasEquals: true }]);
    setDraft(null);
  };

  const rows: Array<{ param: { name: string; value: string }; isDraft: boolean }> = params.map(
    (param) => ({ param, isDraft: false }),
  );
  if (draft) rows.push({ param: draft, isDraft: true });

  return (
    <fieldset className="table-group">
      <legend>Query parameters</legend>
      {rows.length === 0 ? (
        <p className="hint">None. They are read from the URL and written back to it.</p>
      ) : (
        <table className="edit-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value (as in the URL)</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ param, isDraft }, index) => (
              <tr key={index}>
                <td>
                  <input
                    className="mono"
                    aria-label={`Parameter ${index + 1} name`}
                    value={param.name}
                    spellCheck={false}
                    ref={(element) => {
                      if (isDraft && element && focusDraft.current) {
                        focusDraft.current = false;
                        element.focus();
                      }
                    }}
                    onChange={(event) =>
                      isDraft
                        ? changeDraft({ ...param, name: event.target.value })
                        : update(index, { name: event.target.value })
                    }
                  />
                </td>
                <td>
                  <input
                    className="mono"
                    aria-label={`Parameter ${index + 1} value`}
                    value={param.value}
                    spellCheck={false}
                    onChange={(event) =>
                      isDraft
                        ? changeDraft({ ...param, value: event.target.value })
                        : update(index, { value: event.target.value })
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove parameter ${index + 1}`}
                    onClick={() => (isDraft ? setDraft(null) : remove(index))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="small-button"
        disabled={draft !== null}
        onClick={() => {
          focusDraft.current = true;
          setDraft({ name: '', value: '' });
        }}
      >
        Add parameter
      </button>
    </fieldset>
  );
}
