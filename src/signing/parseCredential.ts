// The Credential of a signature: the access key ID and the credential scope, slash-separated.
// SigV4: AKID/20150830/us-east-1/iam/aws4_request. SigV4A: AKID/20150830/iam/aws4_request (no
// region: X-Amz-Region-Set names the regions instead).
import { SIGV4A_ALGORITHM } from './constants';
import type { WireAlgorithm } from './parseAuthorization';

export interface CredentialScope {
  accessKeyId: string;
  /** YYYYMMDD as written (checked against X-Amz-Date, not parsed here). */
  dateStamp: string;
  /** SigV4 only. */
  region?: string;
  service: string;
  /** aws4_request in a well-formed scope; checked by the verifier, which names a wrong one. */
  terminator: string;
  /** The credential scope as line 3 of the string to sign carries it: all but the key ID. */
  scope: string;
}

export type CredentialParse =
  | { ok: true; credential: CredentialScope }
  /** Not as many slash-separated parts as the algorithm's scope has. */
  | { ok: false; reason: 'parts'; expected: 4 | 5 };

/** Splits a Credential into key ID and scope; the number of parts depends on the algorithm. */
export function parseCredential(text: string, algorithm: WireAlgorithm): CredentialParse {
  const isSigV4a = algorithm === SIGV4A_ALGORITHM;
  const expected = isSigV4a ? 4 : 5;
  // One more part than expected is enough to know the count is wrong.
  const parts = text.split('/', expected + 1);
  if (parts.length !== expected) return { ok: false, reason: 'parts', expected };
  const [accessKeyId, dateStamp, ...rest] = parts as [string, string, ...string[]];
  const [region, service, terminator] = (isSigV4a ? [undefined, ...rest] : rest) as [
    string | undefined,
    string,
    string,
  ];
  return {
    ok: true,
    credential: {
      accessKeyId,
      dateStamp,
      ...(region === undefined ? {} : { region }),
      service,
      terminator,
      scope: parts.slice(1).join('/'),
    },
  };
}
