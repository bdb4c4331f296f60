import { describe, expect, it } from 'vitest';
import { encodePairs, encodeQueryPart } from './encodeQueryPart';

describe('encodeQueryPart', () => {
  it('encodes what would split the query, keeping {{variables}} and escapes', () => {
    expect(encodeQueryPart('open & paid=#1')).toBe('open%20%26%20paid%3D%231');
    expect(encodeQueryPart('{{a b}}/x:y')).toBe('{{a b}}/x:y');
    expect(encodeQueryPart('50%25 off é')).toBe('50%25%20off%20%C3%A9');
  });

  it("encodes '+', which a form reads as a space", () => {
    expect(encodeQueryPart('a+b c')).toBe('a%2Bb%20c');
  });

  it("encodes every '%' of literal text when asked (Postman's form fields)", () => {
    expect(encodeQueryPart('50%25 off', { keepEscapes: false })).toBe('50%2525%20off');
    expect(encodeQueryPart('100%', { keepEscapes: false })).toBe('100%25');
    expect(encodeQueryPart('{{a%20b}}%', { keepEscapes: false })).toBe('{{a%20b}}%25');
  });

  it('keeps a lone surrogate rather than throwing', () => {
    expect(encodeQueryPart('a\ud800b')).toBe('a\ud800b');
    expect(encodeQueryPart('a\ud800 b', { keepEscapes: false })).toBe('a\ud800%20b');
  });
});

describe('encodePairs', () => {
  it('joins the named pairs as a form body', () => {
    expect(
      encodePairs([
        { name: 'greeting', value: 'hello world & more' },
        { name: '', value: 'no name' },
        { name: 'token', value: '{{formToken}}' },
      ]),
    ).toBe('greeting=hello%20world%20%26%20more&token={{formToken}}');
  });
});
