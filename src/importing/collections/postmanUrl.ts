// A Postman request's URL as one text, {{variables}} and all: `raw` when the file has it (Postman
// keeps it in step with the parts, without the disabled query parameters), else put together from
// protocol, host, port, path, query and hash. Path variables (`/users/:id` with `variable`) get
// their values, as Postman fills them in when it sends.
import type { PostmanQueryParam, PostmanUrlObject } from './postmanSchemas';
import { textOf } from './postmanSchemas';

export interface PostmanUrlText {
  url: string;
  /** Path variables the file names but gives no value: `:name` stays in the URL. */
  unfilled: string[];
}

function queryText(query: readonly PostmanQueryParam[]): string {
  return query
    .filter((param) => param.disabled !== true && (param.key ?? '') !== '')
    .map((param) =>
      param.value === null || param.value === undefined
        ? param.key!
        : `${param.key!}=${textOf(param.value)}`,
    )
    .join('&');
}

function assemble(url: PostmanUrlObject): string {
  const protocol = url.protocol ? `${url.protocol.replace(/:(\/\/)?$/, '')}://` : '';
  const host = Array.isArray(url.host) ? url.host.join('.') : (url.host ?? '');
  const port = url.port === undefined || url.port === '' ? '' : `:${url.port}`;
  const segments =
    url.path === undefined
      ? []
      : typeof url.path === 'string'
        ? [url.path.replace(/^\//, '')]
        : url.path.map((segment) =>
            typeof segment === 'string' ? segment : (segment.value ?? ''),
          );
  const path = segments.length > 0 ? `/${segments.join('/')}` : '';
  const query = url.query === undefined ? '' : queryText(url.query);
  const hash = url.hash ? `#${url.hash}` : '';
  return `${protocol}${host}${port}${path}${query === '' ? '' : `?${query}`}${hash}`;
}

/** `:name` as a whole path segment, before the query and fragment. */
const PATH_VARIABLE = /\/:([A-Za-z0-9_.~-]+)(?=\/|$)/g;

function withPathVariables(url: string, variables: PostmanUrlObject['variable']): PostmanUrlText {
  const values = new Map<string, string>();
  for (const variable of variables ?? []) {
    const name = variable.key ?? variable.id;
    const value = variable.value;
    if (
      name &&
      variable.disabled !== true &&
      ['string', 'number', 'boolean'].includes(typeof value)
    )
      values.set(name, String(value));
  }
  const cut = url.search(/[?#]/);
  const base = cut < 0 ? url : url.slice(0, cut);
  const rest = cut < 0 ? '' : url.slice(cut);
  const unfilled: string[] = [];
  const filled = base.replace(PATH_VARIABLE, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined) {
      if (!unfilled.includes(name)) unfilled.push(name);
      return whole;
    }
    return `/${value}`;
  });
  return { url: filled + rest, unfilled };
}

export function postmanUrlText(url: string | PostmanUrlObject | undefined): PostmanUrlText {
  if (url === undefined) return { url: '', unfilled: [] };
  if (typeof url === 'string') return { url, unfilled: [] };
  const text = url.raw ?? assemble(url);
  return url.variable === undefined || url.variable.length === 0
    ? { url: text, unfilled: [] }
    : withPathVariables(text, url.variable);
}
