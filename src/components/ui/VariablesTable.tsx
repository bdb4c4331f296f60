import { useState } from 'react';
import type { Variable } from '../../collections/collectionModel';

/**
 * The variables of an environment or a collection: name, value, enabled, secret. A secret value
 * is masked unless "Show secret values" is pressed; its owner's slice keeps it in this tab's
 * memory only. The table edits through the owner's actions, so it serves both alike.
 */
export function VariablesTable({
  label,
  variables,
  onAdd,
  onChange,
  onRemove,
}: {
  /** The table's accessible name: "Variables of dev". */
  label: string;
  variables: readonly Variable[];
  onAdd(): void;
  onChange(index: number, changes: Partial<Variable>): void;
  onRemove(index: number): void;
}) {
  const [showSecrets, setShowSecrets] = useState(false);
  const hasSecrets = variables.some((variable) => variable.secret);
  return (
    <div className="variables">
      {variables.length > 0 && (
        <table className="edit-table variables-table" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">On</th>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">Secret</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {variables.map((variable, index) => {
              const n = index + 1;
              const masked = variable.secret && !showSecrets;
              return (
                // Variables have no id of their own; rows are edited in place and removed by index.
                <tr key={index}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Variable ${n} enabled`}
                      checked={variable.enabled}
                      onChange={(event) => onChange(index, { enabled: event.target.checked })}
                    />
                  </td>
                  <td>
                    <input
                      className="mono"
                      aria-label={`Variable ${n} name`}
                      value={variable.name}
                      spellCheck={false}
                      autoComplete="off"
                      onChange={(event) => onChange(index, { name: event.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="mono"
                      aria-label={`Variable ${n} value`}
                      type={masked ? 'password' : 'text'}
                      value={variable.value}
                      placeholder={variable.secret ? 'secret: kept until the tab closes' : ''}
                      spellCheck={false}
                      // Not a login form: keep password managers away from secret values.
                      autoComplete="off"
                      onChange={(event) => onChange(index, { value: event.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Variable ${n} secret`}
                      checked={variable.secret}
                      onChange={(event) => onChange(index, { secret: event.target.checked })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="small-button"
                      aria-label={`Remove variable ${n}`}
                      onClick={() => onRemove(index)}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="step-actions">
        <button type="button" className="small-button" onClick={onAdd}>
          Add variable
        </button>
        {hasSecrets && (
          <button
            type="button"
            className="small-button"
            aria-pressed={showSecrets}
            onClick={() => setShowSecrets(!showSecrets)}
          >
            Show secret values
          </button>
        )}
      </div>
      {hasSecrets && (
        <p className="hint">
          Secret values stay in this tab’s memory: they are never saved in this browser, on disk or
          in an export, and a reload asks for them again.
        </p>
      )}
    </div>
  );
}
