import type { SigningField, ValidationIssue } from '../../signing';
import { selectSigningPlan } from '../../store/selectSigningPlan';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

const SEVERITY_LABEL: Record<ValidationIssue['severity'], string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

function shorten(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

interface FieldIssuesProps {
  /** The validator's field names this list shows ('url', 'headers[2].value', ...). */
  fields: readonly SigningField[];
  /** For aria-describedby on the input. */
  id?: string;
}

/** The problems validateSigningInput found in these fields, each with its one-click fix. */
export function FieldIssues({ fields, id }: FieldIssuesProps) {
  const plan = usePlaygroundStore(selectSigningPlan);
  const applyFix = usePlaygroundStore((s) => s.request.applyFix);
  const issues = plan.issues.filter((issue) => fields.includes(issue.field));
  if (issues.length === 0) return id ? <div id={id} hidden /> : null;
  return (
    <ul className="issues" id={id}>
      {issues.map(({ field, severity, message, fix, fixLabel, fixAction }, index) => (
        <li key={`${field}-${index}`} className={`issue issue-${severity}`}>
          <span className="issue-severity">{SEVERITY_LABEL[severity]}</span>
          <span className="issue-message">{message}</span>
          {fix !== undefined && fixAction !== undefined && (
            <button
              type="button"
              className="fix-button"
              {...(fixLabel === undefined ? { title: fix } : {})}
              onClick={() => applyFix(fixAction)}
            >
              {fixLabel === undefined ? (
                <>
                  Fix: <code>{shorten(fix)}</code>
                </>
              ) : (
                `Fix: ${fixLabel}`
              )}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
