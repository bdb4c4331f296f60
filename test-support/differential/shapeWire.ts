// A request shape as it goes on the wire and as our signer's input: how decoded text is written
// in each wire style, the path, query, request target, header lines and body bytes.
import { uriEncode, type SigningInput } from '../../src/signing';
import type { Body, QueryParam, RequestShape, WireStyle } from './requestShapes';

/** What cannot stay raw in any URL (see requestShapes.ts' header comment). */
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
