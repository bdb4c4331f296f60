// Differential test: our signer against botocore (the AWS SDK for Python's signer, Debian's
// python3-botocore), driven through its own add_auth with its clock pinned: SigV4Auth and
// SigV4QueryAuth for every service, S3SigV4Auth and S3SigV4QueryAuth for S3's rules. The canonical
// request, string to sign and signature are compared on the shared random requests
// (test-support/differential/requestShapes.ts), fitted to what botocore signs by AWS's rules.
import { describeDifferential } from '../../test-support/differential/describeDifferential';
import type { QueryParam, RequestShape } from '../../test-support/differential/requestShapes';

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
function fitBotocore(shape: RequestShape): RequestShape {
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

/** What the fit leaves out entirely, so the coverage check does not ask for it. */
const NOT_FOR_BOTOCORE = new Set([
  "'+' in the query",
  'SigV4a',
  "SigV4a region set with '*'",
  "SigV4a region set with 'eu-*'",
  'SigV4a region set of several regions',
]);

describeDifferential({
  title: 'signRequest against botocore',
  oracle: 'botocore',
  fit: fitBotocore,
  leftOut: NOT_FOR_BOTOCORE,
});
