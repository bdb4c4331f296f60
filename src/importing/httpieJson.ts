// The JSON body HTTPie 3 builds from its data items, byte for byte: nested paths (`a[b]=1`,
// `tags[]=x`, `list[2]=y`, `[]=top`), the last value of a repeated key winning in its first place,
// and Python's json.dumps spacing and \u escapes (HTTPie's json_dict_to_request_body).

/** A JSON value with objects as Maps, so keys keep the order HTTPie (a Python dict) gives them. */
export type HttpieJson = null | boolean | number | string | HttpieJson[] | Map<string, HttpieJson>;

/** The largest array index taken: HTTPie pads with nulls, and a huge index would be a huge body. */
const MAX_INDEX = 10_000;

type Step = { key: string } | { index: number } | { append: true };

/** `a[b][]` as steps; undefined when the key has no brackets, an error when they do not close. */
function readPath(key: string): Step[] | { error: string } | undefined {
  const open = key.indexOf('[');
  if (open < 0) return undefined;
  const steps: Step[] = open > 0 ? [{ key: key.slice(0, open) }] : [];
  let at = open;
  while (at < key.length) {
    if (key[at] !== '[')
      return { error: `In ${key}, expected “[” at “${key.slice(at, at + 20)}”.` };
    const close = key.indexOf(']', at);
    if (close < 0) return { error: `In ${key}, a “[” is not closed.` };
    const inside = key.slice(at + 1, close);
    if (inside === '') steps.push({ append: true });
    else if (/^\d{1,9}$/.test(inside)) steps.push({ index: Number(inside) });
    else steps.push({ key: inside });
    at = close + 1;
  }
  return steps;
}

const kindOf = (step: Step) => ('key' in step ? 'object' : 'array');

/** Builds HTTPie's JSON from its data items, in order; the error is HTTPie's type error. */
export function httpieJson(
  fields: ReadonlyArray<readonly [string, HttpieJson]>,
): HttpieJson | { error: string } {
  let root: Map<string, HttpieJson> | HttpieJson[] | undefined;
  for (const [key, value] of fields) {
    const path = readPath(key) ?? [{ key }];
    if ('error' in path) return path;
    if (path.length === 0) return { error: `${key} names no field.` };
    const rootKind = kindOf(path[0]!);
    root ??= rootKind === 'object' ? new Map() : [];
    if ((root instanceof Map ? 'object' : 'array') !== rootKind)
      return { error: `${key} mixes a top-level array with top-level fields.` };
    let container: Map<string, HttpieJson> | HttpieJson[] = root;
    for (let i = 0; i < path.length; i++) {
      const step = path[i]!;
      const last = i === path.length - 1;
      const make = (): HttpieJson =>
        last ? value : kindOf(path[i + 1]!) === 'object' ? new Map() : [];
      let child: HttpieJson | undefined;
      if ('key' in step) {
        if (!(container instanceof Map))
          return { error: `${key}: “${step.key}” is an object key, but this part is an array.` };
        child = last ? make() : (container.get(step.key) ?? make());
        container.set(step.key, child);
      } else {
        if (!Array.isArray(container))
          return { error: `${key}: an array index, but this part is an object.` };
        if ('append' in step) {
          child = make();
          container.push(child);
        } else {
          if (step.index > MAX_INDEX) return { error: `${key}: the index is over ${MAX_INDEX}.` };
          while (container.length <= step.index) container.push(null);
          child = last ? make() : (container[step.index] ?? make());
          container[step.index] = child;
        }
      }
      if (last) break;
      if (!(child instanceof Map) && !Array.isArray(child))
        return { error: `${key}: a part that already holds a value cannot hold fields too.` };
      container = child;
    }
  }
  return root ?? new Map();
}

/** Python's json.dumps with its defaults (", " and ": ", non-ASCII as \uXXXX). */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  const entries = value instanceof Map ? [...value] : Object.entries(value as object);
  return `{${entries.map(([key, entry]) => `${pythonJson(String(key))}: ${pythonJson(entry)}`).join(', ')}}`;
}
