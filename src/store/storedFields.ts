// Reading what localStorage (or a share link) holds: it is user-editable, so each field is
// checked before it is taken, and a field that fails keeps the value it had.

export type Check = (value: unknown) => boolean;
export const isString: Check = (value) => typeof value === 'string';
export const isBoolean: Check = (value) => typeof value === 'boolean';
export const nullable =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);
export const oneOf =
  (...allowed: unknown[]): Check =>
  (value) =>
    allowed.includes(value);
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isStringArray: Check = (value) => Array.isArray(value) && value.every(isString);
export const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
/** Header rows as saved: the form's rows have an id, a snapshot's do not. */
const headerRows =
  ({ withId }: { withId: boolean }): Check =>
  (value) =>
    Array.isArray(value) &&
    value.every(
      (row: unknown) =>
        isRecord(row) &&
        (!withId || isString(row.id)) &&
        isString(row.name) &&
        isString(row.value) &&
        isBoolean(row.signed) &&
        optional(isBoolean)(row.withheld),
    );
export const isHeaderRows = headerRows({ withId: true });
export const isSnapshotHeaders = headerRows({ withId: false });

/** The current slice with every saved field that passes its check: storage is user-editable. */
export function mergeFields<T extends object>(
  current: T,
  saved: unknown,
  schema: Record<string, Check>,
): T {
  if (!isRecord(saved)) return current;
  const merged: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, check] of Object.entries(schema)) {
    if (key in saved && check(saved[key])) merged[key] = saved[key];
  }
  return merged as T;
}
