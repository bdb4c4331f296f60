// Differential test: our signer against awscrt, the Python binding of aws-c-auth (AWS's C signer,
// the one the CRT-based SDKs and the AWS CLI's S3 transfers use), Debian's python3-awscrt. Both sign
// the same random requests (test-support/differential/requestShapes.ts); aws-c-auth's own log
// gives its canonical request and string to sign, which are compared with ours, as is the
// signature. SigV4a signatures are randomized, so each side's is verified instead: ours with
// python3-cryptography against our public key over awscrt's string to sign, awscrt's with ours.
//
import { describeDifferential } from '../../test-support/differential/describeDifferential';
import type { RequestShape, WireStyle } from '../../test-support/differential/requestShapes';

/**
 * The one thing awscrt gets differently: Debian's awscrt 0.16.8 parses the request target with
 * aws-c-common's URI parser, which reads a raw ':' as the end of a scheme or of a host before a
 * port, so '/a://b/c' is signed as '/c', '/x?r=http://h/p' as '/p', and '/ab:/' or '/x?a=b:/c'
 * are refused (AWS_ERROR_MALFORMED_INPUT_STRING). botocore and smithy sign these targets as written,
 * as we do. So a path segment or query parameter written raw with a ':' is written encoded here.
 */
function fitAwscrt(shape: RequestShape): RequestShape {
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

describeDifferential({
  title: 'signRequest against awscrt (aws-c-auth)',
  oracle: 'awscrt',
  fit: fitAwscrt,
});
