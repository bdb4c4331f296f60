import type { VariableUse } from '../../collections/resolveVariables';
import { VisibleText } from '../../components/ui/VisibleText';

/**
 * The `{{variables}}` the request was signed with: each value and where it came from (the active
 * environment, or the collection's defaults). A secret variable's value is never shown here.
 */
export function VariablesUsed({ uses }: { uses: readonly VariableUse[] }) {
  if (uses.length === 0) return null;
  return (
    <section className="variables-used" aria-label="Variables used">
      <p className="hint">
        Signed with the values of its variables; the form keeps the <code>{'{{name}}'}</code>{' '}
        references.
      </p>
      <ul className="mono-block variables-list">
        {uses.map((use) => (
          <li key={use.name} className="mono-line">
            <span className="wire-name">{`{{${use.name}}}`}</span> ={' '}
            {use.secret ? (
              <span className="muted">•••••• (secret)</span>
            ) : (
              <VisibleText text={use.value} />
            )}{' '}
            <span className="muted">
              from {use.scope} “{use.label}”
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
