import type { AnnotatedLine } from './describeSigning';
import { VisibleText } from '../../components/ui/VisibleText';

/** A multi-line artifact with each line's role and rule beside it. */
export function AnnotatedLines({ lines, label }: { lines: AnnotatedLine[]; label: string }) {
  return (
    <ol className="annotated" aria-label={label}>
      {lines.map((line, index) => (
        <li key={index} className={line.text === '' ? 'annotated-line is-empty' : 'annotated-line'}>
          <code className="annotated-text">
            <VisibleText text={line.text} />
          </code>
          {line.label !== '' && (
            <span className="annotated-note">
              <span className="annotated-label">{line.label}</span>
              <span className="annotated-rule">{line.rule}</span>
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
