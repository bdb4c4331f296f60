// The "Check a signature" panel's engine: takes a signed request as pasted (raw HTTP, a curl
// command, or a presigned URL), rebuilds the canonical request from its wire form the way API
// Gateway does (SignedHeaders as given, X-Amz-Date, the scope from Credential), recomputes or
// verifies the SigV4 or SigV4A signature with a secret key and says what is wrong with it.
import { parseQuery, parseUrl, SIGNATURE_QUERY_PARAM } from '../signing';
import { cleanPastedRequest } from '../importing/cleanPastedRequest';
import { curlRequest, readCurlCommand } from '../importing/readCurlCommand';
import { readHttp2Headers, readHttpRequest } from '../importing/readHttpRequest';
import { checkPastedRequest, type CheckOptions } from './checkSignatureFindings';

export type PastedRequestFormat = 'http' | 'curl' | 'presigned-url';

export interface PastedRequest {
  format: PastedRequestFormat;
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: string;
  /** Header names (lower case) that the tool adds by itself (curl's Host, Accept, ...). */
  implicitHeaders?: string[];
  /** What could not be read exactly (a body curl reads from a file, ...). */
  notes?: string[];
}

export interface SignatureFinding {
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface SignatureCheck {
  /** The one verdict: the signature matches and nothing else makes AWS refuse the request. */
  valid: boolean;
  /** The signature recomputes (SigV4) or verifies (SigV4A), whatever else is wrong (an expiry). */
  signatureMatches: boolean;
  format: PastedRequestFormat;
  canonicalRequest?: string;
  stringToSign?: string;
  expectedSignature?: string;
  givenSignature?: string;
  signedHeaders?: string;
  credentialScope?: string;
  /** The payload hash the server puts in the canonical request. */
  payloadHash?: string;
  findings: SignatureFinding[];
}

// ---------------------------------------------------------------- parsing what was pasted

function parseCurl(text: string): PastedRequest | { error: string } {
  const command = readCurlCommand(text);
  if ('error' in command) return command;
  const { method, url, body, implicitHeaders } = curlRequest(command);
  const notes = [...command.notes];
  if (command.awsSigv4 !== undefined)
    notes.push(
      'curl signs this command itself when it runs (--aws-sigv4): there is no signature in the text to check. Run it with -v and paste the request it sent.',
    );
  const host = implicitHeaders.filter(([name]) => name === 'Host');
  const others = implicitHeaders.filter(([name]) => name !== 'Host');
  return {
    format: 'curl',
    method,
    url,
    headers: [...host, ...command.headers, ...others],
    body,
    implicitHeaders: implicitHeaders.map(([name]) => name.toLowerCase()),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/**
 * A signed request as pasted: raw HTTP (request line, headers, body; the Host header gives the
 * URL, https assumed), a curl command, or a presigned URL (one with X-Amz-Signature).
 */
export function parsePastedRequest(text: string): PastedRequest | { error: string } {
  try {
    const cleaned = cleanPastedRequest(text);
    if (!cleaned.ok) return { error: cleaned.error };
    const trimmed = cleaned.text.trim();
    if (trimmed === '')
      return { error: 'Paste a signed request: raw HTTP, a curl command or a presigned URL.' };
    if (cleaned.format === 'curl') return parseCurl(trimmed);
    // Import reads these; what they send (HTTPie's body, PowerShell's headers) is rebuilt there.
    const other = {
      httpie: 'an HTTPie command',
      fetch: 'a fetch(…) snippet',
      powershell: 'a PowerShell command',
    } as const;
    if (cleaned.format in other)
      return {
        error: `This is ${other[cleaned.format as keyof typeof other]}: this panel reads raw HTTP, a curl command or a presigned URL. Import reads it; Export then gives the request as curl.`,
      };
    if (cleaned.format === 'url') {
      const query = parseUrl(trimmed).query;
      if (!parseQuery(query).some(({ name }) => name === SIGNATURE_QUERY_PARAM))
        return {
          error:
            'This URL carries no X-Amz-Signature: paste a presigned URL, or the whole signed request (raw HTTP or curl).',
        };
      return {
        format: 'presigned-url',
        method: 'GET',
        url: trimmed,
        headers: [['Host', parseUrl(trimmed).host]],
        body: '',
        implicitHeaders: ['host'],
      };
    }
    if (/^:(?:method|authority|path|scheme)\s*:/i.test(trimmed)) {
      const parsed = readHttp2Headers(trimmed);
      return 'error' in parsed ? parsed : { format: 'http', ...parsed };
    }
    if (/^[A-Za-z-]+ \S/.test(trimmed)) {
      const parsed = readHttpRequest(trimmed);
      return 'error' in parsed ? parsed : { format: 'http', ...parsed };
    }
    return {
      error:
        'Not a request this panel can read: paste raw HTTP (GET /path HTTP/1.1 and headers), a curl command or a presigned URL.',
    };
  } catch {
    return { error: 'This text could not be read as a request.' };
  }
}

// ---------------------------------------------------------------- checking the signature

/** Recomputes a pasted request's signature with a secret key and says what is wrong with it. */
export async function checkSignature(
  text: string,
  secretAccessKey: string,
  options: CheckOptions,
): Promise<SignatureCheck> {
  const parsed = parsePastedRequest(text);
  if ('error' in parsed) {
    const format: PastedRequestFormat = /^\s*(\$\s+)?curl\b/.test(text)
      ? 'curl'
      : /^\s*https?:\/\//i.test(text)
        ? 'presigned-url'
        : 'http';
    return {
      valid: false,
      signatureMatches: false,
      format,
      findings: [{ severity: 'error', message: parsed.error }],
    };
  }
  return checkPastedRequest(parsed, secretAccessKey, options);
}
