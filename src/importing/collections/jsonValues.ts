// Reading values of a parsed JSON or YAML document whose shape is not trusted: the importers
// (OpenAPI, Postman collections and environments) share these so that a default, an example or a
// variable's value becomes text the same way everywhere.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as text: '' for none; other than a string, number or boolean, its JSON. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // Nested too deep to write out (a hostile file): no value rather than a crash.
    return '';
  }
}
