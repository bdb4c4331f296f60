/** One radio button of a group; `label` is its accessible name (the journeys find it by that). */
export interface RadioChoice<T extends string> {
  value: T;
  label: React.ReactNode;
  disabled?: boolean;
}

/**
 * A choice of one among a few, as radio buttons under a legend. `children` follow the buttons
 * inside the group: a field that belongs to the choice, such as a presigned URL's expiry.
 */
export function RadioGroup<T extends string>({
  legend,
  name,
  value,
  choices,
  onChange,
  children,
}: {
  legend: string;
  name: string;
  value: T;
  choices: ReadonlyArray<RadioChoice<T>>;
  onChange: (value: T) => void;
  children?: React.ReactNode;
}) {
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label className="check" key={choice.value}>
          <input
            type="radio"
            name={name}
            checked={value === choice.value}
            disabled={choice.disabled ?? false}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
      {children}
    </fieldset>
  );
}
