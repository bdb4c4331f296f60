// One sentence for each x-amzn-ErrorType an IAM-protected API answers with, in the words a user
// needs: what AWS checked and what failed (docs/api-gateway-iam-errors.md).
import { API_GATEWAY_MAX_PAYLOAD_BYTES } from '../transport/limits';

const MiB = 1024 * 1024;

const EXPLANATIONS: Record<string, string> = {
  MissingAuthenticationTokenException:
    'The request was not signed, or the stage, path or method does not exist — API Gateway answers both the same way.',
  InvalidSignatureException:
    'AWS computed a different signature from the request it received (a wrong secret key, or a request changed after signing), or the signing time or credential scope is wrong: the message says which.',
  IncompleteSignatureException:
    'The signature is missing a part SigV4 requires (Credential, SignedHeaders, Signature or the date), names a header the request does not carry, or has a malformed date.',
  UnrecognizedClientException:
    'AWS does not know this access key ID, or temporary (ASIA…) keys came without their session token or with the wrong one.',
  ExpiredTokenException:
    'The session token of these temporary credentials has expired: get new credentials.',
  AccessDeniedException:
    'The signature is valid and AWS knows the caller, but no IAM policy allows this action on this resource, or one explicitly denies it.',
  // A bare {"message":"Forbidden"}: a resource policy's refusal names the caller instead
  // ("User: … is not authorized …", AccessDeniedException).
  ForbiddenException:
    'API Gateway refused the request before any IAM check, and says no more: the method requires an API key that is missing, wrong or not in a usage plan for this stage, an AWS WAF rule blocked it, a private API was called from outside its VPC endpoint (or a public API through a VPC endpoint with private DNS on), the default execute-api endpoint is disabled, or a custom domain maps no API to this path — check the API id and stage in the URL first, then the method’s API-key setting, the WAF logs and the endpoint type.',
  ThrottlingException:
    'Too many requests: a rate limit of the account, stage or usage plan was exceeded, so wait and retry with backoff.',
  RequestTooLongException: `The request is larger than the API accepts (API Gateway takes at most ${API_GATEWAY_MAX_PAYLOAD_BYTES / MiB} MiB).`,
  BadRequestException:
    'The API could not read the request: the HTTP itself is malformed, or a parameter or body fails its request validation.',
};

/**
 * The bare name of an x-amzn-ErrorType value. Services may qualify it:
 * `AccessDeniedException:http://internal.amazon.com/coral/...` (a suffix after ':') or
 * `com.amazon.coral.service#AccessDeniedException` (a namespace before '#').
 */
export function errorTypeName(type: string): string {
  return type.split(':')[0]!.split('#').at(-1)!.trim();
}

/** The explanation of an x-amzn-ErrorType value, or undefined for one we do not know. */
export function explainErrorType(type: string | null): string | undefined {
  if (type === null) return undefined;
  const name = errorTypeName(type);
  return Object.hasOwn(EXPLANATIONS, name) ? EXPLANATIONS[name] : undefined;
}
