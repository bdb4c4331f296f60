// The fast-check generators of request shapes (requestShapes.ts says what a shape is and what is
// deliberately not generated): path segments, query parameters, headers, bodies, keys and the
// signing settings, combined in requestShape.
import fc from 'fast-check';
import type { SigningAlgorithm } from '../../src/signing';
import type {
  Body,
  PathRules,
  PathSegment,
  QueryParam,
  RequestShape,
  WireStyle,
} from './requestShapes';

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

/** Names the signer owns or that AWS's signers disagree on (see requestShapes.ts). */
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
