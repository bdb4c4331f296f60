import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWireAlgorithm, parseAuthorization, type AuthorizationField } from './parseAuthorization';

/** The reading as AWS describes it, split by split: the parser must answer as this does. */
function readBySplitting(value: string) {
  const space = value.indexOf(' ');
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (!isWireAlgorithm(algorithm)) return { ok: false, reason: 'unknown-algorithm', algorithm };
  const fields = new Map<string, string>();
  for (const part of value.slice(space + 1).split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq < 0) return { ok: false, reason: 'not-key-value', algorithm };
    fields.set(trimmed.slice(0, eq), trimmed.slice(eq + 1));
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (credential === undefined || signedHeaders === undefined || signature === undefined) {
    const names: AuthorizationField[] = ['Credential', 'SignedHeaders', 'Signature'];
    return {
      ok: false,
      reason: 'missing-fields',
      algorithm,
      missing: names.filter((field) => !fields.has(field)),
      ...(credential === undefined ? {} : { credential }),
    };
  }
  return { ok: true, algorithm, credential, signedHeaders, signature };
}

const SIGV4 =
  'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';

describe('parseAuthorization', () => {
  it('reads a SigV4 header', () => {
    expect(parseAuthorization(SIGV4)).toEqual({
      ok: true,
      algorithm: 'AWS4-HMAC-SHA256',
      credential: 'AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request',
      signedHeaders: 'content-type;host;x-amz-date',
      signature: '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    });
  });

  it('reads a SigV4A header', () => {
    expect(
      parseAuthorization(
        'AWS4-ECDSA-P256-SHA256 Credential=AKID/20150830/service/aws4_request, SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=3045',
      ),
    ).toMatchObject({
      ok: true,
      algorithm: 'AWS4-ECDSA-P256-SHA256',
      credential: 'AKID/20150830/service/aws4_request',
    });
  });

  it('keeps SignedHeaders as written, and ignores blanks and empty parts', () => {
    const parsed = parseAuthorization(
      'AWS4-HMAC-SHA256 ,Credential=a/b/c/d/aws4_request,,  SignedHeaders=X-Amz-Date;Host ,Signature=00,',
    );
    expect(parsed).toMatchObject({ ok: true, signedHeaders: 'X-Amz-Date;Host', signature: '00' });
  });

  it('keeps the last value of a repeated key, and reads values with "=" in them', () => {
    expect(
      parseAuthorization(
        'AWS4-HMAC-SHA256 Credential=a, SignedHeaders=host, Signature=1, Signature=2==',
      ),
    ).toMatchObject({ ok: true, signature: '2==' });
  });

  it.each([
    ['Bearer', 'Bearer abc'],
    ['Basic', 'Basic dXNlcjpwYXNz'],
    ['aws4-hmac-sha256', 'aws4-hmac-sha256 Credential=a'],
    ['AWS4-HMAC-SHA256Credential=a', 'AWS4-HMAC-SHA256Credential=a'],
    ['', ''],
  ])('refuses another algorithm: %j', (algorithm, header) => {
    expect(parseAuthorization(header)).toEqual({
      ok: false,
      reason: 'unknown-algorithm',
      algorithm,
    });
  });

  it.each([
    'AWS4-HMAC-SHA256',
    'AWS4-HMAC-SHA256 Credential=a, SignedHeaders=host, Signature',
    'AWS4-HMAC-SHA256 Credential a/b, SignedHeaders=host, Signature=00',
  ])('refuses a part without "=": %s', (header) => {
    expect(parseAuthorization(header)).toEqual({
      ok: false,
      reason: 'not-key-value',
      algorithm: 'AWS4-HMAC-SHA256',
    });
  });

  it('names the missing fields, and keeps the Credential that is there', () => {
    expect(parseAuthorization('AWS4-HMAC-SHA256 Credential=a/b')).toEqual({
      ok: false,
      reason: 'missing-fields',
      algorithm: 'AWS4-HMAC-SHA256',
      missing: ['SignedHeaders', 'Signature'],
      credential: 'a/b',
    });
    expect(parseAuthorization('AWS4-ECDSA-P256-SHA256 ')).toEqual({
      ok: false,
      reason: 'missing-fields',
      algorithm: 'AWS4-ECDSA-P256-SHA256',
      missing: ['Credential', 'SignedHeaders', 'Signature'],
    });
    // Keys are compared as written.
    expect(
      parseAuthorization('AWS4-HMAC-SHA256 credential=a, SignedHeaders=host, Signature=00'),
    ).toMatchObject({ ok: false, reason: 'missing-fields', missing: ['Credential'] });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseAuthorization(text);
        parseAuthorization(`AWS4-HMAC-SHA256 ${text}`);
      }),
    );
  });

  it('answers as reading it split by split does, whatever the header holds', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'Credential=AKID/20150830/us-east-1/iam/aws4_request',
        'SignedHeaders=host;x-amz-date',
        'Signature=00ff',
        'credential=x',
        'Credential=',
        '=',
        ' ',
        '\u00a0Signature=1\t',
        'Other=1',
        'NoEquals',
      ),
      fc.string({ maxLength: 12 }),
    );
    const value = fc
      .tuple(
        fc.constantFrom('AWS4-HMAC-SHA256', 'AWS4-ECDSA-P256-SHA256', 'Bearer', ''),
        fc.constantFrom(' ', '', '  '),
        fc.array(piece, { maxLength: 6 }),
        fc.constantFrom(',', ', ', ' ,', ',,'),
      )
      .map(([algorithm, space, pieces, comma]) => algorithm + space + pieces.join(comma));
    fc.assert(
      fc.property(fc.oneof(value, fc.string()), (text) => {
        expect(parseAuthorization(text)).toEqual(readBySplitting(text));
      }),
      { numRuns: 2000 },
    );
  });
});
