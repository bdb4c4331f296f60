import './request.css';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { FieldIssues } from '../../components/ui/FieldIssues';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Method and URL on one line, as in a request line. */
export function MethodUrlFields() {
  const method = usePlaygroundStore((s) => s.request.method);
  const url = usePlaygroundStore((s) => s.request.url);
  const setField = usePlaygroundStore((s) => s.request.setField);
  // A method saved by an older version (or with another case) stays selectable.
  const methods = METHODS.includes(method) ? METHODS : [method, ...METHODS];
  return (
    <>
      <div className="field-row">
        <div className="field field-method">
          <label htmlFor="method">Method</label>
          <select
            id="method"
            value={method}
            onChange={(event) => setField('method', event.target.value)}
          >
            {methods.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </div>
        <div className="field field-grow">
          <label htmlFor="url">URL</label>
          <input
            id="url"
            className="mono"
            value={url}
            onChange={(event) => setField('url', event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="url-issues"
          />
        </div>
      </div>
      <FieldIssues fields={['url', 'method']} id="url-issues" />
    </>
  );
}
