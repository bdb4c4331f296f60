import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmzDate, parseAmzDate } from './amzDate';
import { ALGORITHM, SIGV4A_ALGORITHM } from './constants';
import { parseCredential } from './parseCredential';
import { getSignedHeaderNames } from './signedHeaderNames';
import { readAmzDate, readCredential, readSignedHeaderNames } from './wireTextMemos';

const amzDateText = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800_000 }).map(formatAmzDate),
  fc.stringMatching(/^\d{8}T\d{6}Z$/),
  fc.string(),
);
const credentialText = fc.oneof(
  fc.constant('AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request'),
  fc.constant('AKIDEXAMPLE/20150830/iam/aws4_request'),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 7 }).map((parts) => parts.join('/')),
  fc.string(),
);

describe('readAmzDate', () => {
  it('answers as parseAmzDate does, asked once or again', () => {
    fc.assert(
      fc.property(amzDateText, (text) => {
        expect(readAmzDate(text)).toBe(parseAmzDate(text));
        expect(readAmzDate(text)).toBe(parseAmzDate(text));
      }),
    );
  });
});

describe('readCredential', () => {
  it('answers as parseCredential does, asked once or again', () => {
    fc.assert(
      fc.property(
        credentialText,
        fc.constantFrom(ALGORITHM, SIGV4A_ALGORITHM),
        (text, algorithm) => {
          expect(readCredential(text, algorithm)).toEqual(parseCredential(text, algorithm));
          expect(readCredential(text, algorithm)).toEqual(parseCredential(text, algorithm));
        },
      ),
    );
  });

  it('keeps the two algorithms apart, and shares a frozen answer', () => {
    const text = 'AKID/20150830/us-east-1/iam/aws4_request';
    expect(readCredential(text, ALGORITHM).ok).toBe(true);
    expect(readCredential(text, SIGV4A_ALGORITHM)).toEqual({
      ok: false,
      reason: 'parts',
      expected: 4,
    });
    const parsed = readCredential(text, ALGORITHM);
    expect(readCredential(text, ALGORITHM)).toBe(parsed);
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(parsed.ok && Object.isFrozen(parsed.credential)).toBe(true);
  });
});

describe('readSignedHeaderNames', () => {
  it('answers as getSignedHeaderNames does, asked once or again', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('host', 'Host', 'x-amz-date', 'X-Amz-Date', '', 'a;b'), {
          maxLength: 8,
        }),
        (names) => {
          const text = names.join(';');
          expect(readSignedHeaderNames(text)).toEqual(getSignedHeaderNames(text));
          expect(readSignedHeaderNames(text)).toEqual(getSignedHeaderNames(text));
        },
      ),
    );
  });

  it('reads a made-up long list every time, and answers it all the same', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `x-h${i}`).join(';');
    expect(readSignedHeaderNames(text)).not.toBe(readSignedHeaderNames(text));
    expect(readSignedHeaderNames(text).names).toHaveLength(2000);
  });
});
