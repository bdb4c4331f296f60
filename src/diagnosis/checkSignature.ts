// The "Check a signature" panel's engine: takes a signed request as pasted (raw HTTP, a curl
// command, or a presigned URL), rebuilds the canonical request from its wire form the way API
// Gateway does (SignedHeaders as given, X-Amz-Date, the scope from Credential), recomputes the
// signature with a secret key and says what is wrong with it. Never throws on any text.
import {
  canonicalizeWireRequest,
  createStringToSign,
  deriveSigningKey,
  EMPTY_SHA256,
  getDefaultSigningCrypto,
  parseQuery,
  parseUrl,
  toHex,
  UNSIGNED_PAYLOAD,
  utf8,
  type SigningCrypto,
} from '../signing';
import { cleanPastedRequest } from '../importing/cleanPastedRequest';
import { curlBody, readCurlCommand } from '../importing/readCurlCommand';
import { readHttp2Headers, readHttpRequest } from '../importing/readHttpRequest';
import { formatCountdown, parseAmzDate, SIGNATURE_WINDOW_MS } from './clockSkew';

// shellWords moved to src/importing with the curl reader; re-exported for existing callers.
export { shellWords } from '../importing/shellWords';

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
  valid: boolean;
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

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_EXPIRES = 604800;

// ---------------------------------------------------------------- parsing what was pasted

const hasHeader = (headers: ReadonlyArray<readonly [string, string]>, name: string) =>
  headers.some(([key]) => key.toLowerCase() === name);

function parseCurl(text: string): PastedRequest | { error: string } {
  const command = readCurlCommand(text);
  if ('error' in command) return command;
  const { data, get, head } = command;
  let url = command.url;
  const headers = [...command.headers];
  const notes = [...command.notes];
  if (command.awsSigv4 !== undefined)
    notes.push(
      'curl signs this command itself when it runs (--aws-sigv4): there is no signature in the text to check. Run it with -v and paste the request it sent.',
    );
  let body = curlBody(data);
  if (get && body !== '') {
    url += (url.includes('?') ? '&' : '?') + body;
    body = '';
  }
  const implicitHeaders: string[] = [];
  const all: Array<[string, string]> = [];
  if (!hasHeader(headers, 'host')) {
    all.push(['Host', parseUrl(url).host]);
    implicitHeaders.push('host');
  }
  all.push(...headers);
  if (!hasHeader(headers, 'accept')) {
    all.push(['Accept', '*/*']);
    implicitHeaders.push('accept');
  }
  if (data.length > 0 && !get) {
    if (!hasHeader(headers, 'content-length')) {
      all.push(['Content-Length', String(utf8(body).length)]);
      implicitHeaders.push('content-length');
    }
    if (!hasHeader(headers, 'content-type')) {
      all.push(['Content-Type', 'application/x-www-form-urlencoded']);
      implicitHeaders.push('content-type');
    }
  }
  return {
    format: 'curl',
    method: command.method ?? (head ? 'HEAD' : data.length > 0 && !get ? 'POST' : 'GET'),
    url,
    headers: all,
    body,
    implicitHeaders,
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
    if (cleaned.format === 'url') {
      const query = parseUrl(trimmed).query;
      if (!parseQuery(query).some(({ name }) => name === 'X-Amz-Signature'))
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

interface SignatureParts {
  source: 'header' | 'query';
  credential: string;
  signedHeaders: string;
  signature: string;
  amzDate?: string;
  expires?: string;
}

const headerValue = (headers: ReadonlyArray<readonly [string, string]>, name: string) =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1];

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function toAmzDate(dateHeader: string): string {
  const parsed = Date.parse(dateHeader);
  return Number.isNaN(parsed)
    ? dateHeader
    : new Date(parsed).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

function readSignature(
  request: PastedRequest,
  query: string | null,
  findings: SignatureFinding[],
): SignatureParts | undefined {
  const authorization = headerValue(request.headers, 'authorization');
  if (authorization !== undefined) {
    const space = authorization.indexOf(' ');
    const algorithm = space < 0 ? authorization : authorization.slice(0, space);
    if (algorithm !== ALGORITHM) {
      findings.push({
        severity: 'error',
        message: `The Authorization header is not a SigV4 signature (it starts with “${algorithm}”, not ${ALGORITHM}).`,
      });
      return undefined;
    }
    const fields = new Map<string, string>();
    for (const part of authorization.slice(space + 1).split(',')) {
      const trimmed = part.trim();
      const eq = trimmed.indexOf('=');
      if (eq > 0) fields.set(trimmed.slice(0, eq), trimmed.slice(eq + 1));
    }
    const missing = ['Credential', 'SignedHeaders', 'Signature'].filter(
      (name) => !fields.has(name),
    );
    if (missing.length > 0) {
      findings.push({
        severity: 'error',
        message: `The Authorization header lacks ${missing.join(', ')}.`,
      });
      return undefined;
    }
    const amzDate =
      headerValue(request.headers, 'x-amz-date') ?? headerValue(request.headers, 'date');
    const parts: SignatureParts = {
      source: 'header',
      credential: fields.get('Credential')!,
      signedHeaders: fields.get('SignedHeaders')!,
      signature: fields.get('Signature')!,
    };
    if (amzDate !== undefined)
      parts.amzDate = headerValue(request.headers, 'x-amz-date') ?? toAmzDate(amzDate);
    return parts;
  }
  const params = parseQuery(query);
  const value = (name: string) => {
    const found = params.find((param) => param.name === name);
    return found === undefined ? undefined : decode(found.value);
  };
  const signature = value('X-Amz-Signature');
  if (signature === undefined) {
    findings.push({
      severity: 'error',
      message: 'The request is not signed: it has no Authorization header and no X-Amz-Signature.',
    });
    return undefined;
  }
  const missing = [
    'X-Amz-Algorithm',
    'X-Amz-Credential',
    'X-Amz-Date',
    'X-Amz-SignedHeaders',
  ].filter((name) => value(name) === undefined);
  if (missing.length > 0) {
    findings.push({
      severity: 'error',
      message: `The presigned URL lacks ${missing.join(', ')}.`,
    });
    if (value('X-Amz-Credential') === undefined || value('X-Amz-SignedHeaders') === undefined)
      return undefined;
  } else if (value('X-Amz-Algorithm') !== ALGORITHM) {
    findings.push({
      severity: 'error',
      message: `X-Amz-Algorithm is “${value('X-Amz-Algorithm')}”, not ${ALGORITHM}.`,
    });
  }
  const parts: SignatureParts = {
    source: 'query',
    credential: value('X-Amz-Credential')!,
    signedHeaders: value('X-Amz-SignedHeaders')!,
    signature,
  };
  const amzDate = value('X-Amz-Date');
  const expires = value('X-Amz-Expires');
  if (amzDate !== undefined) parts.amzDate = amzDate;
  if (expires !== undefined) parts.expires = expires;
  return parts;
}

function timeFindings(
  signature: SignatureParts,
  signedAt: number,
  now: number,
  findings: SignatureFinding[],
): void {
  if (signature.source === 'header') {
    if (now - signedAt > SIGNATURE_WINDOW_MS) {
      findings.push({
        severity: 'error',
        message: `Expired: X-Amz-Date is ${formatCountdown(now - signedAt)} before now, more than the 5 minutes execute-api allows.`,
      });
    } else if (signedAt - now > SIGNATURE_WINDOW_MS) {
      findings.push({
        severity: 'error',
        message: `Not yet valid: X-Amz-Date is ${formatCountdown(signedAt - now)} after now, more than the 5 minutes execute-api allows.`,
      });
    }
    return;
  }
  const expires = signature.expires;
  if (expires === undefined) {
    findings.push({ severity: 'error', message: 'The presigned URL has no X-Amz-Expires.' });
  } else if (!/^\d+$/.test(expires) || Number(expires) < 1 || Number(expires) > MAX_EXPIRES) {
    findings.push({
      severity: 'error',
      message: `X-Amz-Expires must be a whole number of seconds from 1 to ${MAX_EXPIRES}; it is “${expires}”.`,
    });
  } else if (now > signedAt + Number(expires) * 1000) {
    findings.push({
      severity: 'error',
      message: `Expired: the URL was valid for ${expires} s from X-Amz-Date and expired ${formatCountdown(now - signedAt - Number(expires) * 1000)} ago.`,
    });
  }
  if (signedAt - now > SIGNATURE_WINDOW_MS) {
    findings.push({
      severity: 'warning',
      message: `X-Amz-Date is ${formatCountdown(signedAt - now)} in the future: AWS rejects it as not yet valid.`,
    });
  }
}

/** Recomputes a pasted request's signature with a secret key and says what is wrong with it. */
export async function checkSignature(
  text: string,
  secretAccessKey: string,
  options: { now: Date; s3PathRules?: boolean; crypto?: SigningCrypto },
): Promise<SignatureCheck> {
  let format: PastedRequestFormat = 'http';
  try {
    const parsed = parsePastedRequest(text);
    if ('error' in parsed) {
      if (/^\s*(\$\s+)?curl\b/.test(String(text))) format = 'curl';
      else if (/^\s*https?:\/\//i.test(String(text))) format = 'presigned-url';
      return { valid: false, format, findings: [{ severity: 'error', message: parsed.error }] };
    }
    format = parsed.format;
    return await check(parsed, secretAccessKey, options);
  } catch (error) {
    return {
      valid: false,
      format,
      findings: [
        {
          severity: 'error',
          message: `The signature could not be checked: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
}

async function check(
  request: PastedRequest,
  secretAccessKey: string,
  options: { now: Date; s3PathRules?: boolean; crypto?: SigningCrypto },
): Promise<SignatureCheck> {
  const findings: SignatureFinding[] = [];
  const result: SignatureCheck = { valid: false, format: request.format, findings };
  const url = parseUrl(request.url);
  for (const note of request.notes ?? []) findings.push({ severity: 'warning', message: note });
  const signature = readSignature(request, url.query, findings);
  if (signature === undefined) return result;
  result.givenSignature = signature.signature;
  result.signedHeaders = signature.signedHeaders;

  const scope = signature.credential.split('/');
  if (scope.length !== 5) {
    findings.push({
      severity: 'error',
      message: `Credential must be keyid/date/region/service/aws4_request; it is “${signature.credential}”.`,
    });
    return result;
  }
  const [, scopeDate, region, service, terminator] = scope as [
    string,
    string,
    string,
    string,
    string,
  ];
  const credentialScope = scope.slice(1).join('/');
  result.credentialScope = credentialScope;
  if (terminator !== 'aws4_request')
    findings.push({
      severity: 'error',
      message: `The credential scope must end in aws4_request, not “${terminator}”.`,
    });

  const amzDate = signature.amzDate;
  const now = options.now.getTime();
  if (amzDate === undefined) {
    findings.push({
      severity: 'error',
      message: 'The request has no X-Amz-Date (nor a Date header).',
    });
  } else {
    const signedAt = parseAmzDate(amzDate);
    if (Number.isNaN(signedAt)) {
      findings.push({
        severity: 'error',
        message: `X-Amz-Date must be ISO 8601 basic format (20150830T123600Z); it is “${amzDate}”.`,
      });
    } else {
      if (amzDate.slice(0, 8) !== scopeDate)
        findings.push({
          severity: 'error',
          message: `X-Amz-Date (${amzDate}) is not on the credential scope’s date (${scopeDate}).`,
        });
      timeFindings(signature, signedAt, now, findings);
    }
  }

  // Headers: what is signed, what is missing, what travels unsigned.
  const signedNames = signature.signedHeaders.split(';').map((name) => name.toLowerCase());
  const signedSet = new Set(signedNames);
  const present = new Set(request.headers.map(([name]) => name.toLowerCase()));
  if (!signedSet.has('host'))
    findings.push({ severity: 'error', message: 'host is not signed: SigV4 requires it.' });
  const missing = signedNames.filter((name) => name !== '' && !present.has(name));
  if (missing.length > 0)
    findings.push({
      severity: 'error',
      message: `Signed but not in the request: ${missing.join(', ')}. AWS answers that a SignedHeader does not exist.`,
    });
  const implicit = new Set(request.implicitHeaders ?? []);
  const unsigned = [...present].filter(
    (name) => !signedSet.has(name) && name !== 'authorization' && !implicit.has(name),
  );
  const unsignedAmz = unsigned.filter((name) => name.startsWith('x-amz-'));
  const unsignedOther = unsigned.filter((name) => !name.startsWith('x-amz-'));
  if (unsignedAmz.length > 0)
    findings.push({
      severity: 'warning',
      message: `In the request but not signed: ${unsignedAmz.join(', ')}. x-amz-* headers are usually signed; a changed value would go unnoticed.`,
    });
  if (unsignedOther.length > 0)
    findings.push({
      severity: 'info',
      message: `In the request but not signed: ${unsignedOther.join(', ')}.`,
    });
  if (signature.source === 'header') {
    const token = headerValue(request.headers, 'x-amz-security-token');
    if (signedSet.has('x-amz-security-token') && token === undefined)
      findings.push({
        severity: 'error',
        message: 'x-amz-security-token is signed but the request does not carry it.',
      });
    else if (token !== undefined && !signedSet.has('x-amz-security-token'))
      findings.push({
        severity: 'warning',
        message:
          'The session token (x-amz-security-token) is sent but not signed; most services want it signed.',
      });
  }

  // The payload hash AWS would compute.
  const crypto = options.crypto ?? getDefaultSigningCrypto();
  const s3 = options.s3PathRules ?? false;
  const bodyHash =
    request.body === '' ? EMPTY_SHA256 : toHex(await crypto.sha256(utf8(request.body)));
  const contentSha256 = headerValue(request.headers, 'x-amz-content-sha256')?.trim();
  let payloadHash = bodyHash;
  if (contentSha256 === UNSIGNED_PAYLOAD) payloadHash = UNSIGNED_PAYLOAD;
  else if (s3 && contentSha256 !== undefined) payloadHash = contentSha256;
  else if (s3 && signature.source === 'query') payloadHash = UNSIGNED_PAYLOAD;
  if (contentSha256 !== undefined && /^[0-9a-f]{64}$/i.test(contentSha256)) {
    if (contentSha256.toLowerCase() !== bodyHash)
      findings.push({
        severity: 'error',
        message: `x-amz-content-sha256 says ${contentSha256}, but the body hashes to ${bodyHash}.`,
      });
  }

  result.payloadHash = payloadHash;
  const canonical = canonicalizeWireRequest({
    method: request.method,
    target: url.path + (url.query === null ? '' : `?${url.query}`),
    headers: request.headers,
    signedHeaders: signature.signedHeaders,
    payloadHash,
    normalizePath: !s3,
    doubleEncodePath: !s3,
    ...(signature.source === 'query' ? { excludeQueryParams: ['X-Amz-Signature'] } : {}),
  });
  result.canonicalRequest = canonical.canonicalRequest;
  const canonicalRequestHash = toHex(await crypto.sha256(utf8(canonical.canonicalRequest)));
  const stringToSign = createStringToSign(amzDate ?? '', credentialScope, canonicalRequestHash);
  result.stringToSign = stringToSign;

  if (secretAccessKey === '') {
    findings.push({
      severity: 'warning',
      message: 'Enter the secret access key to recompute the signature.',
    });
    return result;
  }
  const signingKey = await deriveSigningKey(crypto, {
    secretAccessKey,
    dateStamp: scopeDate,
    region,
    service,
  });
  const expected = toHex(await crypto.hmacSha256(signingKey.key, utf8(stringToSign)));
  result.expectedSignature = expected;
  result.valid = expected === signature.signature.toLowerCase();
  findings.unshift(
    result.valid
      ? {
          severity: 'info',
          message: 'The signature matches: AWS computes the same one from this request and secret.',
        }
      : {
          severity: 'error',
          message:
            'The signature does not match: with this secret, this request signs to another value. Either the secret is not the one used, or the request changed after signing.',
        },
  );
  return result;
}
