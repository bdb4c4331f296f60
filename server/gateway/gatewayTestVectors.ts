// The official SigV4 test vectors (test-vectors/aws/v4) as the gateway tests replay them: which
// outcome each case must get, its signed request as wire bytes, and one-byte mutations of it.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadVectorCaseTexts } from '../../test-support/vectors/loadVectorCases';
import { readMismatch } from './gatewayTestAnswers';

const SUITE_DIR = fileURLToPath(new URL('../../test-vectors/aws/v4', import.meta.url));
export const VECTOR_TIME = Date.parse('2015-08-30T12:36:00Z');

interface VectorContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  normalize?: boolean;
  omit_session_token?: boolean;
  region: string;
  service: string;
}

export const VECTORS = new Map(
  loadVectorCaseTexts(SUITE_DIR).map(
    (vector) => [vector.name.replace(/^v4\//, ''), vector.files] as const,
  ),
);
export const contextOf = (name: string) =>
  JSON.parse(VECTORS.get(name)!['context.json']!) as VectorContext;

/**
 * Request lines node's HTTP parser (llhttp, strict) refuses. The gateway never sees them: the
 * server's clientError handler answers 400 BadRequestException. They are not valid HTTP/1.1
 * (RFC 9112 §3.2: a request-target has no spaces and only ASCII; §5.2: obs-fold may be rejected
 * with 400), so a real front door would refuse them too; the suite writes them for signers,
 * which take a raw path. Each case is replayed anyway and must get that 400, not a hang or 5xx;
 * the wire-legal forms of the same requests are tried in gatewayVectors.test.ts.
 */
const UNPARSEABLE: Record<string, string> = {
  'get-header-value-multiline':
    'obs-fold continuation lines: HPE_INVALID_HEADER_TOKEN "Unexpected whitespace after header value"',
  'get-space-normalized':
    'a space in the path splits the request line: HPE_INVALID_CONSTANT "Expected HTTP/"',
  'get-space-unnormalized':
    'a space in the path splits the request line: HPE_INVALID_CONSTANT "Expected HTTP/"',
  'get-utf8': 'raw UTF-8 in the path: HPE_INVALID_URL "Invalid char in url path"',
  'get-vanilla-utf8-query': 'raw UTF-8 in the query: HPE_INVALID_URL "Invalid char in url query"',
};

export type Mode = 'header' | 'query';

export type Outcome =
  | { kind: 'accepted' }
  | { kind: 'unparseable'; reason: string }
  /** Rejected as case 2 with the canonical request and string to sign of case `as`. */
  | { kind: 'mismatch'; reason: string; as: string };

export function outcomeOf(name: string, mode: Mode): Outcome {
  const reason = UNPARSEABLE[name];
  if (reason !== undefined) return { kind: 'unparseable', reason };
  const files = VECTORS.get(name)!;
  if (contextOf(name).normalize === false) {
    // Signed over the path as written (S3's rule). execute-api normalizes the path, like every
    // service but S3, so AWS would compute the normalized twin's canonical request.
    const twin = name.replace(/-unnormalized$/, '-normalized');
    if (
      VECTORS.get(twin)![`${mode}-canonical-request.txt`] !== files[`${mode}-canonical-request.txt`]
    ) {
      return {
        kind: 'mismatch',
        reason: 'path signed unnormalized; execute-api normalizes it',
        as: twin,
      };
    }
  }
  if (name === 'post-sts-header-after' && mode === 'query') {
    // The token goes on the URL after signing. SigV4 signs every query parameter but the
    // signature (see "presigned with the token added after signing" in
    // gatewayDefaultConfig.test.ts), so the gateway computes post-sts-header-before's canonical
    // request, which has the token in it.
    return {
      kind: 'mismatch',
      reason: 'token parameter added after signing',
      as: 'post-sts-header-before',
    };
  }
  return { kind: 'accepted' };
}

/** A *-signed-request.txt split, loosely as the suite's README says: first and last space. */
export interface RawRequest {
  method: string;
  target: string;
  /** Header lines exactly as in the file (continuation lines included). */
  headerLines: string[];
  body: string;
}

export function readSignedRequest(text: string): RawRequest {
  const blank = text.indexOf('\n\n');
  const [requestLine = '', ...headerLines] = text.slice(0, blank).split('\n');
  const first = requestLine.indexOf(' ');
  const last = requestLine.lastIndexOf(' ');
  if (requestLine.slice(last + 1) !== 'HTTP/1.1')
    throw new Error(`Not an HTTP/1.1 request line: ${requestLine}`);
  return {
    method: requestLine.slice(0, first),
    target: requestLine.slice(first + 1, last),
    headerLines,
    body: text.slice(blank + 2),
  };
}

/** The request's bytes: the file's lines with CRLF, Content-Length added when a body has none. */
export function vectorWire(request: RawRequest): Buffer {
  const lines = [`${request.method} ${request.target} HTTP/1.1`, ...request.headerLines];
  if (request.body !== '' && !request.headerLines.some((line) => /^content-length:/i.test(line))) {
    lines.push(`Content-Length:${Buffer.byteLength(request.body)}`);
  }
  return Buffer.concat([
    Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'),
    Buffer.from(request.body, 'utf8'),
  ]);
}

/** The last letter or digit changed to the next one (z→a, 9→0); undefined when there is none. */
function bumpLastAlphanumeric(text: string): string | undefined {
  for (let i = text.length - 1; i >= 0; i--) {
    const char = text[i]!;
    const next = /[0-8a-yA-Y]/.test(char)
      ? String.fromCharCode(char.charCodeAt(0) + 1)
      : ({ 9: '0', z: 'a', Z: 'A' } as Record<string, string>)[char];
    if (next !== undefined) return text.slice(0, i) + next + text.slice(i + 1);
  }
  return undefined;
}

const splitTarget = (target: string) => {
  const at = target.indexOf('?');
  return at < 0
    ? { path: target, query: null }
    : { path: target.slice(0, at), query: target.slice(at + 1) };
};

function signedHeaderNames(request: RawRequest): string[] {
  const authorization = request.headerLines.find((line) => /^authorization:/i.test(line));
  const list = authorization
    ? /SignedHeaders=([^,\s]+)/.exec(authorization)?.[1]
    : /[?&]X-Amz-SignedHeaders=([^&]+)/.exec(request.target)?.[1]?.replace(/%3B/gi, ';');
  return (list ?? '').split(';');
}

function withAmzDate(request: RawRequest, mode: Mode, amzDate: string): RawRequest {
  return mode === 'header'
    ? {
        ...request,
        headerLines: request.headerLines.map((line) =>
          /^x-amz-date:/i.test(line) ? line.replace(/:.*/, `:${amzDate}`) : line,
        ),
      }
    : { ...request, target: request.target.replace(/X-Amz-Date=[^&]+/, `X-Amz-Date=${amzDate}`) };
}

/** Indices of the lines where two texts differ. */
export function differingLines(a: string, b: string): number[] {
  const left = a.split('\n');
  const right = b.split('\n');
  const indices: number[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++)
    if (left[i] !== right[i]) indices.push(i);
  return indices;
}

interface Mutation {
  what: string;
  request: RawRequest;
  /** Which canonical-request lines a mismatch must show changed; or an exact other answer. */
  expected:
    | {
        kind: 'mismatch';
        lines: (canonicalRequest: string) => number[];
        check?: (message: string) => void;
      }
    | { kind: 'error'; type: string; message: string };
}

/** One-byte changes of an accepted vector request, each of which AWS would reject. */
export function mutationsOf(request: RawRequest, mode: Mode): Mutation[] {
  const mutations: Mutation[] = [];
  const { path, query } = splitTarget(request.target);
  const canonicalLine = (prefix: string) => (canonical: string) => [
    canonical.split('\n').findIndex((line) => line.startsWith(prefix)),
  ];

  // The path: its last byte changed, or one appended where it ends in '/' or '.', so that the
  // change survives normalization ('/example/..' and '/examplf/..' both normalize to '/').
  const changedPath = /[A-Za-z0-9]$/.test(path) ? bumpLastAlphanumeric(path)! : `${path}x`;
  mutations.push({
    what: `path ${JSON.stringify(path)} → ${JSON.stringify(changedPath)}`,
    request: { ...request, target: request.target.replace(path, changedPath) },
    expected: { kind: 'mismatch', lines: () => [1] },
  });

  // The query: the request's own first parameter, else (presigned) X-Amz-Expires, which is signed.
  if (query !== null) {
    const pieces = query.split('&');
    const index = pieces.findIndex((piece) => !piece.startsWith('X-Amz-'));
    const at = index >= 0 ? index : pieces.findIndex((piece) => piece.startsWith('X-Amz-Expires='));
    if (at >= 0) {
      const changed = pieces.slice();
      changed[at] = bumpLastAlphanumeric(changed[at]!)!;
      mutations.push({
        what: `query parameter ${JSON.stringify(pieces[at])} → ${JSON.stringify(changed[at])}`,
        request: { ...request, target: `${path}?${changed.join('&')}` },
        expected: { kind: 'mismatch', lines: () => [2] },
      });
    }
  }

  // A signed header's value: not the date or the token (below), not Content-Length (it frames
  // the body).
  const signed = signedHeaderNames(request).filter(
    (name) => name !== 'x-amz-date' && name !== 'x-amz-security-token' && name !== 'content-length',
  );
  const headerName = signed.find((name) => name !== 'host') ?? 'host';
  const headerIndex = request.headerLines.findIndex((line) =>
    line.toLowerCase().startsWith(`${headerName}:`),
  );
  const headerLines = request.headerLines.slice();
  headerLines[headerIndex] = bumpLastAlphanumeric(headerLines[headerIndex]!)!;
  mutations.push({
    what: `signed header ${JSON.stringify(request.headerLines[headerIndex])} → ${JSON.stringify(headerLines[headerIndex])}`,
    request: { ...request, headerLines },
    expected: { kind: 'mismatch', lines: canonicalLine(`${headerName}:`) },
  });

  // The body: a byte changed, or (no body) one byte sent; the payload hash is the last line.
  const body = request.body === '' ? 'x' : bumpLastAlphanumeric(request.body)!;
  const bodyHash = createHash('sha256').update(body).digest('hex');
  mutations.push({
    what: `body ${JSON.stringify(request.body)} → ${JSON.stringify(body)}`,
    request: { ...request, body },
    expected: {
      kind: 'mismatch',
      lines: (canonical) => [canonical.split('\n').length - 1],
      check: (message) =>
        expect(readMismatch(message).canonicalRequest.endsWith(`\n${bodyHash}`)).toBe(true),
    },
  });

  // The session token, signed or not, is checked against the identity before the signature.
  const tokenLine = request.headerLines.findIndex((line) => /^x-amz-security-token:/i.test(line));
  const tokenParam = /X-Amz-Security-Token=[^&]+/.exec(request.target)?.[0];
  if (tokenLine >= 0 || tokenParam !== undefined) {
    const tokenRequest =
      tokenLine >= 0
        ? {
            ...request,
            headerLines: request.headerLines.map((line, i) =>
              i === tokenLine ? bumpLastAlphanumeric(line)! : line,
            ),
          }
        : {
            ...request,
            target: request.target.replace(tokenParam!, bumpLastAlphanumeric(tokenParam!)!),
          };
    mutations.push({
      what: 'the session token: checked before the signature, so case 4',
      request: tokenRequest,
      expected: {
        kind: 'error',
        type: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      },
    });
  }

  // X-Amz-Date, in the order the gateway checks: format, scope date, clock window, signature.
  mutations.push({
    what: 'X-Amz-Date one second later: still in the window, so a signature mismatch',
    request: withAmzDate(request, mode, '20150830T123601Z'),
    expected: {
      kind: 'mismatch',
      lines: mode === 'header' ? canonicalLine('x-amz-date:') : () => [2],
      check: (message) =>
        expect(readMismatch(message).stringToSign.split('\n')[1]).toBe('20150830T123601Z'),
    },
  });
  mutations.push(
    mode === 'header'
      ? {
          what: 'X-Amz-Date ten minutes earlier: the clock check comes before the signature check',
          request: withAmzDate(request, mode, '20150830T122600Z'),
          expected: {
            kind: 'error',
            type: 'InvalidSignatureException',
            message:
              'Signature expired: 20150830T122600Z is now earlier than 20150830T123100Z (20150830T123600Z - 5 min.)',
          },
        }
      : {
          what: 'X-Amz-Date ten minutes earlier: within X-Amz-Expires=3600, so a signature mismatch',
          request: withAmzDate(request, mode, '20150830T122600Z'),
          expected: { kind: 'mismatch', lines: () => [2] },
        },
  );
  mutations.push({
    what: 'X-Amz-Date a day later: the scope date check comes first',
    request: withAmzDate(request, mode, '20150831T123600Z'),
    expected: {
      kind: 'error',
      type: 'InvalidSignatureException',
      message:
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150830' != '20150831', from '20150831T123600Z'.",
    },
  });
  return mutations;
}
