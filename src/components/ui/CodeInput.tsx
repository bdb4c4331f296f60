import type { InputHTMLAttributes } from 'react';

/**
 * A one-line field for a value that is code, not prose (keys, tokens, regions, times): monospace,
 * and kept from the browser's autofill and spelling checker (a key field is not a login form, and
 * a password manager must not offer to save a secret key).
 */
export function CodeInput({
  value,
  onChange,
  className,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <input
      {...input}
      className={className === undefined ? 'mono' : `mono ${className}`}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete="off"
      spellCheck={false}
    />
  );
}
