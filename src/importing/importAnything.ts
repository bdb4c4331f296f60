// Decides what a pasted text is — a curl, HTTPie or PowerShell command, a fetch(…) snippet, raw
// HTTP, a URL, or credentials — and imports it.
import { parseUrl } from '../signing';
import type { ImportedCredentials } from './importCredentials';
import { importCredentials, looksLikeCredentials } from './importCredentials';
import { cleanPastedRequest } from './cleanPastedRequest';
import {
  finishImport,
  importCurl,
  type ImportedRequest,
  type ImportRequestResult,
} from './importCurl';
import { importFetch } from './importFetch';
import { importHttpie } from './importHttpie';
import { importPowerShell } from './importPowerShell';
import { importRawHttp } from './importRawHttp';

/** Where an imported request came from, as the import summary names it. */
export type ImportSource = 'curl' | 'httpie' | 'fetch' | 'powershell' | 'http' | 'url';

/** The reader of each command form cleanPastedRequest tells apart. */
const COMMAND_READERS: Record<
  'curl' | 'httpie' | 'fetch' | 'powershell',
  (text: string) => ImportRequestResult
> = {
  curl: importCurl,
  httpie: importHttpie,
  fetch: importFetch,
  powershell: importPowerShell,
};

const WHAT_TO_PASTE =
  'a curl or HTTPie command, a fetch(…) snippet (Copy as fetch), a PowerShell Invoke-WebRequest (Copy as PowerShell), raw HTTP (GET /path HTTP/1.1 and headers), a URL, or credentials (aws configure export-credentials, STS JSON, ~/.aws/credentials)';

export type ImportResult =
  | { kind: 'request'; request: ImportedRequest; source: ImportSource }
  | { kind: 'credentials'; credentials: ImportedCredentials }
  | { kind: 'error'; error: string };

/** Imports whatever was pasted; never throws. */
export function importAnything(text: string): ImportResult {
  const cleaned = cleanPastedRequest(text);
  if (!cleaned.ok) return { kind: 'error', error: cleaned.error };
  const trimmed = cleaned.text.trim();
  if (trimmed === '')
    return {
      kind: 'error',
      error: `Paste ${WHAT_TO_PASTE}.`,
    };
  const { format } = cleaned;
  if (format === 'curl' || format === 'httpie' || format === 'fetch' || format === 'powershell') {
    const result = COMMAND_READERS[format](cleaned.text);
    return result.ok
      ? { kind: 'request', request: result.request, source: format }
      : { kind: 'error', error: result.error };
  }
  if (cleaned.format === 'url') {
    const url = parseUrl(trimmed);
    if (url.host === '') return { kind: 'error', error: 'The URL has no host.' };
    return {
      kind: 'request',
      request: finishImport({ method: 'GET', url: trimmed, headers: [], body: '' }, []),
      source: 'url',
    };
  }
  if (looksLikeCredentials(trimmed)) {
    const result = importCredentials(trimmed);
    return result.ok
      ? { kind: 'credentials', credentials: result.credentials }
      : { kind: 'error', error: result.error };
  }
  if (cleaned.format === 'http') {
    const result = importRawHttp(cleaned.text);
    return result.ok
      ? { kind: 'request', request: result.request, source: 'http' }
      : { kind: 'error', error: result.error };
  }
  return {
    kind: 'error',
    error: `Not a request I can read. Paste ${WHAT_TO_PASTE}.`,
  };
}
