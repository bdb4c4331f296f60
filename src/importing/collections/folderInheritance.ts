// How a folder's (or a request's own) headers and variables go over what comes from above, as
// Bruno and Insomnia both send them: same-named headers from above give way, own variables win.
import { hasHeader } from './importedRequest';

type Header = { name: string; value: string };

/** The headers from above that `own` does not set (any case), then `own`. */
export function withHeaders(above: readonly Header[], own: readonly Header[]): Header[] {
  return [...above.filter((header) => !hasHeader(own, header.name)), ...own];
}

/** The variables from above with `own` over them (the same map when there are none of its own). */
export function withVariables(
  above: ReadonlyMap<string, string>,
  own: ReadonlyMap<string, string>,
): ReadonlyMap<string, string> {
  return own.size === 0 ? above : new Map([...above, ...own]);
}
