// Failure reports and coverage for request shapes: a shape as plain JSON, and the features
// (dot segments, repeated query keys, duplicate headers…) a set of shapes must cover.
import type { RequestShape } from './requestShapes';
import { wirePath, wireQueryPiece } from './shapeWire';

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
