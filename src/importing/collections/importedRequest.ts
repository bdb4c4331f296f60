// A request read from Insomnia, Bruno or OpenAPI as the one model keeps it (SavedRequest): the
// signing defaults filled in, the headers a signer writes left out (the page signs afresh), and
// credentials kept by name only (request/credentialFields.ts). What was changed is tallied, so the
// importer says it once for the whole file.
import {
  COLLECTION_LIMITS,
  DEFAULT_SAVED_OPTIONS,
  type SavedHeader,
  type SavedRequest,
} from '../../collections/collectionModel';
import { withoutCredentialHeaders, withoutCredentialsInUrl } from '../../request/credentialFields';
import { SIGNER_HEADERS } from '../../signing';
import { encodePairs, encodeQueryPart } from './encodeQueryPart';
import { NamedTally } from './importNotes';

export interface ImportedRequestParts {
  name: string;
  method: string;
  /** As the source writes it, {{variables}} included. */
  url: string;
  /** Enabled headers only, in order. */
  headers: readonly { name: string; value: string }[];
  body: string;
  region?: string;
  service?: string;
  description?: string;
}

/** What building requests changed, for one note per kind. */
export class ImportedRequestTallies {
  readonly signerHeaders = new NamedTally();
  readonly withheldHeaders = new NamedTally();
  readonly withheldQuery = new NamedTally();

  notes(): string[] {
    const notes: string[] = [];
    if (this.signerHeaders.count > 0)
      notes.push(
        `Headers a signer writes (Authorization, X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256) were left out of ${this.signerHeaders.describe()}: the playground signs each request afresh.`,
      );
    if (this.withheldHeaders.count > 0)
      notes.push(
        `Credential headers in ${this.withheldHeaders.describe()} were kept by name with an empty value: paste their values again before sending.`,
      );
    if (this.withheldQuery.count > 0)
      notes.push(
        `Credentials (query parameters, user:password@) were taken out of the URL of ${this.withheldQuery.describe()}: add them again before sending.`,
      );
    return notes;
  }
}

/** Host is the request's own; the others are the signature, which the page computes. */
const DROPPED_HEADERS = new Set([...SIGNER_HEADERS].filter((name) => name !== 'host'));

function savedHeaders(
  headers: ImportedRequestParts['headers'],
  name: string,
  tallies: ImportedRequestTallies,
): SavedHeader[] {
  const rows: SavedHeader[] = [];
  for (const header of headers) {
    if (header.name.trim() === '') continue;
    if (DROPPED_HEADERS.has(header.name.trim().toLowerCase())) {
      tallies.signerHeaders.add(name);
      continue;
    }
    rows.push({ name: header.name, value: header.value, signed: true });
  }
  const saved = withoutCredentialHeaders(rows);
  if (saved.some((row) => row.withheld === true)) tallies.withheldHeaders.add(name);
  return saved;
}

function urlWithoutCredentials(url: string, name: string, tallies: ImportedRequestTallies): string {
  const cleaned = withoutCredentialsInUrl(url);
  if (cleaned.withheld.length > 0) tallies.withheldQuery.add(name);
  return cleaned.url;
}

/** A name the model can keep: trimmed, never empty, at most COLLECTION_LIMITS.maxNameChars. */
export function importedName(name: string, fallback: string): string {
  const trimmed = name.trim() === '' ? fallback : name.trim();
  return trimmed.length > COLLECTION_LIMITS.maxNameChars
    ? `${trimmed.slice(0, COLLECTION_LIMITS.maxNameChars - 1)}…`
    : trimmed;
}

export function buildSavedRequest(
  parts: ImportedRequestParts,
  id: string,
  tallies: ImportedRequestTallies,
): SavedRequest {
  const name = importedName(parts.name, `${parts.method.toUpperCase()} ${parts.url}`);
  const request: SavedRequest = {
    kind: 'request',
    id,
    name,
    method: parts.method.trim().toUpperCase() || 'GET',
    url: urlWithoutCredentials(parts.url.trim(), name, tallies),
    headers: savedHeaders(parts.headers, name, tallies),
    body: parts.body,
    options: { ...DEFAULT_SAVED_OPTIONS },
  };
  if (parts.region !== undefined && parts.region.trim() !== '')
    request.region = parts.region.trim();
  if (parts.service !== undefined && parts.service.trim() !== '')
    request.service = parts.service.trim();
  if (parts.description !== undefined && parts.description.trim() !== '')
    request.description = parts.description.trim();
  return request;
}

/** Whether the headers already set `name` (case-insensitive). */
export function hasHeader(headers: readonly { name: string }[], name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some((header) => header.name.trim().toLowerCase() === wanted);
}

/** The URL with the pairs added to its query (after any it already has). */
export function appendQuery(
  url: string,
  pairs: readonly { name: string; value: string }[],
): string {
  const query = encodePairs(pairs);
  if (query === '') return url;
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : url.slice(hashAt);
  const joiner = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${joiner}${query}${fragment}`;
}

/** `:name` as a whole path segment, before the query and fragment (Insomnia's and Bruno's). */
const PATH_PARAMETER = /\/:([A-Za-z0-9_.~-]+)(?=[/?#]|$)/g;

/**
 * The URL with `/:name` path segments given their values, as the source fills them in when it
 * sends; names without a value stay `:name` and are returned.
 */
export function fillPathParameters(
  url: string,
  values: ReadonlyMap<string, string>,
): { url: string; unfilled: string[] } {
  const cut = url.search(/[?#]/);
  const base = cut < 0 ? url : url.slice(0, cut);
  const rest = cut < 0 ? '' : url.slice(cut);
  const unfilled: string[] = [];
  // The scheme's '//' and the host are not path: only what follows the authority is searched.
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(base)?.[0] ?? '';
  const path = base.slice(origin.length);
  const filled = path.replace(PATH_PARAMETER, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined || value === '') {
      if (!unfilled.includes(name)) unfilled.push(name);
      return whole;
    }
    return `/${encodeQueryPart(value).replace(/[/?]/g, (char) => encodeURIComponent(char))}`;
  });
  return { url: origin + filled + rest, unfilled };
}
