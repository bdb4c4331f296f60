import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton';

interface StepSectionProps {
  id: string;
  title: string;
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
  explanation,
  copyText,
  copyWhat,
  actions,
  children,
}: StepSectionProps) {
  return (
    <section className="step" aria-labelledby={id}>
      <div className="step-head">
        {/* The heading alone names the region: step numbers come from a CSS counter. */}
        <h3 id={id}>{title}</h3>
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
