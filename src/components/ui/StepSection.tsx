import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton';

interface StepSectionProps {
  id: string;
  title: string;
  /**
   * The step's number in AWS's documentation ("Create a signed AWS API request": 1 canonical
   * request, 2 its hash, 3 string to sign, 4 signature, 5 add it to the request), so a learner can
   * follow both side by side. Drawn as a badge; not part of the heading's name.
   */
  step?: string;
  /** What this step is, in a sentence or two. */
  explanation: ReactNode;
  copyText: string;
  copyWhat: string;
  /** More buttons beside Copy. */
  actions?: ReactNode;
  children: ReactNode;
}

/** One signing step: heading, what it is, the artifact, and a copy button. */
export function StepSection({
  id,
  title,
  step,
  explanation,
  copyText,
  copyWhat,
  actions,
  children,
}: StepSectionProps) {
  return (
    <section className="step" aria-labelledby={id}>
      <div className="step-head">
        {/* The heading alone names the region: the step number is a badge beside it, not in it. */}
        <h3 id={id}>
          {step !== undefined && (
            <span className="step-number" data-step={step} aria-hidden="true" />
          )}
          {title}
        </h3>
        <div className="step-actions">
          <CopyButton text={copyText} what={copyWhat} />
          {actions}
        </div>
      </div>
      <p className="step-explanation">{explanation}</p>
      {children}
    </section>
  );
}
