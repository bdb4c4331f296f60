import { useDeferredValue, useMemo, useState } from 'react';
import { SearchBox } from './SearchBox';

/** The answer's headers, in the order received, filtered by a search on names and values. */
export function HeadersTable({ headers }: { headers: ReadonlyArray<readonly [string, string]> }) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query).toLowerCase();
  const shown = useMemo(
    () =>
      headers.filter(
        ([name, value]) =>
          name.toLowerCase().includes(deferred) || value.toLowerCase().includes(deferred),
      ),
    [headers, deferred],
  );
  return (
    <div className="headers-view">
      <div className="viewer-toolbar">
        <SearchBox
          label="Search the headers"
          query={query}
          onQuery={setQuery}
          matches={shown.length}
        />
        <span className="muted viewer-note">{headers.length} headers</span>
      </div>
      <table className="header-table" aria-label="Response headers">
        <tbody>
          {shown.map(([name, value], index) => (
            <tr key={index}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
