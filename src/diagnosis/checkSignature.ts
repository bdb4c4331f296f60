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
import { formatCountdown, parseAmzDate, SIGNATURE_WINDOW_MS } from './clockSkew';

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

/** Splits a shell command line into words: quotes, $'…', backslashes and line continuations. */
export function shellWords(command: string): string[] {
  const text = command.replace(/\\\r?\n|\^\r?\n|`\r?\n/g, ' ');
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (char === "'") {
      const end = text.indexOf("'", i + 1);
      word += end < 0 ? text.slice(i + 1) : text.slice(i + 1, end);
      i = end < 0 ? text.length : end;
    } else if (char === '$' && text[i + 1] === "'") {
      i += 2;
      for (; i < text.length && text[i] !== "'"; i++) {
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[++i]!;
          word += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
        } else word += text[i];
      }
    } else if (char === '"') {
      i++;
      for (; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) i++;
        word += text[i];
      }
    } else if (char === '\\' && i + 1 < text.length) {
      word += text[++i];
    } else word += char;
  }
  if (inWord) words.push(word);
  return words;
}

const CURL_ARG_OPTIONS = new Set([
  '-X',
  '--request',
  '-H',
  '--header',
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-ascii',
  '--data-urlencode',
  '--json',
  '--url',
  '-A',
  '--user-agent',
  '-e',
  '--referer',
  '-b',
  '--cookie',
  '-o',
  '--output',
  '-u',
  '--user',
  '--aws-sigv4',
  '-x',
  '--proxy',
  '--connect-timeout',
  '-m',
  '--max-time',
  '-w',
  '--write-out',
  '--retry',
  '--cacert',
  '--cert',
  '--key',
  '-E',
  '--resolve',
  '--interface',
  '-T',
  '--upload-file',
  '-F',
  '--form',
  '-r',
  '--range',
  '--max-redirs',
  '--limit-rate',
  '-c',
  '--cookie-jar',
  '-K',
  '--config',
]);
const CURL_SHORT_WITH_ARG = new Set([...CURL_ARG_OPTIONS].filter((name) => /^-\w$/.test(name)));

const hasHeader = (headers: ReadonlyArray<readonly [string, string]>, name: string) =>
  headers.some(([key]) => key.toLowerCase() === name);

function parseCurl(text: string): PastedRequest | { error: string } {
  const words = shellWords(text);
  if (words[0] === '$') words.shift();
  if (words[0] !== 'curl') return { error: 'A curl command starts with curl.' };
  let method: string | undefined;
  let url: string | undefined;
  let head = false;
  let get = false;
  const headers: Array<[string, string]> = [];
  const data: string[] = [];
  const notes: string[] = [];
  const take = (option: string, value: string) => {
    if (option.startsWith('-d') || option.startsWith('--data') || option === '--json') {
      if (value.startsWith('@') && option !== '--data-raw')
        notes.push(
          `curl reads the body from the file ${value.slice(1)}; this check uses the text “${value}” instead, so the payload hash will not match the file's.`,
        );
    }
    if (option === '--aws-sigv4')
      notes.push(
        'curl signs this command itself when it runs (--aws-sigv4): there is no signature in the text to check. Run it with -v and paste the request it sent.',
      );
    switch (option) {
      case '-X':
      case '--request':
        method = value;
        break;
      case '-H':
      case '--header': {
        const colon = value.indexOf(':');
        if (colon > 0) {
          const headerValue = value.slice(colon + 1).trim();
          // "Name:" with nothing after it removes a header curl would send.
          if (headerValue !== '') headers.push([value.slice(0, colon).trim(), headerValue]);
        } else if (value.endsWith(';')) headers.push([value.slice(0, -1).trim(), '']);
        break;
      }
      case '-d':
      case '--data':
      case '--data-ascii':
        // curl drops line breaks from -d data read from files only; inline text is sent as is.
        data.push(value);
        break;
      case '--data-raw':
      case '--data-binary':
      case '--data-urlencode':
        data.push(value);
        break;
      case '--json':
        data.push(value);
        if (!hasHeader(headers, 'content-type')) headers.push(['Content-Type', 'application/json']);
        if (!hasHeader(headers, 'accept')) headers.push(['Accept', 'application/json']);
        break;
      case '--url':
        url = value;
        break;
      case '-A':
      case '--user-agent':
        headers.push(['User-Agent', value]);
        break;
      case '-e':
      case '--referer':
        headers.push(['Referer', value]);
        break;
      case '-b':
      case '--cookie':
        if (value.includes('=')) headers.push(['Cookie', value]);
        break;
      case '-r':
      case '--range':
        headers.push(['Range', `bytes=${value}`]);
        break;
    }
  };
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('--')) {
      if (word === '--head') head = true;
      else if (word === '--get') get = true;
      else if (CURL_ARG_OPTIONS.has(word)) take(word, words[++i] ?? '');
    } else if (word.startsWith('-') && word.length > 1) {
      // A cluster of short options: -sSi, -XPOST, -H'Name: value'.
      for (let j = 1; j < word.length; j++) {
        const option = `-${word[j]}`;
        if (CURL_SHORT_WITH_ARG.has(option)) {
          const rest = word.slice(j + 1);
          take(option, rest !== '' ? rest : (words[++i] ?? ''));
          break;
        }
        if (option === '-I') head = true;
        if (option === '-G') get = true;
      }
    } else if (url === undefined) url = word;
  }
  if (url === undefined) return { error: 'The curl command has no URL.' };
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url)) url = `http://${url}`;
  let body = data.join('&');
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
    method: method ?? (head ? 'HEAD' : data.length > 0 && !get ? 'POST' : 'GET'),
    url,
    headers: all,
    body,
    implicitHeaders,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function parseHttp(text: string): PastedRequest | { error: string } {
  const normalized = text.replace(/\r\n/g, '\n');
  const blank = normalized.indexOf('\n\n');
  const head = blank < 0 ? normalized : normalized.slice(0, blank);
  const body = blank < 0 ? '' : normalized.slice(blank + 2);
  const [requestLine = '', ...headerLines] = head.split('\n');
  const words = requestLine.trim().split(' ');
  if (words.length < 2)
    return { error: 'The first line must be a request line: GET /path HTTP/1.1' };
  const method = words[0]!;
  const target = (
    /^HTTP\/\S+$/i.test(words.at(-1)!) && words.length > 2 ? words.slice(1, -1) : words.slice(1)
  ).join(' ');
  const headers: Array<[string, string]> = [];
  for (const line of headerLines) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      headers.at(-1)![1] += `\n${line}`;
      continue;
    }
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `Not a header line: ${line}` };
    headers.push([
      line.slice(0, colon).trim(),
      line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, ''),
    ]);
  }
  let url: string;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(target)) {
    url = target;
    if (!hasHeader(headers, 'host')) headers.unshift(['Host', parseUrl(target).host]);
  } else {
    const host = headers.find(([name]) => name.toLowerCase() === 'host')?.[1]?.trim();
    if (host === undefined || host === '')
      return { error: 'The request has no Host header, so its URL cannot be known.' };
    url = `https://${host}${target.startsWith('/') || target.startsWith('?') ? '' : '/'}${target}`;
  }
  return { format: 'http', method, url, headers, body };
}

/**
 * HTTP/2 headers as browsers' developer tools copy them: pseudo-headers (:method, :authority,
 * :path, :scheme) instead of a request line. :authority is what AWS signs as host.
 */
function parseHttp2Headers(text: string): PastedRequest | { error: string } {
  const normalized = text.replace(/\r\n/g, '\n');
  const blank = normalized.indexOf('\n\n');
  const head = blank < 0 ? normalized : normalized.slice(0, blank);
  const body = blank < 0 ? '' : normalized.slice(blank + 2);
  const pseudo = new Map<string, string>();
  const headers: Array<[string, string]> = [];
  for (const line of head.split('\n')) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':', line.startsWith(':') ? 1 : 0);
    if (colon <= 0) return { error: `Not a header line: ${line}` };
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (name.startsWith(':')) pseudo.set(name.toLowerCase(), value);
    else headers.push([name, value]);
  }
  const authority = pseudo.get(':authority');
  if (authority === undefined || authority === '')
    return { error: 'The HTTP/2 headers have no :authority, so the URL cannot be known.' };
  if (!hasHeader(headers, 'host')) headers.unshift(['host', authority]);
  const path = pseudo.get(':path') ?? '/';
  return {
    format: 'http',
    method: pseudo.get(':method') ?? 'GET',
    url: `${pseudo.get(':scheme') ?? 'https'}://${authority}${path.startsWith('/') ? '' : '/'}${path}`,
    headers,
    body,
  };
}

/**
 * A signed request as pasted: raw HTTP (request line, headers, body; the Host header gives the
 * URL, https assumed), a curl command, or a presigned URL (one with X-Amz-Signature).
 */
export function parsePastedRequest(text: string): PastedRequest | { error: string } {
  try {
    const trimmed = String(text)
      .replace(/^\uFEFF/, '')
      .trim()
      .replace(/^\$\s+/, '');
    if (trimmed === '')
      return { error: 'Paste a signed request: raw HTTP, a curl command or a presigned URL.' };
    if (/^curl(\s|$)/.test(trimmed)) return parseCurl(trimmed);
    if (/^https?:\/\/\S+$/i.test(trimmed)) {
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
    if (/^:(?:method|authority|path|scheme)\s*:/i.test(trimmed)) return parseHttp2Headers(trimmed);
    if (/^[A-Za-z-]+ \S/.test(trimmed)) return parseHttp(trimmed);
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
