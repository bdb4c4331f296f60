import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeXmlText,
  MAX_STS_RESPONSE_LENGTH,
  parseAssumeRoleResponse,
  parseGetCallerIdentityResponse,
  parseStsError,
} from '.';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
const TOKEN =
  'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';

// The shapes of AWS's documented examples (STS API reference), with example keys.
const ASSUME_ROLE_XML = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
  <SourceIdentity>DevUser123</SourceIdentity>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/demo/John</Arn>
      <AssumedRoleId>ARO123EXAMPLE123:John</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
      <SecretAccessKey>${SECRET}</SecretAccessKey>
      <SessionToken>${TOKEN}</SessionToken>
      <Expiration>2019-11-09T13:34:41Z</Expiration>
    </Credentials>
    <PackedPolicySize>6</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>`;

const CALLER_XML = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:sts::123456789012:assumed-role/my-role-name/my-role-session-name</Arn>
    <UserId>ARO123EXAMPLE123:my-role-session-name</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>`;

function errorXml(code: string, message: string, type = 'Sender'): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>${type}</Type>
    <Code>${code}</Code>
    <Message>${message}</Message>
  </Error>
  <RequestId>4a9b1d2c-0000-4000-8000-000000000000</RequestId>
</ErrorResponse>`;
}

describe('parseAssumeRoleResponse', () => {
  it('reads the credentials and the assumed role', () => {
    expect(parseAssumeRoleResponse(ASSUME_ROLE_XML)).toEqual({
      ok: true,
      value: {
        accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        secretAccessKey: SECRET,
        sessionToken: TOKEN,
        expiration: '2019-11-09T13:34:41Z',
        assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/demo/John',
        assumedRoleId: 'ARO123EXAMPLE123:John',
      },
    });
  });

  it('decodes entities and CDATA', () => {
    const xml = ASSUME_ROLE_XML.replace(
      'assumed-role/demo/John',
      'assumed-role/demo/J&amp;o&#x68;n',
    ).replace(`<SessionToken>${TOKEN}`, `<SessionToken><![CDATA[a&b]]>`);
    const result = parseAssumeRoleResponse(xml);
    expect(result.ok && result.value.assumedRoleArn).toBe(
      'arn:aws:sts::123456789012:assumed-role/demo/J&ohn',
    );
    expect(result.ok && result.value.sessionToken).toBe('a&b');
  });

  it('says which elements a cut-short answer lacks', () => {
    const cut =
      ASSUME_ROLE_XML.slice(0, ASSUME_ROLE_XML.indexOf('<SessionToken>')) + '</AssumeRoleResponse>';
    const result = parseAssumeRoleResponse(cut);
    expect(!result.ok && result.error.sentence).toContain('lacks SessionToken, Expiration');
  });

  it('reads an error answer instead', () => {
    const result = parseAssumeRoleResponse(
      errorXml('ExpiredToken', 'The security token included in the request is expired'),
      400,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({
      code: 'ExpiredToken',
      type: 'Sender',
      requestId: '4a9b1d2c-0000-4000-8000-000000000000',
    });
    expect(!result.ok && result.error.sentence).toContain('session token has expired');
  });

  it('says an HTML page or an empty body is not STS', () => {
    const result = parseAssumeRoleResponse('<html><body>Bad gateway</body></html>', 502);
    expect(!result.ok && result.error.sentence).toBe(
      'The answer (HTTP 502) is neither an AssumeRole answer nor an STS error: is the URL an STS endpoint?',
    );
    expect(parseAssumeRoleResponse('').ok).toBe(false);
  });

  it('refuses an answer over 1 MiB without reading it', () => {
    const result = parseAssumeRoleResponse(ASSUME_ROLE_XML + ' '.repeat(MAX_STS_RESPONSE_LENGTH));
    expect(!result.ok && result.error.sentence).toContain('larger than 1 MiB');
  });
});

describe('parseGetCallerIdentityResponse', () => {
  it('reads the account, ARN and user ID', () => {
    expect(parseGetCallerIdentityResponse(CALLER_XML)).toEqual({
      ok: true,
      value: {
        account: '123456789012',
        arn: 'arn:aws:sts::123456789012:assumed-role/my-role-name/my-role-session-name',
        userId: 'ARO123EXAMPLE123:my-role-session-name',
      },
    });
  });

  it('reads an error answer instead', () => {
    const result = parseGetCallerIdentityResponse(
      errorXml('InvalidClientTokenId', 'The security token included in the request is invalid.'),
      403,
    );
    expect(!result.ok && result.error.sentence).toContain('does not know this access key ID');
  });
});

describe('STS errors as sentences', () => {
  it.each([
    [
      'AccessDenied',
      'User: arn:aws:iam::123456789012:user/demo is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/reader',
      'may not assume that role',
    ],
    [
      'AccessDenied',
      'User: arn:aws:iam::123456789012:user/demo is not authorized to perform: iam:ListUsers',
      'do not allow it',
    ],
    [
      'AccessDenied',
      'MultiFactorAuthentication failed with invalid MFA one time pass code.',
      'refused the MFA code',
    ],
    [
      'AccessDenied',
      'MultiFactorAuthentication failed, unable to validate MFA code.',
      'refused the MFA code',
    ],
    [
      'AccessDenied',
      'Cannot call AssumeRole without MultiFactorAuthentication present',
      'needs MFA',
    ],
    ['ExpiredToken', 'The security token included in the request is expired', 'has expired'],
    [
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
      'does not know this access key',
    ],
    [
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
      'secret access key is wrong',
    ],
    [
      'RegionDisabledException',
      'STS is not activated in this region for account:123456789012.',
      'not activated in this region',
    ],
    [
      'ValidationError',
      "1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint",
      'rejected a parameter',
    ],
    [
      'MalformedPolicyDocument',
      'The policy is not in the valid JSON format.',
      'not valid policy JSON',
    ],
    [
      'PackedPolicyTooLarge',
      'Packed policy consumes 112% of allotted space',
      'too large once packed',
    ],
    ['Weird', 'Something', 'the error Weird'],
  ])('%s: %s', (code, message, expected) => {
    const error = parseStsError(errorXml(code, message));
    expect(error?.code).toBe(code);
    expect(error?.message).toBe(message);
    expect(error?.sentence).toContain(expected);
    expect(error?.sentence).toContain(message.slice(0, 30));
  });

  it('reads entities in the message', () => {
    expect(parseStsError(errorXml('ValidationError', 'a &lt;b&gt; &quot;c&quot;'))?.message).toBe(
      'a <b> "c"',
    );
  });

  it('keeps anything key-like out of the sentence', () => {
    const error = parseStsError(errorXml('AccessDenied', `no: ${SECRET} and ${TOKEN}`));
    expect(error?.sentence).not.toContain(SECRET);
    expect(error?.sentence).not.toContain(TOKEN.slice(0, 40));
  });
});

describe('decodeXmlText', () => {
  it('decodes the five entities and numeric references, leaves the rest', () => {
    expect(decodeXmlText('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&nope;&#xD800;&#99999999;')).toBe(
      '<>&"\'AB&nope;&#xD800;&#99999999;',
    );
  });
});

/** Samples cut short, with characters dropped, doubled or replaced. */
const mutated = fc
  .tuple(
    fc.constantFrom(ASSUME_ROLE_XML, CALLER_XML, errorXml('AccessDenied', 'no')),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('drop', 'double', 'replace', 'cut'),
        fc.string({ maxLength: 3 }),
      ),
      { maxLength: 8 },
    ),
  )
  .map(([sample, edits]) =>
    edits.reduce((text, [at, kind, insert]) => {
      const index = text.length === 0 ? 0 : at % text.length;
      if (kind === 'cut') return text.slice(0, index);
      if (kind === 'drop') return text.slice(0, index) + text.slice(index + 1);
      if (kind === 'double')
        return (
          text.slice(0, index) + text.slice(index, index + 5).repeat(2) + text.slice(index + 5)
        );
      return text.slice(0, index) + insert + text.slice(index + 1);
    }, sample),
  );

describe('parsers, whatever the input', () => {
  const parsers = [parseAssumeRoleResponse, parseGetCallerIdentityResponse];

  it('never throw and never put a secret in a sentence', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutated,
          fc.string({ maxLength: 400 }),
          fc.string({
            unit: fc.constantFrom('<', '>', '/', '&', ';', 'Arn', 'Code', ' ', '![CDATA[', ']]'),
            maxLength: 200,
          }),
        ),
        (xml) => {
          for (const parse of parsers) {
            const result = parse(xml, 400);
            if (!result.ok) {
              expect(result.error.sentence).not.toContain(SECRET);
              expect(result.error.sentence).not.toContain(TOKEN.slice(0, 40));
            }
          }
          parseStsError(xml);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('stay linear on many near-miss tags (1 MiB of "<Arnx")', () => {
    const xml = `<GetCallerIdentityResponse>${'<Arnx'.repeat(200_000)}>`;
    expect(parseGetCallerIdentityResponse(xml).ok).toBe(false);
    expect(parseStsError(`<ErrorResponse>${'<Codex'.repeat(170_000)}></ErrorResponse>`)?.code).toBe(
      '',
    );
  });
});
