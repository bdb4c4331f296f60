/** One radio button of a choice, labelled by its text (the journeys find it by that name). */
export function RadioOption<T extends string>({
  name,
  value,
  current,
  onSelect,
  disabled = false,
  children,
}: {
  name: string;
  value: T;
  current: T;
  onSelect: (value: T) => void;
  disabled?: boolean;
  children: React.ReactNode;
}) {
  return (
    <label className="check">
      <input
        type="radio"
        name={name}
        checked={current === value}
        disabled={disabled}
        onChange={() => onSelect(value)}
      />
      {children}
    </label>
  );
}
