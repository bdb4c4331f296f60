// The verifier's readings of the texts a client repeats from one request to the next (its
// X-Amz-Date within a second, its Credential, its SignedHeaders): each text is parsed once and
// the answer remembered, within bounds (memoizeByText). Answers are frozen: every request that
// sends the same text shares them.
import { parseAmzDate } from './amzDate';
import { ALGORITHM, SIGV4A_ALGORITHM } from './constants';
import { memoizeByText } from './memoizeByText';
import type { WireAlgorithm } from './parseAuthorization';
import { parseCredential, type CredentialParse } from './parseCredential';
import { getSignedHeaderNames, type SignedHeaderNames } from './signedHeaderNames';

/**
 * Far above any real text (an X-Amz-Date is 16 characters, a Credential under 200, a signer's
 * SignedHeaders a few hundred), so that only made-up texts are parsed every time.
 */
const AMZ_DATE_BOUNDS = { maxEntries: 64, maxTextLength: 32 };
const CREDENTIAL_BOUNDS = { maxEntries: 256, maxTextLength: 512 };
const SIGNED_HEADERS_BOUNDS = { maxEntries: 256, maxTextLength: 2048 };

/** parseAmzDate, remembered. */
export const readAmzDate = memoizeByText(parseAmzDate, AMZ_DATE_BOUNDS);

const frozenCredential = (parsed: CredentialParse): CredentialParse => {
  if (parsed.ok) Object.freeze(parsed.credential);
  return Object.freeze(parsed);
};
const credentialMemos: Record<WireAlgorithm, (text: string) => CredentialParse> = {
  [ALGORITHM]: memoizeByText(
    (text) => frozenCredential(parseCredential(text, ALGORITHM)),
    CREDENTIAL_BOUNDS,
  ),
  [SIGV4A_ALGORITHM]: memoizeByText(
    (text) => frozenCredential(parseCredential(text, SIGV4A_ALGORITHM)),
    CREDENTIAL_BOUNDS,
  ),
};

/** parseCredential, remembered (frozen). */
export function readCredential(text: string, algorithm: WireAlgorithm): CredentialParse {
  return credentialMemos[algorithm](text);
}

/** getSignedHeaderNames, remembered (frozen). */
export const readSignedHeaderNames = memoizeByText((text): SignedHeaderNames => {
  const read = getSignedHeaderNames(text);
  Object.freeze(read.names);
  Object.freeze(read.sorted);
  return Object.freeze(read);
}, SIGNED_HEADERS_BOUNDS);
