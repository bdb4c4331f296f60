import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import {
  CANONICAL,
  SHORT_MISMATCH as SHORT,
  STRING_TO_SIGN,
} from '../../test-support/awsErrorSamples';
import * as gateway from '../../server/gateway/gatewayErrors';
import { parsePastedError } from './parsePastedError';

describe('parsePastedError', () => {
  const mismatch = gateway.signatureMismatch(CANONICAL, STRING_TO_SIGN);
  const json = JSON.stringify(mismatch.body);
  const message = (mismatch.body as { message: string }).message;

  const expectMismatch = (text: string) => {
    const parsed = parsePastedError(text);
    expect(parsed.kind).toBe('signature-mismatch');
    expect(parsed.canonicalRequest).toBe(CANONICAL);
    expect(parsed.stringToSign).toBe(STRING_TO_SIGN);
    return parsed;
  };

  it('reads the JSON body', () => {
    expectMismatch(json);
    expectMismatch(`  ${json}\n`);
  });

  it('reads the bare message with real line breaks', () => {
    expectMismatch(message);
  });

  it('reads a message whose line breaks show as \\n', () => {
    expectMismatch(message.replace(/\n/g, '\\n'));
    expectMismatch(`"${message.replace(/\n/g, '\\n').replace(/'/g, "\\'")}"`);
  });

  it('reads JSON with real line breaks inside the string', () => {
    expectMismatch(`{"message":"${message}"}`);
    expectMismatch(`{\n  "message": "${message}"\n}`);
  });

  it('reads a message in surrounding quotes', () => {
    expectMismatch(`'${message}'`);
    expectMismatch(JSON.stringify(message));
  });

  it('reads a whole HTTP response and takes the error type from its headers', () => {
    const response = `HTTP/1.1 403 Forbidden\r\nDate: Thu, 01 Jan 2026 00:00:00 GMT\r\nContent-Type: application/json\r\nx-amzn-ErrorType: InvalidSignatureException\r\n\r\n${json}`;
    expect(expectMismatch(response).type).toBe('InvalidSignatureException');
  });

  it('reads curl -i output with a 100 Continue first', () => {
    const output = `HTTP/1.1 100 Continue\r\n\r\nHTTP/2 403 \r\nx-amzn-errortype: AccessDeniedException\r\n\r\n{"Message":"User: arn:aws:iam::1:user/a is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:1:x/prod/GET/"}`;
    expect(parsePastedError(output)).toMatchObject({
      kind: 'access-denied',
      type: 'AccessDeniedException',
      resourceArn: 'arn:aws:execute-api:us-east-1:1:x/prod/GET/',
    });
  });

  it('reads curl -v output', () => {
    const output = `*   Trying 1.2.3.4:443...\n> GET /prod/ HTTP/2\n> Host: x\n>\n< HTTP/2 403\n< x-amzn-errortype: MissingAuthenticationTokenException\n<\n{"message":"Missing Authentication Token"}`;
    expect(parsePastedError(output)).toMatchObject({
      kind: 'missing-authentication-token',
      type: 'MissingAuthenticationTokenException',
    });
  });

  it('reads the short form and other bare messages', () => {
    expect(parsePastedError(SHORT).kind).toBe('signature-mismatch-short');
    expect(parsePastedError('Missing Authentication Token').kind).toBe(
      'missing-authentication-token',
    );
    expect(
      parsePastedError(
        "'x-foo' is named as a SignedHeader, but it does not exist in the HTTP request.",
      ),
    ).toMatchObject({ missingHeader: 'x-foo' });
  });

  it('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(anyText(400), (text) => {
        expect(typeof parsePastedError(text).message).toBe('string');
      }),
    );
    const pieces = fc.constantFrom(
      'HTTP/1.1 403 X\n',
      '\n\n',
      '{',
      '}',
      '"',
      "'",
      '\\n',
      'message',
      ':',
      '<Message>',
      '\r\n',
      json,
      message,
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        expect(typeof parsePastedError(parts.join('')).message).toBe('string');
      }),
    );
  });
});

describe('parsePastedError, quoted JSON', () => {
  it('reads a JSON body in shell quotes, escapes and all', () => {
    const body = JSON.stringify({ message: `x-q:"a"\n${SHORT}` });
    expect(parsePastedError(`'${body}'`)).toMatchObject({
      kind: 'signature-mismatch-short',
      message: `x-q:"a"\n${SHORT}`,
    });
  });
});

// S3's answer to a request signed with the wrong secret (GET of a key with a space, a query of
// two parameters): its StringToSign and CanonicalRequest in elements of their own, & escaped.
const S3_CANONICAL = [
  'GET',
  '/bucket/my%20key',
  'list-type=2&prefix=a',
  'host:s3.us-east-1.amazonaws.com',
  'x-amz-content-sha256:UNSIGNED-PAYLOAD',
  'x-amz-date:20261130T010000Z',
  '',
  'host;x-amz-content-sha256;x-amz-date',
  'UNSIGNED-PAYLOAD',
].join('\n');
const S3_STRING_TO_SIGN = [
  'AWS4-HMAC-SHA256',
  '20261130T010000Z',
  '20261130/us-east-1/s3/aws4_request',
  '9c4d3b5a0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4',
].join('\n');
const S3_MISMATCH = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>${S3_STRING_TO_SIGN}</StringToSign><SignatureProvided>0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef</SignatureProvided><StringToSignBytes>41 57 53 34</StringToSignBytes><CanonicalRequest>${S3_CANONICAL.replace(/&/g, '&amp;')}</CanonicalRequest><CanonicalRequestBytes>47 45 54 0a</CanonicalRequestBytes><RequestId>4442587FB7D0A2F9</RequestId><HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId></Error>`;

const stsError = (
  code: string,
  message: string,
) => `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>Sender</Type>
    <Code>${code}</Code>
    <Message>${message}</Message>
  </Error>
  <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
</ErrorResponse>`;

describe('parsePastedError, S3 and STS XML', () => {
  it("reads S3's SignatureDoesNotMatch with what S3 computed", () => {
    expect(parsePastedError(S3_MISMATCH)).toMatchObject({
      kind: 'signature-mismatch',
      type: 'SignatureDoesNotMatch',
      canonicalRequest: S3_CANONICAL,
      stringToSign: S3_STRING_TO_SIGN,
    });
    const response = `HTTP/1.1 403 Forbidden\r\nx-amz-request-id: 4442587FB7D0A2F9\r\nContent-Type: application/xml\r\n\r\n${S3_MISMATCH}`;
    expect(parsePastedError(response).canonicalRequest).toBe(S3_CANONICAL);
  });

  it("reads S3's RequestTimeTooSkewed as a clock error with both times", () => {
    const skewed = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>20261130T010000Z</RequestTime><ServerTime>2026-11-30T01:20:00Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds><RequestId>1</RequestId></Error>`;
    expect(parsePastedError(skewed)).toMatchObject({
      kind: 'signature-expired',
      requestTime: '20261130T010000Z',
      serverTime: '20261130T012000Z',
      window: '15 min',
    });
  });

  it("reads S3's wrong region and unknown key", () => {
    expect(
      parsePastedError(
        `<Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'</Message><Region>eu-west-1</Region></Error>`,
      ),
    ).toMatchObject({ kind: 'wrong-scope', region: 'us-east-1' });
    expect(
      parsePastedError(
        '<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message></Error>',
      ).kind,
    ).toBe('unrecognized-client');
  });

  it("reads STS's ErrorResponse and carries explainStsError's sentence", () => {
    expect(
      parsePastedError(
        stsError('InvalidClientTokenId', 'The security token included in the request is invalid.'),
      ),
    ).toMatchObject({
      kind: 'unrecognized-client',
      type: 'InvalidClientTokenId',
      explanation: expect.stringMatching(/^AWS does not know this access key ID/),
    });
    const region = parsePastedError(
      stsError(
        'RegionDisabledException',
        'STS is not activated in this region for account:111122223333.',
      ),
    );
    expect(region).toMatchObject({
      kind: 'unknown',
      type: 'RegionDisabledException',
      explanation: expect.stringMatching(/activate it in IAM/),
    });
    const mfa = parsePastedError(
      stsError(
        'AccessDenied',
        'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/admin',
      ),
    );
    expect(mfa).toMatchObject({
      kind: 'access-denied',
      action: 'sts:AssumeRole',
      explanation: expect.stringMatching(/trust policy/),
    });
  });
});

describe('parsePastedError, API Gateway bare messages and AccessDenied sources', () => {
  it('reads {"message":"Forbidden"} as API Gateway\'s ForbiddenException', () => {
    for (const text of ['{"message":"Forbidden"}', 'Forbidden', '\'{"message": "Forbidden"}\''])
      expect(parsePastedError(text)).toMatchObject({ kind: 'unknown', type: 'ForbiddenException' });
  });

  it('reads {"message":"Missing Authentication Token"}', () => {
    expect(parsePastedError('{"message":"Missing Authentication Token"}').kind).toBe(
      'missing-authentication-token',
    );
  });

  it('says which policy denied', () => {
    expect(
      parsePastedError(
        '{"Message":"User: arn:aws:sts::111122223333:assumed-role/dev/me is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/hello with an explicit deny in a service control policy"}',
      ),
    ).toMatchObject({
      kind: 'access-denied',
      explicitDeny: true,
      deniedBy: 'service control policy',
      resourceArn: 'arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/hello',
      explanation: expect.stringMatching(/service control policy \(SCP\)/),
    });
    expect(
      parsePastedError(
        '<Error><Code>AccessDenied</Code><Message>User: arn:aws:iam::111122223333:user/dev is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::bucket/key" because no permissions boundary allows the s3:GetObject action</Message></Error>',
      ),
    ).toMatchObject({
      kind: 'access-denied',
      explicitDeny: false,
      deniedBy: 'permissions boundary',
      resourceArn: 'arn:aws:s3:::bucket/key',
    });
    expect(
      parsePastedError(
        'HTTP/1.1 403 Forbidden\r\nx-amzn-ErrorType: AccessDeniedException\r\n\r\n{"Message":"User is not authorized to access this resource with an explicit deny"}',
      ),
    ).toMatchObject({
      kind: 'access-denied',
      explicitDeny: true,
      explanation: expect.stringMatching(/Lambda authorizer/),
    });
  });
});
