// The base URL an OpenAPI or Swagger document's requests start with: Swagger's scheme, host and
// basePath, or OpenAPI's first server with its variables' defaults filled in (API Gateway's
// `{basePath}` is the stage); `{{baseUrl}}` when the document names no host.
import type { Variable } from '../../collections/collectionModel';
import { isCredentialHeader } from '../../request/credentialFields';
import type { OpenApiDocument } from './openApiSchemas';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `{name}` or a greedy `{proxy+}` in a path or server URL. */
export const TEMPLATE = /\{([^{}/]{1,200})\}/g;

export interface Server {
  /** Without a trailing slash; may hold {{baseUrl}} or {{variables}}. */
  base: string;
  variables: Variable[];
  notes: string[];
}

/** `//` inside the path collapsed: API Gateway's `{basePath}` default is `/prod` after a `/`. */
function collapseSlashes(url: string): string {
  const scheme = SCHEME.exec(url)?.[0] ?? '';
  return scheme + url.slice(scheme.length).replace(/\/{2,}/g, '/');
}

export function variable(name: string, value: string): Variable {
  return { name, value, secret: isCredentialHeader(name), enabled: true };
}

export function serverOf(doc: OpenApiDocument): Server {
  const notes: string[] = [];
  const variables: Variable[] = [];
  let url: string;
  if (doc.swagger !== undefined) {
    const scheme =
      doc.schemes?.includes('https') || !doc.schemes?.length ? 'https' : doc.schemes[0]!;
    const basePath = doc.basePath ?? '';
    url = doc.host ? `${scheme}://${doc.host}${basePath}` : basePath;
  } else {
    const servers = doc.servers ?? [];
    const first = servers[0];
    if (servers.length > 1)
      notes.push(
        `The document lists ${servers.length} servers; the requests use the first (${first!.url}).`,
      );
    url = (first?.url ?? '').replace(TEMPLATE, (_whole, name: string) => {
      const declared = first?.variables;
      const value = declared && Object.hasOwn(declared, name) ? declared[name]?.default : undefined;
      if (value !== undefined && value !== null) return String(value);
      if (!variables.some((known) => known.name === name)) variables.push(variable(name, ''));
      return `{{${name}}}`;
    });
  }
  url = collapseSlashes(url).replace(/\/+$/, '');
  if (!SCHEME.test(url) && !url.startsWith('{{')) {
    variables.push(variable('baseUrl', ''));
    notes.push(
      'The document names no server with a host: the requests start with {{baseUrl}}; set it in the collection variables (https://…).',
    );
    url = `{{baseUrl}}${url}`;
  }
  return { base: url, variables, notes };
}
