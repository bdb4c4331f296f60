import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import * as gateway from '../../server/gateway/gatewayErrors';
import {
  CANONICAL,
  SHORT_MISMATCH as SHORT,
  STRING_TO_SIGN,
} from '../../test-support/awsErrorSamples';
import { parseAwsError } from './parseAwsError';

/** The response as the gateway sends it: JSON body and error type. */
const answer = (error: gateway.GatewayError | ReturnType<typeof gateway.accessDenied>) => ({
  body: JSON.stringify(error.body),
  errorType: error.type,
});

describe('parseAwsError', () => {
  it('reads case 1, missing authentication token', () => {
    expect(parseAwsError(answer(gateway.missingAuthenticationToken()))).toEqual({
      kind: 'missing-authentication-token',
      type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  it('reads case 2, the mismatch with the canonical request and string to sign verbatim', () => {
    const parsed = parseAwsError(answer(gateway.signatureMismatch(CANONICAL, STRING_TO_SIGN)));
    expect(parsed.kind).toBe('signature-mismatch');
    expect(parsed.canonicalRequest).toBe(CANONICAL);
    expect(parsed.stringToSign).toBe(STRING_TO_SIGN);
  });

  it('reads case 2b, the short form, without a canonical request', () => {
    const parsed = parseAwsError({
      body: JSON.stringify({ message: SHORT }),
      errorType: 'InvalidSignatureException',
    });
    expect(parsed.kind).toBe('signature-mismatch-short');
    expect(parsed.canonicalRequest).toBeUndefined();
    expect(parseAwsError({ body: JSON.stringify({ Message: SHORT }) }).kind).toBe(
      'signature-mismatch-short',
    );
  });

  it('reads cases 3 and 3b with the request and server times', () => {
    const expired = parseAwsError(
      answer(
        gateway.signatureExpired(
          '20260101T000000Z',
          '20260101T010000Z',
          '20260101T010500Z',
          '5 min',
        ),
      ),
    );
    expect(expired).toMatchObject({
      kind: 'signature-expired',
      requestTime: '20260101T000000Z',
      serverTime: '20260101T010500Z',
      window: '5 min',
    });
    const presigned = parseAwsError(
      answer(
        gateway.signatureExpired(
          '20260101T000000Z',
          '20260101T000000Z',
          '20260101T010000Z',
          '3600 sec',
        ),
      ),
    );
    expect(presigned).toMatchObject({ kind: 'signature-expired', window: '3600 sec' });
    const early = parseAwsError(
      answer(
        gateway.signatureNotYetCurrent('20260101T020000Z', '20260101T010500Z', '20260101T010000Z'),
      ),
    );
    expect(early).toMatchObject({
      kind: 'signature-not-yet-current',
      requestTime: '20260101T020000Z',
      serverTime: '20260101T010000Z',
    });
  });

  it('reads cases 4 and 5, unknown and expired tokens', () => {
    expect(parseAwsError(answer(gateway.unrecognizedClient())).kind).toBe('unrecognized-client');
    expect(parseAwsError(answer(gateway.expiredToken())).kind).toBe('expired-token');
  });

  it('reads cases 6 and 6b, access denied with caller, resource and deny', () => {
    const caller = 'arn:aws:iam::850047500507:user/alice';
    const resource = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/prod/POST/hello';
    expect(parseAwsError(answer(gateway.accessDenied(caller, resource, false)))).toMatchObject({
      kind: 'access-denied',
      type: 'AccessDeniedException',
      callerArn: caller,
      resourceArn: resource,
      action: 'execute-api:Invoke',
      explicitDeny: false,
    });
    expect(parseAwsError(answer(gateway.accessDenied(caller, resource, true)))).toMatchObject({
      resourceArn: resource,
      explicitDeny: true,
    });
  });

  it('reads case 7 with either or both sentences', () => {
    expect(parseAwsError(answer(gateway.wrongScope('us-east-1', 'execute-api')))).toMatchObject({
      kind: 'wrong-scope',
      region: 'us-east-1',
      expectedService: 'execute-api',
    });
    const region = parseAwsError(answer(gateway.wrongScope('us-east-1', null)));
    expect(region).toMatchObject({ kind: 'wrong-scope', region: 'us-east-1' });
    expect(region.expectedService).toBeUndefined();
    const service = parseAwsError(answer(gateway.wrongScope(null, 'execute-api')));
    expect(service).toMatchObject({ kind: 'wrong-scope', expectedService: 'execute-api' });
    expect(service.region).toBeUndefined();
  });

  it('reads case 8 with the missing parts, and 8b', () => {
    const parsed = parseAwsError(
      answer(
        gateway.incompleteAuthorization(
          { credential: true, signature: true, signedHeaders: true, date: true },
          'Bearer abc',
        ),
      ),
    );
    expect(parsed).toMatchObject({
      kind: 'incomplete-signature',
      missingParts: ['Credential', 'Signature', 'SignedHeaders', 'X-Amz-Date'],
      authorization: 'Bearer abc',
    });
    const some = parseAwsError(
      answer(
        gateway.incompleteAuthorization(
          { credential: false, signature: true, signedHeaders: false, date: false },
          'AWS4-HMAC-SHA256 Credential=a/b/c/d/e',
        ),
      ),
    );
    expect(some.missingParts).toEqual(['Signature']);
    expect(parseAwsError(answer(gateway.invalidAuthorizationPair('q83v'))).kind).toBe(
      'incomplete-signature',
    );
  });

  it('reads cases 9, 9b and 10', () => {
    expect(parseAwsError(answer(gateway.signedHeaderMissing('x-custom')))).toMatchObject({
      kind: 'signed-header-missing',
      missingHeader: 'x-custom',
    });
    expect(parseAwsError(answer(gateway.hostNotSigned())).kind).toBe('host-not-signed');
    expect(parseAwsError(answer(gateway.malformedDate('2026-01-01')))).toMatchObject({
      kind: 'malformed-date',
      invalidValue: '2026-01-01',
    });
  });

  it("reads the gateway's extra answers", () => {
    expect(parseAwsError(answer(gateway.incompleteQueryAuthorization())).kind).toBe(
      'incomplete-signature',
    );
    expect(parseAwsError(answer(gateway.malformedCredential('a/b')))).toMatchObject({
      kind: 'incomplete-signature',
      missingParts: ['Credential'],
    });
    expect(parseAwsError(answer(gateway.wrongTerminator('aws4')))).toMatchObject({
      kind: 'wrong-scope',
      terminator: 'aws4',
    });
    expect(
      parseAwsError(answer(gateway.scopeDateMismatch('20260101', '20260102', '20260102T000000Z'))),
    ).toMatchObject({ kind: 'wrong-scope', scopeDate: '20260101', requestDate: '20260102' });
    expect(parseAwsError(answer(gateway.expiresTooLong())).kind).toBe('incomplete-signature');
    expect(parseAwsError(answer(gateway.malformedExpires('x'))).kind).toBe('incomplete-signature');
  });

  it('strips qualifiers from the error type and falls back on it', () => {
    expect(
      parseAwsError({
        body: '{"message":"something else"}',
        errorType: 'AccessDeniedException:http://internal.amazon.com/coral/',
      }),
    ).toMatchObject({ kind: 'access-denied', type: 'AccessDeniedException' });
    expect(parseAwsError({ body: 'oops', errorType: null })).toEqual({
      kind: 'unknown',
      message: 'oops',
    });
  });

  it('reads S3 XML, with the canonical request in its own element', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><StringToSign>${STRING_TO_SIGN}</StringToSign><CanonicalRequest>GET\n/a\n\nhost:b &amp; c\n\nhost\nUNSIGNED-PAYLOAD</CanonicalRequest></Error>`;
    expect(parseAwsError({ body: xml })).toMatchObject({
      kind: 'signature-mismatch',
      type: 'SignatureDoesNotMatch',
      canonicalRequest: 'GET\n/a\n\nhost:b & c\n\nhost\nUNSIGNED-PAYLOAD',
      stringToSign: STRING_TO_SIGN,
    });
  });

  it('never throws, whatever the body', () => {
    fc.assert(
      fc.property(anyText(400), fc.option(anyText(40)), (body, errorType) => {
        const parsed = parseAwsError({ body, errorType });
        expect(typeof parsed.message).toBe('string');
      }),
    );
  });

  it('gets back any canonical request and string to sign from the mismatch text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((text) => !text.includes("'\n\nThe String-to-Sign")),
        fc.string({ unit: 'binary' }).filter((text) => !text.includes('\r')),
        (canonicalRequest, stringToSign) => {
          fc.pre(!canonicalRequest.includes('\r'));
          const parsed = parseAwsError(
            answer(gateway.signatureMismatch(canonicalRequest, stringToSign)),
          );
          expect(parsed.kind).toBe('signature-mismatch');
          expect(parsed.canonicalRequest).toBe(canonicalRequest);
          expect(parsed.stringToSign).toBe(stringToSign);
        },
      ),
    );
  });
});
