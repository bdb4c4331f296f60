// Random request shapes for the differential tests: one generator shared by every oracle (smithy,
// awscrt, botocore), so each independent signer is compared with ours on the same kinds of
// requests. A shape describes a request at the wire level (how each path segment and query
// parameter is written, the header lines as sent, the body bytes) and keeps the decoded text, so an
// oracle that takes decoded input (smithy) gets the same request.
//
// Not generated, because AWS's own signers disagree with each other on them (so there is no one
// right answer to compare with):
// - Connection and Transfer-Encoding headers: awscrt (aws-c-auth) and botocore sign them,
//   smithy never does (ALWAYS_UNSIGNABLE_HEADERS), nor do we.
// - Upgrade: botocore signs it, awscrt and smithy never do, nor do we.
// - Sec-WebSocket-Key/-Protocol/-Version: awscrt never signs them, botocore signs them, smithy
//   never signs any sec-* header.
// - Date: botocore replaces a Date header with its own signing time and then signs no X-Amz-Date.
// - Malformed escapes ('%' not followed by two hex digits): awscrt refuses to sign them
//   (AWS_ERROR_MALFORMED_INPUT_STRING). Escapes of bytes that are not UTF-8: botocore's presigner
//   decodes them to U+FFFD. smithy can take neither (it takes decoded text).
// - Raw spaces and the characters no URI may hold raw ("<>\^`{|}): they cannot go on the wire.
import fc from 'fast-check';
import { uriEncode, type SigningAlgorithm, type SigningInput } from '../../src/signing';

/** How a decoded component is written on the wire. */
export type WireStyle = 'raw' | 'browser' | 'browser-lower' | 'aws';

/** A path segment: decoded text in a wire style, or literal wire text ('.', '..', '', '%2E'…). */
export type PathSegment = { text: string; style: WireStyle } | { literal: string };

/** One query parameter: `name=value`, or a bare `name` (equals false). */
export interface QueryParam {
  name: string;
  value: string;
  style: WireStyle;
  equals: boolean;
}

export type PathRules = 'standard' | 's3';

export type Body =
  { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'binary'; bytes: Uint8Array };

export interface RequestShape {
  method: string;
  /** Authority as written in the URL (lower case; a port only when not the default). */
  host: string;
  /** No path at all (https://host?x): the request target is '/'. */
  emptyPath: boolean;
  segments: PathSegment[];
  trailingSlash: boolean;
  query: QueryParam[];
  /** Empty pieces in the query ('&&', a leading or trailing '&'), which carry no parameter. */
  emptyPieces: 'none' | 'leading' | 'double' | 'trailing';
  /** A '?' with nothing after it when the query has no parameters. */
  bareQuestionMark: boolean;
  /** Header lines in request order, without Host. */
  headers: Array<[string, string]>;
  /** Where the Host header is written, or 'implicit' when the signer adds it from the URL. */
  hostHeader: { name: 'Host' | 'host' | 'HOST'; index: number } | 'implicit';
  body: Body;
  rules: PathRules;
  mode: 'header' | 'query';
  expiresIn: number;
  payload: 'signed' | 'unsigned';
  contentSha256Header: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string | undefined;
  signSessionToken: boolean;
  algorithm: SigningAlgorithm;
  /** SigV4a's region set (SigV4 ignores it). */
  regionSet: string[];
  region: string;
  service: string;
  signingDate: Date;
}

const tricky = fc.constantFrom(
  ...[' ', '+', '%', '&', '=', '/', '?', '#', '~', '*', "'", '(', ')', '!', '$', ',', ';', ':'],
  ...['@', '[', ']', '.', '-', '_', '"', '<', '>', '\\', '^', '`', '{', '|', '}'],
  ...['é', 'ß', 'ሴ', '😀', '\u00a0', 'A', 'z', '0', '9'],
);
const plain = fc.constantFrom(...'abcXYZ019'.split(''));

/** Decoded text of plain letters and characters that need care (reserved, UTF-8, '%', '+'). */
export const decodedText = (maxLength: number) =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: plain }, { weight: 2, arbitrary: tricky }), {
      maxLength,
    })
    .map((chars) => chars.join(''));

const wireStyle = fc.constantFrom<WireStyle>('raw', 'browser', 'browser-lower', 'aws');

/** What cannot stay raw in any URL (see the header comment). */
const NEVER_RAW = /[ "<>\\^`{|}]/;
const PATH_MUST_ENCODE = new RegExp(`[%/?#]|${NEVER_RAW.source}`, 'g');
// '+' stays raw: AWS reads it as a plus sign, which is what the generator means by it.
const QUERY_MUST_ENCODE = new RegExp(`[%&=#]|${NEVER_RAW.source}`, 'g');

/** Writes decoded text in one of the encodings clients put on the wire. */
export function toWire(decoded: string, style: WireStyle, mustEncode: RegExp): string {
  switch (style) {
    case 'raw':
      // Only what would change the meaning or cannot go on the wire is escaped: reserved
      // characters and UTF-8 stay raw.
      return decoded.replace(mustEncode, (char) => encodeURIComponent(char));
    case 'browser':
      return encodeURIComponent(decoded);
    case 'browser-lower':
      return encodeURIComponent(decoded).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
    case 'aws':
      return uriEncode(decoded);
  }
}

const pathSegment: fc.Arbitrary<PathSegment> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ text: decodedText(8), style: wireStyle }) },
  // Dot segments and empty segments ('//'), and dots that are encoded (ordinary text to AWS).
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('.', '..', '', '%2E', '%2e%2E', '.%2E', '...')
      .map((literal) => ({ literal })),
  },
);

const queryParam: fc.Arbitrary<QueryParam> = fc.record({
  // X-Amz-* names belong to presigned URLs: the signer replaces them.
  name: decodedText(6).filter((name) => !name.toLowerCase().startsWith('x-amz-')),
  value: decodedText(8),
  style: wireStyle,
  equals: fc.boolean(),
});

/** Names the signer owns or that AWS's signers disagree on (see the header comment). */
const EXCLUDED_HEADER =
  /^(host|date|authorization|connection|transfer-encoding|upgrade|sec-websocket-.*|x-amz-(date|security-token|content-sha256|region-set))$/i;

const headerName = fc.oneof(
  fc.constantFrom(
    ...['Content-Type', 'content-type', 'X-Custom', 'x-custom', 'My-Header', 'accept'],
    ...['Content-Length', 'User-Agent', 'cache-control', 'X-Amzn-Trace-Id', 'Expect'],
    ...['sec-fetch-mode', 'proxy-thing', 'x-amz-meta-note', 'X-Amz-Target', 'referer', 'Pragma'],
  ),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/).filter((name) => !EXCLUDED_HEADER.test(name)),
);

/**
 * A header value as sent: words of visible ASCII separated and surrounded by runs of spaces and
 * tabs and by obs-folds (CRLF then a space or tab); often empty or only whitespace.
 */
const headerValue = fc
  .tuple(
    fc.constantFrom('', '', ' ', '\t', '  \t', '\r\n '),
    fc.array(
      fc.tuple(
        fc.stringMatching(/^[!-~]{0,6}$/),
        fc.constantFrom(' ', ' ', '  ', '\t', ' \t ', '\t\t', '\r\n ', '\r\n\t', '   '),
      ),
      { maxLength: 4 },
    ),
    fc.constantFrom('', '', ' ', '\t', ' \t', '\r\n '),
  )
  .map(([lead, words, trail]) => {
    const body = words.map(([word, gap], i) => (i === 0 ? word : gap + word)).join('');
    return lead + body + trail;
  });

/** Headers in request order; a name is often repeated, in another case or the same. */
const headerList = fc
  .tuple(
    fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
    fc.option(fc.tuple(fc.nat(), fc.boolean(), headerValue), { nil: undefined }),
  )
  .map(([headers, repeat]): Array<[string, string]> => {
    if (repeat === undefined || headers.length === 0) return headers;
    const [at, changeCase, value] = repeat;
    const [name] = headers[at % headers.length]!;
    const repeated = changeCase ? name.toUpperCase() : name;
    return [...headers, [repeated, value]];
  });

const textBody = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: plain },
      { weight: 2, arbitrary: tricky },
      { weight: 1, arbitrary: fc.constantFrom('\r\n', '\n', '\t', '\r') },
    ),
    { maxLength: 60 },
  )
  .map((chars) => chars.join(''));

const body: fc.Arbitrary<Body> = fc.oneof(
  fc.constant<Body>({ kind: 'none' }),
  fc.constant<Body>({ kind: 'text', text: '' }),
  textBody.map((text): Body => ({ kind: 'text', text })),
  fc
    .constantFrom('a\r\nb\r\n', '{"k":"v"}\r\n\r\n', 'line1\nline2\r\n')
    .map((text): Body => ({ kind: 'text', text })),
  fc.uint8Array({ maxLength: 300 }).map((bytes): Body => ({ kind: 'binary', bytes })),
);

const FIXED_SECRETS = [
  'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  '+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/+/',
];
const REGION_SET_ENTRIES = ['us-east-1', 'us-west-2', 'eu-*', '*', 'ap-southeast-*', 'eu-west-3'];

/** Every shape the differential tests cover. */
export const requestShape: fc.Arbitrary<RequestShape> = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
    host: fc.constantFrom(
      'example.amazonaws.com',
      'abc123.execute-api.ca-central-1.amazonaws.com',
      'examplebucket.s3.eu-west-3.amazonaws.com',
      '127.0.0.1:5174',
      'localhost:8080',
    ),
    emptyPath: fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, fc.constant(true)),
    segments: fc.array(pathSegment, { maxLength: 6 }),
    trailingSlash: fc.boolean(),
    query: fc.array(queryParam, { maxLength: 5 }),
    repeatQuery: fc.option(fc.tuple(fc.nat(), decodedText(4), wireStyle, fc.boolean()), {
      nil: undefined,
    }),
    emptyPieces: fc.constantFrom<RequestShape['emptyPieces']>(
      ...(['none', 'none', 'none', 'leading', 'double', 'trailing'] as const),
    ),
    bareQuestionMark: fc.boolean(),
    headers: headerList,
    hostHeader: fc.oneof(
      fc.constant('implicit' as const),
      fc.record({ name: fc.constantFrom('Host', 'host', 'HOST'), index: fc.nat() }),
    ),
    body,
    rules: fc.constantFrom<PathRules>('standard', 's3'),
    mode: fc.constantFrom<RequestShape['mode']>('header', 'query'),
    expiresIn: fc.oneof(fc.constantFrom(1, 604800), fc.integer({ min: 1, max: 604800 })),
    payload: fc.constantFrom<RequestShape['payload']>('signed', 'unsigned'),
    contentSha256Header: fc.boolean(),
    accessKeyId: fc.constantFrom('AKIDEXAMPLE', 'AKIAIOSFODNN7EXAMPLE', 'ASIAIOSFODNN7EXAMPLE'),
    // Mostly a few fixed secrets: SigV4a derives a key pair per secret, which costs more than
    // the rest of a signing, and the secret's text does not change how a request is canonicalized.
    secretAccessKey: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...FIXED_SECRETS) },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9+/]{40}$/) },
    ),
    sessionToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{10,60}$/), { nil: undefined }),
    signSessionToken: fc.boolean(),
    algorithm: fc.constantFrom<SigningAlgorithm>('sigv4', 'sigv4', 'sigv4a'),
    regionSet: fc.uniqueArray(fc.constantFrom(...REGION_SET_ENTRIES), {
      minLength: 1,
      maxLength: 3,
    }),
    region: fc.constantFrom('us-east-1', 'ca-central-1', 'eu-west-3', 'ap-southeast-2'),
    service: fc.constantFrom('execute-api', 'service', 'lambda', 'es'),
    signingDate: fc
      .integer({ min: Date.UTC(1971, 0, 1) / 1000, max: Date.UTC(2099, 11, 31, 23, 59, 59) / 1000 })
      .map((seconds) => new Date(seconds * 1000)),
  })
  .map(({ repeatQuery, ...shape }): RequestShape => {
    const query = [...shape.query];
    if (repeatQuery !== undefined && query.length > 0) {
      // A repeated name: same decoded name, maybe another value and another wire style.
      const [at, value, style, equals] = repeatQuery;
      query.push({ name: query[at % query.length]!.name, value, style, equals });
    }
    return {
      ...shape,
      query,
      // S3's rules go with the s3 service (its scope); the flags are passed explicitly anyway.
      service: shape.rules === 's3' ? 's3' : shape.service,
    };
  });

/** The path as it goes on the wire ('' for a URL without a path). */
export function wirePath(shape: RequestShape): string {
  if (shape.emptyPath) return '';
  const segments = shape.segments.map((segment) =>
    'literal' in segment ? segment.literal : toWire(segment.text, segment.style, PATH_MUST_ENCODE),
  );
  return '/' + segments.join('/') + (shape.trailingSlash && segments.length > 0 ? '/' : '');
}

/** A query parameter as written on the wire. */
export function wireQueryPiece(param: QueryParam): string {
  const name = toWire(param.name, param.style, QUERY_MUST_ENCODE);
  // A parameter without '=' needs a name to exist at all.
  if (!param.equals && param.value === '' && name !== '') return name;
  return `${name}=${toWire(param.value, param.style, QUERY_MUST_ENCODE)}`;
}

/** The query as it goes on the wire, with its '?' ('' when there is none). */
export function wireQuery(shape: RequestShape): string {
  const pieces = shape.query.map(wireQueryPiece);
  if (pieces.length === 0) return shape.bareQuestionMark ? '?' : '';
  switch (shape.emptyPieces) {
    case 'leading':
      pieces.unshift('');
      break;
    case 'double':
      pieces.splice(Math.min(1, pieces.length), 0, '');
      break;
    case 'trailing':
      pieces.push('');
      break;
  }
  return `?${pieces.join('&')}`;
}

/** The request target of the request line: the path ('/' when the URL has none) and the query. */
export function requestTarget(shape: RequestShape): string {
  return (wirePath(shape) || '/') + wireQuery(shape);
}

export function wireUrl(shape: RequestShape): string {
  return `https://${shape.host}${wirePath(shape)}${wireQuery(shape)}`;
}

/** The header lines as the signer receives them, Host included where the shape writes one. */
export function headerLines(shape: RequestShape): Array<[string, string]> {
  const headers = [...shape.headers];
  if (shape.hostHeader !== 'implicit') {
    const at = shape.hostHeader.index % (headers.length + 1);
    headers.splice(at, 0, [shape.hostHeader.name, shape.host]);
  }
  return headers;
}

/** The header lines as sent: Host is always there (the signer adds it when the shape does not). */
export function sentHeaderLines(shape: RequestShape): Array<[string, string]> {
  return shape.hostHeader === 'implicit'
    ? [['host', shape.host], ...shape.headers]
    : headerLines(shape);
}

export function bodyBytes(body: Body): Uint8Array | undefined {
  if (body.kind === 'none') return undefined;
  return body.kind === 'binary' ? body.bytes : new TextEncoder().encode(body.text);
}

/** Our signer's input for a shape. */
export function toSigningInput(shape: RequestShape): SigningInput {
  const s3 = shape.rules === 's3';
  return {
    method: shape.method,
    url: wireUrl(shape),
    headers: headerLines(shape),
    body:
      shape.body.kind === 'none'
        ? undefined
        : shape.body.kind === 'text'
          ? shape.body.text
          : shape.body.bytes,
    credentials: {
      accessKeyId: shape.accessKeyId,
      secretAccessKey: shape.secretAccessKey,
      sessionToken: shape.sessionToken,
    },
    region: shape.region,
    service: shape.service,
    signingDate: shape.signingDate,
    mode: shape.mode,
    expiresIn: shape.expiresIn,
    payload: shape.payload,
    contentSha256Header: shape.contentSha256Header,
    normalizePath: !s3,
    doubleEncodePath: !s3,
    signSessionToken: shape.signSessionToken,
    algorithm: shape.algorithm,
    ...(shape.algorithm === 'sigv4a' ? { regionSet: shape.regionSet } : {}),
  };
}

/** The seed of this run: DIFFERENTIAL_SEED reproduces an earlier run. */
export function differentialSeed(): number {
  const fromEnv = process.env.DIFFERENTIAL_SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) throw new Error(`DIFFERENTIAL_SEED must be an integer.`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** Cases per oracle: DIFFERENTIAL_RUNS, or the default of a plain `npm test`. */
export function differentialRuns(defaultRuns: number): number {
  const fromEnv = process.env.DIFFERENTIAL_RUNS;
  if (fromEnv === undefined || fromEnv === '') return defaultRuns;
  const runs = Number(fromEnv);
  if (!Number.isSafeInteger(runs) || runs < 1) {
    throw new Error(`DIFFERENTIAL_RUNS must be a positive integer.`);
  }
  return runs;
}

/** A shape as plain JSON (dates as ISO text, bytes as base64), for failure reports. */
export function describeShape(shape: RequestShape): string {
  return JSON.stringify(shape, (_key, value: unknown) =>
    value instanceof Uint8Array ? { base64: Buffer.from(value).toString('base64') } : value,
  );
}

const literalsOf = (shape: RequestShape) =>
  shape.segments.map((segment) => ('literal' in segment ? segment.literal : null));
const textsOf = (shape: RequestShape) =>
  shape.segments.flatMap((segment) => ('text' in segment ? [segment] : []));
const isDots = (literal: string | null | undefined) => literal === '.' || literal === '..';
const endsWithDots = (shape: RequestShape) => isDots(literalsOf(shape).at(-1));
const queryNames = (shape: RequestShape) => shape.query.map(({ name }) => name);
const headerValues = (shape: RequestShape) => shape.headers.map(([, value]) => value);
const textBodyOf = (shape: RequestShape) => (shape.body.kind === 'text' ? shape.body.text : '');
const hasDuplicates = (items: readonly string[]) => new Set(items).size < items.length;

/**
 * The features the differential tests must cover (issue 10: dot segments, '//', encodings, query
 * keys, header whitespace, tokens, payloads, presigning, bodies, region sets). Each test checks
 * that its cases hold every feature its oracle takes, so a generator change that stops producing
 * one fails loudly instead of quietly testing less.
 */
const FEATURES: ReadonlyArray<readonly [feature: string, has: (shape: RequestShape) => boolean]> = [
  ['dot segment inside the path', (shape) => literalsOf(shape).slice(0, -1).some(isDots)],
  ['dot segment at the end', (shape) => endsWithDots(shape) && !shape.trailingSlash],
  ['dot segment then a final slash', (shape) => endsWithDots(shape) && shape.trailingSlash],
  ["'//' in the path", (shape) => wirePath(shape).includes('//')],
  ['encoded dot segment', (shape) => literalsOf(shape).some((l) => l !== null && /%2e/i.test(l))],
  [
    'percent-encoded path character',
    (shape) =>
      textsOf(shape).some(({ text, style }) => style !== 'raw' && /[^A-Za-z0-9\-._~]/.test(text)),
  ],
  [
    'raw reserved path character',
    (shape) =>
      textsOf(shape).some(({ text, style }) => style === 'raw' && /[!$&'()*+,;=:@[\]]/.test(text)),
  ],
  [
    'raw UTF-8 path character',
    (shape) =>
      textsOf(shape).some(({ text, style }) => style === 'raw' && /[^\p{ASCII}]/u.test(text)),
  ],
  [
    'lower-case percent escapes',
    (shape) => textsOf(shape).some((t) => t.style === 'browser-lower'),
  ],
  ['path without a slash (https://host?x)', (shape) => shape.emptyPath],
  ['standard rules', (shape) => shape.rules === 'standard'],
  ['s3 rules', (shape) => shape.rules === 's3'],
  ['repeated query key', (shape) => hasDuplicates(queryNames(shape))],
  ['bare query key', (shape) => shape.query.some((param) => !wireQueryPiece(param).includes('='))],
  ['empty query key', (shape) => queryNames(shape).includes('')],
  [
    "'+' in the query",
    (shape) => shape.query.some((p) => p.style === 'raw' && (p.name + p.value).includes('+')),
  ],
  ['empty query pieces', (shape) => shape.emptyPieces !== 'none' && shape.query.length > 0],
  [
    'header value with a run of spaces or tabs',
    (shape) => headerValues(shape).some((value) => /[ \t]{2,}|\t/.test(value)),
  ],
  ['header value with an obs-fold', (shape) => headerValues(shape).some((v) => v.includes('\r\n'))],
  ['empty header value', (shape) => headerValues(shape).some((value) => value.trim() === '')],
  ['repeated header', (shape) => hasDuplicates(shape.headers.map(([name]) => name.toLowerCase()))],
  ['explicit Host header', (shape) => shape.hostHeader !== 'implicit'],
  ['signed session token', (shape) => shape.sessionToken !== undefined && shape.signSessionToken],
  [
    'unsigned session token',
    (shape) => shape.sessionToken !== undefined && !shape.signSessionToken,
  ],
  ['UNSIGNED-PAYLOAD', (shape) => shape.payload === 'unsigned'],
  ['x-amz-content-sha256', (shape) => shape.mode === 'header' && shape.contentSha256Header],
  ['presigned', (shape) => shape.mode === 'query'],
  ['presigned, expiry 1', (shape) => shape.mode === 'query' && shape.expiresIn === 1],
  ['presigned, expiry 604800', (shape) => shape.mode === 'query' && shape.expiresIn === 604800],
  ['text body', (shape) => textBodyOf(shape) !== '' && !textBodyOf(shape).includes('\r\n')],
  ['CRLF body', (shape) => textBodyOf(shape).includes('\r\n')],
  ['binary body', (shape) => shape.body.kind === 'binary' && shape.body.bytes.length > 0],
  ['SigV4a', (shape) => shape.algorithm === 'sigv4a'],
  [
    "SigV4a region set with '*'",
    (shape) => shape.algorithm === 'sigv4a' && shape.regionSet.includes('*'),
  ],
  [
    "SigV4a region set with 'eu-*'",
    (shape) => shape.algorithm === 'sigv4a' && shape.regionSet.includes('eu-*'),
  ],
  [
    'SigV4a region set of several regions',
    (shape) => shape.algorithm === 'sigv4a' && shape.regionSet.length > 1,
  ],
];

export const ALL_FEATURES: readonly string[] = FEATURES.map(([feature]) => feature);

/** The features (of `expected`) that none of these shapes has. */
export function missingFeatures(
  shapes: readonly RequestShape[],
  expected: readonly string[] = ALL_FEATURES,
): string[] {
  return FEATURES.filter(([feature, has]) => expected.includes(feature) && !shapes.some(has)).map(
    ([feature]) => feature,
  );
}
