import { useRef, useState } from 'react';

interface InlineNameProps {
  value: string;
  /** The field's accessible name ("Name of the collection API"). */
  label: string;
  editing: boolean;
  onRename: (name: string) => void;
  /** Editing ended (kept or dropped): the caller shows the name again and moves focus back. */
  onDone: () => void;
  className?: string | undefined;
}

/**
 * A name shown as text that turns into a field in place: Enter or leaving the field keeps the
 * edit, Escape drops it. The caller owns `editing`, since it knows the Rename button that opened it.
 */
export function InlineName({ editing, value, className, ...field }: InlineNameProps) {
  if (!editing) return <span className={className}>{value}</span>;
  return <NameField value={value} className={className} {...field} />;
}

/** Mounted per edit, so the draft starts from the current name each time. */
function NameField({
  value,
  label,
  onRename,
  onDone,
  className,
}: Omit<InlineNameProps, 'editing'>) {
  const [draft, setDraft] = useState(value);
  // Escape ends the edit and the field goes away; a blur that follows must not keep the draft.
  const finished = useRef(false);
  const finish = (keep: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (keep && draft.trim() !== '' && draft !== value) onRename(draft);
    onDone();
  };
  return (
    <input
      className={className === undefined ? 'inline-name' : `inline-name ${className}`}
      aria-label={label}
      value={draft}
      // The field appears because the user asked to rename: it is where they type next.
      autoFocus
      onFocus={(event) => event.target.select()}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === 'Escape') {
          event.preventDefault();
          finish(event.key === 'Enter');
        }
      }}
    />
  );
}
