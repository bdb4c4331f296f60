import { useEffect, useState } from 'react';

interface CopyButtonProps {
  text: string;
  /**
   * What is copied, for the accessible name: "Copy canonical request". The name is the visible
   * label followed by this, so that it contains what a user sees and says (WCAG 2.5.3).
   */
  what: string;
  /** The visible label ("Copy" by default). */
  children?: string;
}

/** Copies exactly `text`: never the visible-whitespace marks or the line labels around it. */
export function CopyButton({ text, what, children = 'Copy' }: CopyButtonProps) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 1500);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = () => {
    // navigator.clipboard exists only in secure contexts (https, localhost, 127.0.0.1).
    if (!navigator.clipboard) {
      setStatus('failed');
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  };

  return (
    <button type="button" className="copy-button" onClick={copy} aria-label={`${children} ${what}`}>
      {/* Fixed width so the label change does not shift the heading row. */}
      <span aria-live="polite">
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'No clipboard' : children}
      </span>
    </button>
  );
}
