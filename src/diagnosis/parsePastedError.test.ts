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
