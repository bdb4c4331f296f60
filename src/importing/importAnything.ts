// Decides what a pasted text is — a curl command, raw HTTP, a URL, or credentials — and imports it.
import { parseUrl } from '../signing';
import type { ImportedCredentials } from './importCredentials';
import { importCredentials, looksLikeCredentials } from './importCredentials';
import { cleanPastedRequest } from './cleanPastedRequest';
import { finishImport, importCurl, type ImportedRequest } from './importCurl';
import { importRawHttp } from './importRawHttp';

export type ImportResult =
  | { kind: 'request'; request: ImportedRequest; source: 'curl' | 'http' | 'url' }
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
      error: 'Paste a curl command, raw HTTP, a URL, or credentials.',
    };
  if (cleaned.format === 'curl') {
    const result = importCurl(cleaned.text);
    return result.ok
      ? { kind: 'request', request: result.request, source: 'curl' }
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
    error:
      'Not a request I can read. Paste a curl command, raw HTTP (GET /path HTTP/1.1 and headers), a URL, or credentials (aws configure export-credentials, STS JSON, ~/.aws/credentials).',
  };
}
