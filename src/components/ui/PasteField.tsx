interface PasteFieldProps {
  id: string;
  label: string;
  rows: number;
  /** What may be pasted here, by example. */
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled text box for text pasted from elsewhere (a request, an error, credentials). */
export function PasteField({ id, label, rows, placeholder, value, onChange }: PasteFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {/* Pasted text is code, keys and signatures: a spell checker only underlines it. */}
      <textarea
        id={id}
        className="paste-text"
        rows={rows}
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
