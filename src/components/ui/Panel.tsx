import type { ReactNode } from 'react';
import { PanelBoundary } from './PanelBoundary';

interface PanelProps {
  id: string;
  title: string;
  /** Overrides the region's name (the heading's text by default). */
  label?: string;
  /** Shown at the right of the heading: links, small buttons. */
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A titled region of the page with its own error boundary. */
export function Panel({ id, title, label, aside, className, children }: PanelProps) {
  return (
    <section
      className={className ? `panel ${className}` : 'panel'}
      {...(label ? { 'aria-label': label } : { 'aria-labelledby': `${id}-title` })}
    >
      <div className="panel-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {aside}
      </div>
      <PanelBoundary name={title}>{children}</PanelBoundary>
    </section>
  );
}
