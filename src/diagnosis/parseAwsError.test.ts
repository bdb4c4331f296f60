import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import * as gateway from '../../server/gateway/gatewayErrors';
import { parseAwsError, parseJsonLoose, parsePastedError } from './parseAwsError';

const CANONICAL =
  "GET\n/prod/hello\na=1\nhost:abc.execute-api.ca-central-1.amazonaws.com\nx-amz-date:20260101T000000Z\nx-q:it's\n\nhost;x-amz-date;x-q\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const STRING_TO_SIGN =
  'AWS4-HMAC-SHA256\n20260101T000000Z\n20260101/ca-central-1/execute-api/aws4_request\n0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const SHORT =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

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

describe('parseJsonLoose', () => {
  it('accepts raw control characters inside strings only', () => {
    expect(parseJsonLoose('{"a":"x\ny\tz"}')).toEqual({ a: 'x\ny\tz' });
    expect(parseJsonLoose('{\n"a" : 1\n}')).toEqual({ a: 1 });
    expect(parseJsonLoose('{')).toBeUndefined();
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
