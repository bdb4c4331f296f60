// Why AWS computed another signature: compares the canonical request and string to sign we signed
// with the ones a signature-mismatch answer says AWS computed, line by line, and names the likely
// causes with a one-click fix where the playground has one.
import { canonicalRequestCauses } from './canonicalRequestCauses';
import { diffLines, type LineDiff } from './diffText';
import type { MismatchCause } from './mismatchCause';
import { splitCanonicalRequest, splitStringToSign } from './splitSigningTexts';
import { stringToSignCauses } from './stringToSignCauses';

// The page, the store and the error doctor know these types as diagnoseMismatch's.
export type { FixAction } from './fixAction';
export type { MismatchCause } from './mismatchCause';

export interface MismatchDiagnosis {
  causes: MismatchCause[];
  canonicalRequest?: LineDiff[];
  stringToSign?: LineDiff[];
}

const cannotTell: MismatchCause = {
  id: 'cannot-tell',
  sentence:
    'AWS computed another signature but did not say from what, so this answer cannot tell which part differs.',
  detail:
    'Either the secret key is not the one AWS has for this access key ID, or any part of the canonical request AWS rebuilt (method, path, query, a signed header, the body) differs from what we signed. Lambda function URLs and some configurations never show the canonical string. To narrow it down, compare with a known-good signer: sign the same request with curl’s own signer (curl --aws-sigv4) or botocore (the AWS CLI, boto3). If that one works, the request changes on the way or is signed under other rules; if it fails too, check the secret key. Sending the exported curl command from a terminal tells whether the browser changes the request.',
  fix: { label: 'Check the secret key', action: { kind: 'focus-field', field: 'secretAccessKey' } },
};

/** Likely causes of a signature mismatch, from what we signed and what AWS says it computed. */
export function diagnoseMismatch(
  ours: { canonicalRequest: string; stringToSign: string; s3PathRules: boolean },
  theirs: { canonicalRequest?: string; stringToSign?: string },
): MismatchDiagnosis {
  const theirCanonical = theirs.canonicalRequest?.replace(/\r\n/g, '\n');
  const theirStringToSign = theirs.stringToSign?.replace(/\r\n/g, '\n');
  const hasCanonical = theirCanonical !== undefined && theirCanonical !== '';
  const hasStringToSign = theirStringToSign !== undefined && theirStringToSign !== '';
  if (!hasCanonical && !hasStringToSign) return { causes: [cannotTell] };

  const diagnosis: MismatchDiagnosis = { causes: [] };
  const causes = diagnosis.causes;
  let canonicalDiffers = false;
  if (hasCanonical) {
    diagnosis.canonicalRequest = diffLines(ours.canonicalRequest, theirCanonical);
    canonicalDiffers = ours.canonicalRequest !== theirCanonical;
    causes.push(
      ...canonicalRequestCauses(
        splitCanonicalRequest(ours.canonicalRequest),
        splitCanonicalRequest(theirCanonical),
        ours.s3PathRules,
      ),
    );
    if (canonicalDiffers && causes.length === 0) {
      causes.push({
        id: 'unknown',
        sentence:
          'The canonical requests differ in a way not recognized here: compare them line by line below.',
      });
    }
  }
  if (hasStringToSign) {
    diagnosis.stringToSign = diffLines(ours.stringToSign, theirStringToSign);
    const mine = splitStringToSign(ours.stringToSign);
    const theirsParts = splitStringToSign(theirStringToSign);
    causes.push(...stringToSignCauses(mine, theirsParts));
    const scopeOnly = causes.some((cause) => cause.id.startsWith('scope-'));
    if (
      !canonicalDiffers &&
      !scopeOnly &&
      mine.hash !== theirsParts.hash &&
      ours.stringToSign !== theirStringToSign
    ) {
      causes.push({
        id: 'unknown',
        sentence: hasCanonical
          ? 'The canonical requests are equal but their hashes differ: one side hashed other bytes (a character encoding difference).'
          : 'AWS hashed another canonical request than we did, but this answer does not show it.',
      });
    }
  }
  if (causes.length === 0) {
    // Everything AWS signed is what we signed: only the key can differ.
    causes.push(
      {
        id: 'secret-key',
        sentence:
          'AWS built exactly the canonical request and string to sign we did, so the signing key differs: the secret access key is not the one AWS has for this access key ID.',
        detail:
          'Check for a secret from another key pair, a stray space or a missing character at its ends.',
        fix: {
          label: 'Check the secret key',
          action: { kind: 'focus-field', field: 'secretAccessKey' },
        },
      },
      {
        id: 'access-key',
        sentence:
          'Or the access key ID is not the one that belongs to this secret: AWS looked up the secret by the key ID.',
        fix: {
          label: 'Check the access key ID',
          action: { kind: 'focus-field', field: 'accessKeyId' },
        },
      },
    );
  }
  return diagnosis;
}
