// What a 403 without the local gateway's decision header can and cannot say, by the error type it
// carries: API Gateway checks the signature and credentials before it asks any policy, so a refusal
// of those has no decision from anyone; an AccessDenied has one that AWS does not disclose.
import { getHeader } from '../../components/ui/bodyText';
import { errorTypeName } from '../../diagnosis/explainErrorType';
import type { HttpAnswer } from '../../transport/sendRequest';

/** x-amzn-ErrorType names (and their S3-style codes) for a signature or credential refused. */
const REFUSED_BEFORE_POLICY = new Set([
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignatureException',
  'IncompleteSignature',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'InvalidToken',
  'MissingAuthenticationTokenException',
  'MissingAuthenticationToken',
  'ExpiredTokenException',
  'ExpiredToken',
]);

const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied']);

export const REFUSED_BEFORE_POLICY_NOTE =
  'No IAM decision with this answer: the signature or credentials were refused before any policy was evaluated (API Gateway checks them first), so no policy decided.';
export const UNDISCLOSED_DECISION_NOTE =
  'No IAM decision with this answer: AWS never says which policy statement decided; only the local gateway sends its decision (and not with --strict).';
const UNKNOWN_NOTE =
  'No IAM decision with this answer: AWS never says which policy statement decided, and the local gateway sends its decision only once a signature is valid (and not with --strict).';

/** The note for an answer without a decision header, or undefined when none is due (not a 403). */
export function absentDecisionNote(
  answer: Pick<HttpAnswer, 'status' | 'headers'>,
): string | undefined {
  if (answer.status !== 403) return undefined;
  const type = getHeader(answer.headers, 'x-amzn-ErrorType');
  const name = type === undefined ? '' : errorTypeName(type);
  if (REFUSED_BEFORE_POLICY.has(name)) return REFUSED_BEFORE_POLICY_NOTE;
  if (ACCESS_DENIED.has(name)) return UNDISCLOSED_DECISION_NOTE;
  return UNKNOWN_NOTE;
}
