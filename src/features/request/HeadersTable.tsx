import './request.css';
import { useRef, type ReactNode } from 'react';
import { headerField, type SigningField } from '../../signing';
import { selectSigningPlan } from '../../store/selectSigningPlan';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { FieldIssues } from '../../components/ui/FieldIssues';

/** The request's own headers; the signer adds host, X-Amz-Date and the rest when signing. */
export function HeadersTable() {
  const headers = usePlaygroundStore((s) => s.request.headers);
  const headerRowIds = usePlaygroundStore((s) => selectSigningPlan(s).headerRowIds);
  const addHeader = usePlaygroundStore((s) => s.request.addHeader);
  const updateHeader = usePlaygroundStore((s) => s.request.updateHeader);
  const removeHeader = usePlaygroundStore((s) => s.request.removeHeader);
  const focusRowId = useRef<string | null>(null);

  return (
    <fieldset className="table-group">
      <legend>Headers</legend>
      {headers.length > 0 && (
        <table className="edit-table">
          <thead>
            <tr>
              <th scope="col" className="col-check">
                Signed
              </th>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {headers.map((row, rowIndex) => {
              const inputIndex = headerRowIds.indexOf(row.id);
              const fields =
                inputIndex < 0
                  ? []
                  : [headerField(inputIndex, 'name'), headerField(inputIndex, 'value')];
              const n = rowIndex + 1;
              return (
                <HeaderRowView key={row.id} fields={fields}>
                  <td className="col-check">
                    <input
                      type="checkbox"
                      aria-label={`Sign header ${n}`}
                      checked={row.signed}
                      onChange={(event) => updateHeader(row.id, { signed: event.target.checked })}
                    />
                  </td>
                  <td>
                    <input
                      className="mono"
                      aria-label={`Header ${n} name`}
                      value={row.name}
                      spellCheck={false}
                      ref={(element) => {
                        if (element && focusRowId.current === row.id) {
                          focusRowId.current = null;
                          element.focus();
                        }
                      }}
                      onChange={(event) => updateHeader(row.id, { name: event.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="mono"
                      aria-label={`Header ${n} value`}
                      value={row.value}
                      placeholder={row.withheld === true ? 'not kept: paste it again' : undefined}
                      spellCheck={false}
                      onChange={(event) => updateHeader(row.id, { value: event.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove header ${n}`}
                      onClick={() => removeHeader(row.id)}
                    >
                      ×
                    </button>
                  </td>
                </HeaderRowView>
              );
            })}
          </tbody>
        </table>
      )}
      <FieldIssues fields={['unsignedHeaders']} />
      <div className="table-actions">
        <button
          type="button"
          className="small-button"
          onClick={() => {
            focusRowId.current = addHeader();
          }}
        >
          Add header
        </button>
        <span className="hint">
          host, X-Amz-Date and the token are added when signing: see Request to send.
        </span>
      </div>
    </fieldset>
  );
}

function HeaderRowView({ fields, children }: { fields: SigningField[]; children: ReactNode }) {
  return (
    <>
      <tr>{children}</tr>
      {fields.length > 0 && (
        <tr className="issue-row">
          <td colSpan={4}>
            <FieldIssues fields={fields} />
          </td>
        </tr>
      )}
    </>
  );
}
