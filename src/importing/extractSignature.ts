// What importing takes out of a pasted request before it becomes the page's request: an existing
// SigV4 signature (the page signs again, or checks that one) and the session token (a credential,
// not a header the user edits).
import { parseQuery, parseUrl } from '../signing';

export interface ExtractedSigning {
  headers: Array<[string, string]>;
  url: string;
  existingSignature?: { kind: 'authorization-header' | 'presigned-url'; detail: string };
  sessionToken?: string;
  /** From the signature's Credential (keyid/date/region/service/aws4_request). */
  accessKeyId?: string;
  region?: string;
  service?: string;
  notes: string[];
}

/** Query parameters a presigned URL adds (SigV4 "Authenticating Requests: Using Query Parameters"). */
const PRESIGN_PARAMS = new Set([
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-signedheaders',
  'x-amz-signature',
  'x-amz-security-token',
]);

/** Headers the signer adds and so would be sent twice if kept. */
const SIGNER_HEADERS = new Set(['authorization', 'x-amz-date', 'x-amz-security-token']);

function readCredential(credential: string, into: ExtractedSigning) {
  const scope = credential.split('/');
  if (scope.length !== 5) return;
  if (scope[0] !== '') into.accessKeyId = scope[0]!;
  if (scope[2] !== '') into.region = scope[2]!;
  if (scope[3] !== '') into.service = scope[3]!;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}

/** Removes a SigV4 signature (Authorization header or presigned query) and the session token. */
export function extractSignature(
  url: string,
  headers: ReadonlyArray<readonly [string, string]>,
): ExtractedSigning {
  const result: ExtractedSigning = { headers: [], url, notes: [] };
  const authorization = headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const signedWithHeader = authorization?.trimStart().startsWith('AWS4-HMAC-SHA256') ?? false;
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === 'x-amz-security-token') {
      result.sessionToken = value.trim();
      continue;
    }
    if (signedWithHeader && SIGNER_HEADERS.has(lower)) continue;
    result.headers.push([name, value]);
  }
  if (signedWithHeader) {
    result.existingSignature = { kind: 'authorization-header', detail: authorization!.trim() };
    const credential = /Credential=([^,\s]*)/.exec(authorization!)?.[1];
    if (credential !== undefined) readCredential(credential, result);
    result.notes.push(
      'The request was already signed (Authorization: AWS4-HMAC-SHA256 …): its Authorization and X-Amz-Date headers were taken out, so the page can check that signature or sign again.',
    );
  }
  const parsed = parseUrl(url);
  if (parsed.query !== null) {
    const params = parseQuery(parsed.query);
    if (params.some(({ name }) => name.toLowerCase() === 'x-amz-signature')) {
      const kept: string[] = [];
      const removed: string[] = [];
      for (const piece of parsed.query.split('&')) {
        const equals = piece.indexOf('=');
        const name = decode(equals < 0 ? piece : piece.slice(0, equals));
        const value = equals < 0 ? '' : decode(piece.slice(equals + 1));
        if (!PRESIGN_PARAMS.has(name.toLowerCase())) {
          kept.push(piece);
          continue;
        }
        removed.push(piece);
        if (name.toLowerCase() === 'x-amz-credential') readCredential(value, result);
        if (name.toLowerCase() === 'x-amz-security-token') result.sessionToken = value;
      }
      const hash = url.indexOf('#');
      const question = url.indexOf('?');
      result.url =
        url.slice(0, question) +
        (kept.length > 0 ? `?${kept.join('&')}` : '') +
        (hash > question ? url.slice(hash) : '');
      result.existingSignature = { kind: 'presigned-url', detail: url };
      result.notes.push(
        `The URL was presigned: its ${removed.map((piece) => piece.split('=')[0]).join(', ')} parameters were taken out, so the page can check that signature or sign again.`,
      );
    }
  }
  if (result.sessionToken !== undefined)
    result.notes.push('The session token (x-amz-security-token) went into the credentials.');
  return result;
}
