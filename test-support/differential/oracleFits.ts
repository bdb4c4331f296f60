// How each of AWS's signers in oracle.py is fed the shared random requests: each fit maps a shape
// onto the nearest one that signer signs by AWS's rules. The differential tests of the signer
// (src/signing/*.differential.test.ts) and of the local gateway (server/gateway) use the same fits.
import type { QueryParam, RequestShape, WireStyle } from './requestShapes';

/** A raw '+' written as %2B, leaving the rest of the parameter as it was. */
const escapePlus = (param: QueryParam): QueryParam =>
  param.style === 'raw' && (param.name + param.value).includes('+')
    ? { ...param, style: 'aws' }
    : param;

/**
 * The shape botocore signs the way AWS's other signers do. Where botocore does something else,
 * the shape is changed, never the comparison:
 * - SigV4a: botocore's SigV4a signer is awscrt's (botocore.crt.auth), compared in
 *   awscrt.differential.test.ts; SigV4 here.
 * - Header mode, the query: SigV4Auth signs it exactly as written, neither decoding nor encoding
 *   it again, and signs an empty piece ('&&') as a parameter '='. awscrt and smithy re-encode
 *   every name and value and skip empty pieces, as we do. So the query is written in AWS's
 *   canonical encoding, without empty pieces.
 * - Presigned (SigV4QueryAuth): botocore reads the query with parse_qs, so a '+' becomes a space
 *   (awscrt, smithy and AWS services read it as a plus: it is written %2B here) and only the
 *   first value of a repeated name is kept (each name once here); it moves a body into the query
 *   (no body here).
 * - S3SigV4QueryAuth always signs UNSIGNED-PAYLOAD; S3SigV4Auth always sends
 *   x-amz-content-sha256, and SigV4Auth sends UNSIGNED-PAYLOAD only in that header: those shapes
 *   get the header or the unsigned payload.
 */
export function fitBotocore(shape: RequestShape): RequestShape {
  const fitted: RequestShape = { ...shape, algorithm: 'sigv4' };
  if (shape.mode === 'header') {
    fitted.query = shape.query.map((param) => ({ ...param, style: 'aws' }));
    fitted.emptyPieces = 'none';
    fitted.contentSha256Header =
      shape.contentSha256Header || shape.rules === 's3' || shape.payload === 'unsigned';
  } else {
    const names = shape.query.map(({ name }) => name);
    fitted.query = shape.query
      .filter(({ name }, index) => names.indexOf(name) === index)
      .map(escapePlus);
    fitted.body = { kind: 'none' };
    if (shape.rules === 's3') fitted.payload = 'unsigned';
  }
  return fitted;
}

/**
 * The one thing awscrt gets differently: Debian's awscrt 0.16.8 parses the request target with
 * aws-c-common's URI parser, which reads a raw ':' as the end of a scheme or of a host before a
 * port, so '/a://b/c' is signed as '/c', '/x?r=http://h/p' as '/p', and '/ab:/' or '/x?a=b:/c'
 * are refused (AWS_ERROR_MALFORMED_INPUT_STRING). botocore and smithy sign these targets as written,
 * as we do. So a path segment or query parameter written raw with a ':' is written encoded here.
 */
export function fitAwscrt(shape: RequestShape): RequestShape {
  const encodeColon = <T extends { style: WireStyle }>(piece: T, text: string): T =>
    piece.style === 'raw' && text.includes(':') ? { ...piece, style: 'browser' } : piece;
  return {
    ...shape,
    segments: shape.segments.map((segment) =>
      'text' in segment ? encodeColon(segment, segment.text) : segment,
    ),
    query: shape.query.map((param) => encodeColon(param, param.name + param.value)),
  };
}
