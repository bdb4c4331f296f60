import { describe, expect, it } from 'vitest';
import { getCanonicalQuery, parseQuery } from './getCanonicalQuery';

/** Canonical query straight from a wire query, as the signer builds it. */
const canonical = (query: string | null) => getCanonicalQuery(parseQuery(query));

describe('parseQuery', () => {
  it('gives no parameters for null and for the empty query', () => {
    expect(parseQuery(null)).toEqual([]);
    expect(parseQuery('')).toEqual([]);
  });

  it("splits on '&' and on the first '=' of each piece, keeping the wire form", () => {
    expect(parseQuery('a=1&b=x=y&c=%2B+')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: 'x=y' },
      { name: 'c', value: '%2B+' },
    ]);
  });

  it("gives a piece without '=' an empty value", () => {
    expect(parseQuery('flag&a=')).toEqual([
      { name: 'flag', value: '' },
      { name: 'a', value: '' },
    ]);
  });

  it("ignores empty pieces ('&&', leading and trailing '&')", () => {
    expect(parseQuery('&a=1&&b=2&')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: '2' },
    ]);
  });

  it('keeps repeated names in request order', () => {
    expect(parseQuery('k=2&k=1')).toEqual([
      { name: 'k', value: '2' },
      { name: 'k', value: '1' },
    ]);
  });
});

describe('getCanonicalQuery', () => {
  it('gives the empty string when there are no parameters (get-vanilla-query)', () => {
    expect(canonical(null)).toBe('');
    expect(canonical('')).toBe('');
  });

  it('sorts by name (get-vanilla-query-order-key-case: Param2 after Param1)', () => {
    expect(canonical('Param2=value2&Param1=value1')).toBe('Param1=value1&Param2=value2');
  });

  it('sorts repeated names by value, byte-wise (legacy get-vanilla-query-order-key)', () => {
    expect(canonical('Param1=value2&Param1=Value1')).toBe('Param1=Value1&Param1=value2');
  });

  it('sorts repeated names by value (legacy get-vanilla-query-order-value)', () => {
    expect(canonical('Param1=value2&Param1=value1')).toBe('Param1=value1&Param1=value2');
  });

  it('sorts after encoding (get-vanilla-query-order-encoded)', () => {
    expect(canonical('Param-3=Value3&Param=Value2&%E1%88%B4=Value1')).toBe(
      '%E1%88%B4=Value1&Param=Value2&Param-3=Value3',
    );
  });

  it('sorts by the encoded name, not the raw one (raw é sorts as %C3%A9, before A)', () => {
    // Raw UTF-16 order would be A < a < ~ < é; encoded, 'é' is '%C3%A9' and '%' (0x25) comes first.
    expect(canonical('~=1&a=2&é=3&A=4')).toBe('%C3%A9=3&A=4&a=2&~=1');
  });

  it("sorts by name first: 'a' with any value before 'a-b'", () => {
    expect(canonical('a-b=1&a=z')).toBe('a=z&a-b=1');
  });

  it('encodes raw UTF-8 names (get-vanilla-utf8-query: ሴ=bar → %E1%88%B4=bar)', () => {
    expect(canonical('ሴ=bar')).toBe('%E1%88%B4=bar');
  });

  it('keeps the unreserved characters (get-vanilla-query-unreserved)', () => {
    const unreserved = '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    expect(canonical(`${unreserved}=${unreserved}`)).toBe(`${unreserved}=${unreserved}`);
  });

  it("writes a name without '=' as 'name='", () => {
    expect(canonical('acl')).toBe('acl=');
    expect(canonical('b=1&acl')).toBe('acl=&b=1');
  });

  it("keeps an empty value as 'name='", () => {
    expect(canonical('Param1=')).toBe('Param1=');
  });

  it("ignores '&&' and a trailing '&'", () => {
    expect(canonical('b=2&&a=1&')).toBe('a=1&b=2');
  });

  it("encodes a literal '+' as %2B (a plus, not a space)", () => {
    expect(canonical('q=a+b')).toBe('q=a%2Bb');
  });

  it('normalizes existing escapes: %2b → %2B, %41 → A, bare % → %25, %FF stays', () => {
    expect(canonical('q=%2b%41&p=100%&r=%ff')).toBe('p=100%25&q=%2BA&r=%FF');
  });

  it("encodes '=' inside a value and '/' in names and values", () => {
    expect(canonical('a/b=c=d/e')).toBe('a%2Fb=c%3Dd%2Fe');
  });

  it('encodes a raw space as %20', () => {
    expect(canonical('a b=c d')).toBe('a%20b=c%20d');
  });

  it('accepts parameters that are not already sorted or encoded, e.g. presign parameters', () => {
    expect(
      getCanonicalQuery([
        { name: 'X-Amz-SignedHeaders', value: 'host%3Bx-amz-date' },
        { name: 'X-Amz-Credential', value: 'AKID/20150830/us-east-1/service/aws4_request' },
      ]),
    ).toBe(
      'X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&X-Amz-SignedHeaders=host%3Bx-amz-date',
    );
  });
});
