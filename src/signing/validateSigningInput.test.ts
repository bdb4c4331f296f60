import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SigningInput } from './types';
import { encodeForWire, validateSigningInput, type ValidationIssue } from './validateSigningInput';

const CLEAN: SigningInput = {
  method: 'GET',
  url: 'https://example.amazonaws.com/path?a=1',
  headers: [['Content-Type', 'application/json']],
  credentials: {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  },
  region: 'us-east-1',
  service: 'execute-api',
  signingDate: new Date('2015-08-30T12:36:00Z'),
};

const validate = (overrides: Partial<SigningInput>) =>
  validateSigningInput({ ...CLEAN, ...overrides });
const credentials = (overrides: Partial<SigningInput['credentials']>) =>
  validate({ credentials: { ...CLEAN.credentials, ...overrides } });
const about = (issues: ValidationIssue[], field: string) =>
  issues.filter((issue) => issue.field === field);

describe('encodeForWire', () => {
  it('percent-encodes spaces, controls, non-ASCII and the delimiters a URL cannot carry', () => {
    expect(encodeForWire('/a b/"<>\\^`{|}\u0001\u007f/é/ሴ')).toBe(
      '/a%20b/%22%3C%3E%5C%5E%60%7B%7C%7D%01%7F/%C3%A9/%E1%88%B4',
    );
  });

  it('leaves existing escapes, reserved characters and unreserved ones alone', () => {
    const wire = "/a%20b/%E1%88%B4?x=1&y=a+b;c,d:e@f!$'()*~";
    expect(encodeForWire(wire)).toBe(wire);
  });

  // NOT_ON_THE_WIRE has no 'u' flag, so a character outside the BMP is matched as two separate
  // UTF-16 surrogates and encodeURIComponent throws URIError ("URI malformed") on each half.
  it('encodes a character outside the BMP as its four UTF-8 bytes', () => {
    expect(encodeForWire('/😀')).toBe('/%F0%9F%98%80');
  });
});

describe('validateSigningInput', () => {
  it('finds nothing wrong with a clean input', () => {
    expect(validateSigningInput(CLEAN)).toEqual([]);
  });

  it('finds nothing wrong with a clean presigned query-mode input with a session token', () => {
    expect(
      validate({
        mode: 'query',
        expiresIn: 604800,
        credentials: {
          accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
          secretAccessKey: CLEAN.credentials.secretAccessKey,
          sessionToken: 'AQoDYXdzEPT//////////wEXAMPLE==',
        },
      }),
    ).toEqual([]);
  });

  describe('credentials', () => {
    it('asks for an access key ID when it is empty', () => {
      expect(credentials({ accessKeyId: '' })).toEqual([
        { field: 'credentials.accessKeyId', severity: 'error', message: 'Enter an access key ID.' },
      ]);
    });

    it('flags a key pasted with whitespace at its start and offers the trimmed key', () => {
      const [issue] = credentials({ accessKeyId: ' \tAKIAIOSFODNN7EXAMPLE' });
      expect(issue).toMatchObject({
        field: 'credentials.accessKeyId',
        severity: 'error',
        fix: 'AKIAIOSFODNN7EXAMPLE',
      });
      expect(issue!.message).toContain('at its start');
    });

    it('flags a line break at the end of the secret and offers the trimmed secret', () => {
      const issues = credentials({ secretAccessKey: `${CLEAN.credentials.secretAccessKey}\n` });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        field: 'credentials.secretAccessKey',
        severity: 'error',
        fix: CLEAN.credentials.secretAccessKey,
        fixLabel: 'remove the whitespace',
      });
      expect(issues[0]!.message).toContain('at its end');
    });

    it('describes, never prints, the fix of a secret, a session token or a secret in the key ID field', () => {
      const secret = CLEAN.credentials.secretAccessKey;
      const cases = [
        credentials({ secretAccessKey: `${secret} ` }),
        credentials({ accessKeyId: 'ASIAEXAMPLE', sessionToken: 'FwoGZXIvYXdzEXAMPLE== ' }),
        credentials({ accessKeyId: `${secret}\n` }),
      ];
      for (const issues of cases) {
        const padded = issues.find((issue) => issue.fix !== undefined);
        expect(padded?.fixLabel).toBe('remove the whitespace');
        for (const issue of issues) expect(issue.message).not.toMatch(/wJalr|FwoGZ/);
      }
      // An access key ID is an identifier, not a secret: its fix stays printed.
      expect(credentials({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE ' })[0]).not.toHaveProperty(
        'fixLabel',
      );
    });

    it('flags whitespace inside a key, without a fix', () => {
      const issues = about(
        credentials({ secretAccessKey: 'wJalrXUtnFEMI K7MDENG' }),
        'credentials.secretAccessKey',
      );
      expect(issues).toEqual([
        {
          field: 'credentials.secretAccessKey',
          severity: 'error',
          message: 'The secret access key contains whitespace, which no AWS key does.',
        },
      ]);
    });

    it('asks for the secret when it is empty', () => {
      expect(credentials({ secretAccessKey: '' })).toEqual([
        {
          field: 'credentials.secretAccessKey',
          severity: 'error',
          message: 'Enter the secret access key.',
        },
      ]);
    });

    it('flags a padded session token and offers it trimmed', () => {
      expect(credentials({ sessionToken: ' token== ' })).toEqual([
        expect.objectContaining({
          field: 'credentials.sessionToken',
          severity: 'error',
          fix: 'token==',
        }),
      ]);
    });

    it('warns about an access key ID that is not upper-case letters and digits', () => {
      for (const accessKeyId of ['akiaiosfodnn7example', 'AKIA-OSFODNN7EXAMPLE']) {
        expect(credentials({ accessKeyId })).toEqual([
          expect.objectContaining({ field: 'credentials.accessKeyId', severity: 'warning' }),
        ]);
      }
    });

    it("accepts AWS's 11-character documentation key AKIDEXAMPLE", () => {
      expect(credentials({ accessKeyId: 'AKIDEXAMPLE' })).toEqual([]);
    });

    it('asks whether the fields were swapped when the key ID looks like a secret', () => {
      const [issue] = credentials({ accessKeyId: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' });
      expect(issue?.message).toContain('were the two fields swapped?');
    });

    it('requires the session token of temporary (ASIA) keys', () => {
      const issues = credentials({ accessKeyId: 'ASIAIOSFODNN7EXAMPLE' });
      expect(issues).toEqual([
        expect.objectContaining({ field: 'credentials.sessionToken', severity: 'error' }),
      ]);
      expect(issues[0]!.message).toContain('The security token included in the request is invalid');
      expect(credentials({ accessKeyId: 'ASIAIOSFODNN7EXAMPLE', sessionToken: '' })).toHaveLength(
        1,
      );
      expect(credentials({ accessKeyId: 'ASIAIOSFODNN7EXAMPLE', sessionToken: 't' })).toEqual([]);
    });

    it('does not require a token for long-term (AKIA) keys', () => {
      expect(credentials({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', sessionToken: undefined })).toEqual(
        [],
      );
    });
  });

  describe('scope', () => {
    it('asks for a region and a service when they are empty', () => {
      expect(validate({ region: '', service: '' })).toEqual([
        expect.objectContaining({ field: 'region', severity: 'error' }),
        expect.objectContaining({ field: 'service', severity: 'error' }),
      ]);
    });

    it('accepts real region names', () => {
      for (const region of [
        'us-east-1',
        'us-gov-west-1',
        'cn-north-1',
        'ap-southeast-2',
        'eu-central-1',
        'us-isob-east-1',
      ]) {
        expect(validate({ region })).toEqual([]);
      }
    });

    it('warns about a region in upper case or padded, offering it lower-cased and trimmed', () => {
      expect(validate({ region: ' US-EAST-1 ' })).toEqual([
        expect.objectContaining({ field: 'region', severity: 'warning', fix: 'us-east-1' }),
      ]);
    });

    it('accepts real signing names', () => {
      for (const service of ['s3', 'execute-api', 'lambda', 'es', 'ec2', 'vpc-lattice-svcs']) {
        expect(validate({ service })).toEqual([]);
      }
    });

    it('warns about a service that is not a lower-case signing name, offering it lower-cased', () => {
      expect(validate({ service: 'S3' })).toEqual([
        expect.objectContaining({ field: 'service', severity: 'warning', fix: 's3' }),
      ]);
    });

    // A fix is "a corrected value the UI can offer with one click" (ValidationIssue.fix), but for
    // 'Europe' the region fix is 'europe' and for 'My Service' the service fix is 'my service':
    // one click gives a value that fails the same check again.
    it('offers a region or service fix only when the fixed value passes the check', () => {
      const issues = validate({ region: 'Europe', service: 'My Service' });
      expect(issues).toHaveLength(2);
      for (const { field, fix } of issues) {
        if (fix !== undefined) expect(about(validate({ [field]: fix }), field)).toEqual([]);
      }
    });
  });

  describe('method', () => {
    it('warns about a lower-case method and offers it upper-cased', () => {
      expect(validate({ method: 'get' })).toEqual([
        expect.objectContaining({ field: 'method', severity: 'warning', fix: 'GET' }),
      ]);
    });

    it('rejects a method that is not an HTTP token', () => {
      for (const method of ['', 'GE T', 'GET\n', 'GÉT']) {
        expect(validate({ method })).toEqual([
          expect.objectContaining({ field: 'method', severity: 'error' }),
        ]);
      }
    });

    it('accepts extension methods that are tokens', () => {
      expect(validate({ method: 'PATCH' })).toEqual([]);
      expect(validate({ method: 'M-SEARCH' })).toEqual([]);
    });
  });

  describe('url', () => {
    it('asks for a URL when it is empty or blank', () => {
      for (const url of ['', '   ']) {
        expect(validate({ url })).toEqual([
          { field: 'url', severity: 'error', message: 'Enter the URL to call.' },
        ]);
      }
    });

    it('offers https:// in front of a URL without a scheme', () => {
      expect(validate({ url: ' example.com/path ' })).toEqual([
        expect.objectContaining({
          field: 'url',
          severity: 'error',
          fix: 'https://example.com/path',
        }),
      ]);
    });

    it('offers http:// for this machine, which serves no TLS by default', () => {
      for (const [url, fix] of [
        ['127.0.0.1:5174/prod/hello', 'http://127.0.0.1:5174/prod/hello'],
        ['localhost:5174/prod', 'http://localhost:5174/prod'],
        ['[::1]:8080/x', 'http://[::1]:8080/x'],
      ]) {
        expect(validate({ url: url! })).toEqual([expect.objectContaining({ field: 'url', fix })]);
      }
    });

    it('offers no URL for text that is not a URL missing its scheme', () => {
      const issues = validate({ url: 'not a url at all' });
      expect(issues).toEqual([expect.objectContaining({ field: 'url', severity: 'error' })]);
      expect(issues[0]!.fix).toBeUndefined();
    });

    it('rejects a scheme other than http(s) without offering a fix', () => {
      const issues = validate({ url: 'ftp://example.com/file' });
      expect(issues).toEqual([expect.objectContaining({ field: 'url', severity: 'error' })]);
      expect(issues[0]!.fix).toBeUndefined();
    });

    // 'https:/example.com' (one slash) is a typo of the scheme separator; the offered fix is
    // 'https://https:/example.com/', which names the host 'https'.
    it("offers a fix that is a usable URL for 'https:/example.com'", () => {
      const [issue] = validate({ url: 'https:/example.com/' });
      expect(issue).toMatchObject({ field: 'url', severity: 'error' });
      if (issue!.fix !== undefined) expect(new URL(issue!.fix).host).toBe('example.com');
    });

    it('rejects a URL without a host', () => {
      expect(validate({ url: 'https:///path' })).toEqual([
        { field: 'url', severity: 'error', message: 'The URL has no host.' },
      ]);
    });

    it('warns that user info is neither sent nor signed', () => {
      expect(validate({ url: 'https://user:pw@example.com/' })).toEqual([
        expect.objectContaining({ field: 'url', severity: 'warning' }),
      ]);
      expect(validate({ url: 'https://example.com/a@b' })).toEqual([]);
    });

    it('says that the fragment is not signed', () => {
      expect(validate({ url: 'https://example.com/#top' })).toEqual([
        expect.objectContaining({ field: 'url', severity: 'info' }),
      ]);
    });

    it('warns about a space in the path and offers the URL with it percent-encoded', () => {
      const issues = validate({ url: 'https://example.com/example space/?q=a b#x y' });
      expect(about(issues, 'url')).toContainEqual(
        expect.objectContaining({
          severity: 'warning',
          fix: 'https://example.com/example%20space/?q=a%20b#x y',
        }),
      );
      expect(issues.find((issue) => issue.severity === 'warning')!.message).toContain('a space');
    });

    it('warns about raw non-ASCII and offers its UTF-8 escapes (get-utf8: ሴ → %E1%88%B4)', () => {
      const issues = validate({ url: 'https://example.com/ሴ?ሴ=bar' });
      expect(issues).toEqual([
        expect.objectContaining({
          field: 'url',
          severity: 'warning',
          fix: 'https://example.com/%E1%88%B4?%E1%88%B4=bar',
        }),
      ]);
      expect(issues[0]!.message).toContain('a non-ASCII character ("ሴ")');
    });

    it('names a control character by its code point', () => {
      const [issue] = validate({ url: 'https://example.com/a\u0007b' });
      expect(issue!.message).toContain('a control character (U+0007)');
      expect(issue!.fix).toBe('https://example.com/a%07b');
    });

    it('accepts a URL that is already percent-encoded', () => {
      expect(validate({ url: 'https://example.com/a%20b/%E1%88%B4?x=%2B&y=a+b' })).toEqual([]);
    });

    // String.prototype.replace reads '$&', "$'" and '$`' in its replacement string as patterns,
    // and the encoded URL is passed as that replacement: a '$&' in the URL (legal: '$' is a
    // sub-delim) pastes the whole unfixed path into the "fixed" URL.
    it("offers a correct fix for a URL that contains '$&'", () => {
      const [issue] = validate({ url: 'https://example.com/a b?price=$&x=1' });
      expect(issue?.fix).toBe('https://example.com/a%20b?price=$&x=1');
    });

    // NOT_ON_THE_WIRE matches UTF-16 code units, and encodeURIComponent throws URIError on a lone
    // surrogate, so an emoji in the path makes the validator throw instead of returning issues.
    it('returns an issue instead of throwing for a character outside the BMP', () => {
      expect(validate({ url: 'https://example.com/😀' })).toEqual([
        expect.objectContaining({ field: 'url', fix: 'https://example.com/%F0%9F%98%80' }),
      ]);
    });

    it('returns an issue instead of throwing for a lone surrogate', () => {
      expect(() => validate({ url: 'https://example.com/\ud800' })).not.toThrow();
    });
  });

  describe('headers', () => {
    it('rejects a header name that is not a token, offering the trimmed name when that is one', () => {
      expect(validate({ headers: [[' X-Foo ', 'v']] })).toEqual([
        expect.objectContaining({ field: 'headers[0].name', severity: 'error', fix: 'X-Foo' }),
      ]);
      const [bad] = validate({ headers: [['Bad Header', 'v']] });
      expect(bad).toMatchObject({ field: 'headers[0].name', severity: 'error' });
      expect(bad!.fix).toBeUndefined();
    });

    it('asks for a name when it is empty', () => {
      expect(validate({ headers: [['', 'v']] })).toEqual([
        expect.objectContaining({
          field: 'headers[0].name',
          severity: 'error',
          message: 'A header needs a name.',
        }),
      ]);
    });

    it('rejects CR, LF and NUL in a value and offers it on one line', () => {
      expect(
        validate({
          headers: [
            ['A', 'ok'],
            ['B', 'value1\r\n  value2\u0000'],
          ],
        }),
      ).toEqual([
        expect.objectContaining({
          field: 'headers[1].value',
          severity: 'error',
          fix: 'value1   value2 ',
        }),
      ]);
    });

    it('rejects other control characters in a value, but not a tab', () => {
      expect(validate({ headers: [['A', 'a\u0001b\u007f']] })).toEqual([
        expect.objectContaining({ field: 'headers[0].value', severity: 'error', fix: 'a b ' }),
      ]);
      expect(validate({ headers: [['A', 'a\tb']] })).toEqual([]);
    });

    it('rejects a value with characters beyond Latin-1, and warns about Latin-1', () => {
      expect(validate({ headers: [['A', 'ሴ']] })).toEqual([
        expect.objectContaining({ field: 'headers[0].value', severity: 'error' }),
      ]);
      expect(validate({ headers: [['A', 'café\u00a0']] })).toEqual([
        expect.objectContaining({ field: 'headers[0].value', severity: 'warning' }),
      ]);
      expect(validate({ headers: [['A', 'plain ASCII']] })).toEqual([]);
    });

    it('notes that user-agent and other never-signed headers are not signed', () => {
      expect(
        validate({
          headers: [
            ['User-Agent', 'x'],
            ['X-Amzn-Trace-Id', 'y'],
          ],
        }),
      ).toEqual([
        expect.objectContaining({ field: 'headers[0].name', severity: 'info' }),
        expect.objectContaining({ field: 'headers[1].name', severity: 'info' }),
      ]);
    });
  });

  describe('signing date and options', () => {
    it('rejects an invalid signing date', () => {
      expect(validate({ signingDate: new Date('nope') })).toEqual([
        {
          field: 'signingDate',
          severity: 'error',
          message: 'The signing time is not a valid date.',
        },
      ]);
    });

    it('rejects a year outside 1000-9999 (X-Amz-Date has four digits for it)', () => {
      for (const iso of ['0999-12-31T23:59:59Z', '+010000-01-01T00:00:00Z']) {
        expect(validate({ signingDate: new Date(iso) })).toEqual([
          expect.objectContaining({ field: 'signingDate', severity: 'error' }),
        ]);
      }
    });

    it('rejects expiresIn outside 1..604800 in query mode and offers the nearest valid value', () => {
      const fixes = [0, -5, 604801, Infinity, 1.5, 0.2, NaN].map(
        (expiresIn) => validate({ mode: 'query', expiresIn })[0]?.fix,
      );
      expect(fixes).toEqual(['1', '1', '604800', '604800', '2', '1', '1']);
    });

    it('accepts expiresIn 1 and 604800 in query mode', () => {
      expect(validate({ mode: 'query', expiresIn: 1 })).toEqual([]);
      expect(validate({ mode: 'query', expiresIn: 604800 })).toEqual([]);
    });

    it('ignores expiresIn in header mode', () => {
      expect(validate({ mode: 'header', expiresIn: 0 })).toEqual([]);
      expect(validate({ expiresIn: 1.5 })).toEqual([]);
    });

    it('warns before Send that UNSIGNED-PAYLOAD on API Gateway will not match, and offers signing it', () => {
      const [issue, ...rest] = about(
        validate({ method: 'POST', body: 'x', payload: 'unsigned' }),
        'payload',
      );
      expect(rest).toEqual([]);
      expect(issue).toMatchObject({ severity: 'warning', fix: 'signed' });
      expect(issue!.message).toMatch(
        /^UNSIGNED-PAYLOAD without an X-Amz-Content-Sha256 header: API Gateway/,
      );
      expect(
        about(validate({ payload: 'unsigned', mode: 'query' }), 'payload')[0]!.message,
      ).toMatch(/^Only S3 reads UNSIGNED-PAYLOAD from a presigned URL/);
      expect(
        about(validate({ payload: 'unsigned', contentSha256Header: true }), 'payload')[0]!.message,
      ).toMatch(/not documented to accept UNSIGNED-PAYLOAD/);
    });

    it('leaves UNSIGNED-PAYLOAD alone where S3 reads it', () => {
      for (const mode of ['header', 'query'] as const)
        expect(about(validate({ service: 's3', payload: 'unsigned', mode }), 'payload')).toEqual(
          [],
        );
      expect(about(validate({ payload: 'signed' }), 'payload')).toEqual([]);
    });

    it('signs a body with any method: sending one with GET is a question for the transport', () => {
      expect(validate({ method: 'GET', body: 'x' })).toEqual([]);
      expect(validate({ method: 'GET', body: '' })).toEqual([]);
      expect(validate({ method: 'GET', body: new Uint8Array(0) })).toEqual([]);
      expect(validate({ method: 'POST', body: 'x' })).toEqual([]);
    });
  });

  // Every UTF-16 code unit, lone surrogates included, and whole characters outside the BMP.
  it('never throws for arbitrary strings in every field', () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const text = fc.oneof(
      fc.string({ unit: codeUnit, maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
    );
    fc.assert(
      fc.property(
        fc.record({
          method: text,
          url: fc.oneof(
            text,
            text.map((rest) => `https://${rest}`),
          ),
          headers: fc.array(fc.tuple(text, text), { maxLength: 3 }),
          body: fc.oneof(text, fc.constant(undefined)),
          accessKeyId: text,
          secretAccessKey: text,
          sessionToken: fc.oneof(text, fc.constant(undefined)),
          region: text,
          service: text,
          mode: fc.constantFrom('header' as const, 'query' as const, undefined),
          expiresIn: fc.oneof(fc.double(), fc.constant(undefined)),
          time: fc.oneof(fc.double(), fc.integer()),
        }),
        (random) => {
          const issues = validateSigningInput({
            method: random.method,
            url: random.url,
            headers: random.headers,
            body: random.body,
            credentials: {
              accessKeyId: random.accessKeyId,
              secretAccessKey: random.secretAccessKey,
              sessionToken: random.sessionToken,
            },
            region: random.region,
            service: random.service,
            signingDate: new Date(random.time),
            ...(random.mode === undefined ? {} : { mode: random.mode }),
            ...(random.expiresIn === undefined ? {} : { expiresIn: random.expiresIn }),
          });
          for (const issue of issues) {
            expect(['error', 'warning', 'info']).toContain(issue.severity);
            expect(issue.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('validateSigningInput (wire-form details)', () => {
  it("warns that browsers read '\\' as '/' and offers the URL with '/'", () => {
    expect(validate({ url: 'https://example.com/a\\b?x=1' })).toEqual([
      expect.objectContaining({
        field: 'url',
        severity: 'warning',
        fix: 'https://example.com/a/b?x=1',
      }),
    ]);
  });

  it('warns that the presign parameters of a URL are replaced when signing in header mode', () => {
    const url = 'https://example.com/?a=1&X-Amz-Signature=abc&X-Amz-Date=20150830T123600Z';
    expect(validate({ url })).toEqual([
      expect.objectContaining({
        field: 'url',
        severity: 'warning',
        message: expect.stringContaining('X-Amz-Signature, X-Amz-Date'),
      }),
    ]);
    expect(validate({ url, mode: 'query' })).toEqual([
      expect.objectContaining({ field: 'url', severity: 'info' }),
    ]);
  });

  it('notes that host and x-amz-date stay signed when listed as unsigned', () => {
    expect(validate({ unsignedHeaders: ['Host', 'x-custom'] })).toEqual([
      expect.objectContaining({ field: 'unsignedHeaders', severity: 'info' }),
    ]);
  });

  it("offers 'https://' for a URL typed without a scheme", () => {
    expect(validate({ url: 'example.com/prod/hello' })).toEqual([
      expect.objectContaining({ field: 'url', fix: 'https://example.com/prod/hello' }),
    ]);
  });
});

describe('validateSigningInput (S3 paths not in canonical encoding)', () => {
  const s3 = (url: string, overrides: Partial<SigningInput> = {}) =>
    about(validate({ url, service: 's3', region: 'us-east-1', ...overrides }), 'url');

  it('warns about lower-case hex, escaped unreserved and raw reserved characters, with one fix for all', () => {
    const issues = s3('https://bucket.s3.amazonaws.com/bucket/a*b%2a%41?x=%2a#top');
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('"*" is not escaped (AWS writes %2A)'),
        fix: 'https://bucket.s3.amazonaws.com/bucket/a%2Ab%2AA?x=%2a#top',
      }),
    );
  });

  it('names the first flaw of each kind', () => {
    const message = (path: string) => s3(`https://s3.amazonaws.com${path}`)[0]?.message ?? '';
    expect(message('/b/%2a')).toContain('"%2a" has lower-case hex (AWS writes %2A)');
    expect(message('/b/%7E')).toContain('"%7E" escapes "~", which AWS leaves as it is');
    expect(message('/b/a+b')).toContain('"+" is not escaped (AWS writes %2B)');
    expect(message('/b/100%')).toContain('a "%" starts no escape (AWS writes %25)');
  });

  it('accepts a path in canonical encoding, and any path with the other services’ rules', () => {
    expect(s3('https://s3.amazonaws.com/bucket/a%2Ab%2AA/%E1%88%B4/-._~/%2F')).toEqual([]);
    expect(s3('https://s3.amazonaws.com/bucket/a*b%2a%41', { doubleEncodePath: true })).toEqual([]);
    expect(about(validate({ url: 'https://example.com/a*b%2a%41' }), 'url')).toEqual([]);
  });

  it('applies to any service signed with single encoding', () => {
    expect(
      about(validate({ url: 'https://example.com/a*b', doubleEncodePath: false }), 'url'),
    ).toEqual([expect.objectContaining({ fix: 'https://example.com/a%2Ab' })]);
  });

  it("folds the wire fix into its own, so one click clears both ('a b*' → 'a%20b%2A')", () => {
    const issues = s3('https://s3.amazonaws.com/bucket/a b*');
    expect(issues.map((issue) => issue.fix)).toEqual([
      'https://s3.amazonaws.com/bucket/a%20b*',
      'https://s3.amazonaws.com/bucket/a%20b%2A',
    ]);
    expect(s3(issues[1]!.fix!)).toEqual([]);
  });

  it('says nothing more when the wire fix alone makes the path canonical', () => {
    expect(s3('https://s3.amazonaws.com/bucket/a b/ሴ')).toEqual([
      expect.objectContaining({ fix: 'https://s3.amazonaws.com/bucket/a%20b/%E1%88%B4' }),
    ]);
  });

  it('offers a fix that never raises the warning again', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (path) => {
        const fix = s3(`https://s3.amazonaws.com/b/${path.replace(/[?#]/g, '')}`).at(-1)?.fix;
        if (fix !== undefined) expect(s3(fix)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateSigningInput (Host header)', () => {
  it('warns when a Host header names another host than the URL, and offers the URL’s', () => {
    const issues = validate({
      url: 'https://evil.example/x',
      headers: [
        ['Content-Type', 'application/json'],
        ['Host', 'sts.amazonaws.com'],
      ],
    });
    expect(issues).toEqual([
      expect.objectContaining({
        field: 'headers[1].value',
        severity: 'warning',
        message: expect.stringMatching(/sts\.amazonaws\.com.*evil\.example/),
        fix: 'evil.example',
      }),
    ]);
  });

  it('says nothing when the Host header matches the URL’s host', () => {
    expect(validate({ headers: [['host', 'Example.AmazonAWS.com:443']] })).toEqual([]);
  });
});
