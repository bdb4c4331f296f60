// The Authorization header of a SigV4 or SigV4A signature:
// "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=5d67…"
import { ALGORITHM, SIGV4A_ALGORITHM } from './constants';

/** The algorithm identifiers a signature can name: SigV4 and SigV4A. */
export type WireAlgorithm = typeof ALGORITHM | typeof SIGV4A_ALGORITHM;

export const isWireAlgorithm = (text: string | undefined): text is WireAlgorithm =>
  text === ALGORITHM || text === SIGV4A_ALGORITHM;

/** The fields of the Authorization header, in the order signers write them. */
export type AuthorizationField = 'Credential' | 'SignedHeaders' | 'Signature';
const FIELDS: readonly AuthorizationField[] = ['Credential', 'SignedHeaders', 'Signature'];

export type AuthorizationParse =
  | {
      ok: true;
      algorithm: WireAlgorithm;
      credential: string;
      /** Exactly as written: AWS hashes this list as it is, never re-sorted. */
      signedHeaders: string;
      signature: string;
    }
  /** Not a SigV4 or SigV4A header (Bearer, Basic, AWS4-HMAC-SHA512, …). */
  | { ok: false; reason: 'unknown-algorithm'; algorithm: string }
  /** A comma-separated part without '=' ("Signature", "Credential AKID/…"). */
  | { ok: false; reason: 'not-key-value'; algorithm: WireAlgorithm }
  | {
      ok: false;
      reason: 'missing-fields';
      algorithm: WireAlgorithm;
      missing: AuthorizationField[];
      /** The Credential when it is there, so an importer still learns the key and scope. */
      credential?: string;
    };

/**
 * Reads an Authorization header the way AWS does: the algorithm up to the first space, then
 * comma-separated key=value parts, blanks around each part ignored, a repeated key's last value
 * kept, keys compared as written (credential=… is not Credential).
 */
export function parseAuthorization(value: string): AuthorizationParse {
  const space = value.indexOf(' ');
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (!isWireAlgorithm(algorithm)) return { ok: false, reason: 'unknown-algorithm', algorithm };
  // Only the three fields are kept; every other part must still be key=value. Read part by part
  // without splitting: a server reads one of these for every request.
  let credential: string | undefined;
  let signedHeaders: string | undefined;
  let signature: string | undefined;
  // With no space at all, the algorithm alone is the one part, and it has no '='.
  for (let start = space + 1; start <= value.length;) {
    const comma = value.indexOf(',', start);
    const end = comma < 0 ? value.length : comma;
    const part = value.slice(start, end).trim();
    start = end + 1;
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, reason: 'not-key-value', algorithm };
    const key = part.slice(0, eq);
    if (key === 'Credential') credential = part.slice(eq + 1);
    else if (key === 'SignedHeaders') signedHeaders = part.slice(eq + 1);
    else if (key === 'Signature') signature = part.slice(eq + 1);
  }
  if (credential === undefined || signedHeaders === undefined || signature === undefined) {
    const found = { Credential: credential, SignedHeaders: signedHeaders, Signature: signature };
    return {
      ok: false,
      reason: 'missing-fields',
      algorithm,
      missing: FIELDS.filter((field) => found[field] === undefined),
      ...(credential === undefined ? {} : { credential }),
    };
  }
  return { ok: true, algorithm, credential, signedHeaders, signature };
}
