// Query parameters and form fields (`application/x-www-form-urlencoded`) as they go on the wire.
// Postman, Insomnia and Bruno keep both as unencoded pairs and encode them when they send; the
// playground keeps the URL and the body as sent, so every importer encodes here, once.

/** Characters a query or form part may hold as they are. '+' is not one: a form reads it as a space. */
const KEPT = /[A-Za-z0-9\-._~!$'()*,;:@/?]/;
const ESCAPE = /^%[0-9A-Fa-f]{2}/;

export interface EncodeOptions {
  /**
   * Whether a `%XX` already written is kept as an escape (Insomnia's parameters: it leaves escapes
   * alone) or is literal text whose '%' is encoded too (Postman's form fields: `50%25` is sent as
   * `50%2525`).
   */
  keepEscapes?: boolean;
}

/**
 * Percent-encodes what cannot stand in a query or form name or value (spaces, '&', '=', '#', '+',
 * non-ASCII), leaving {{variables}} as written so they still resolve.
 */
export function encodeQueryPart(text: string, { keepEscapes = true }: EncodeOptions = {}): string {
  return text
    .split(/(\{\{[^{}]*\}\})/)
    .map((part, index) => {
      if (index % 2 === 1) return part;
      let encoded = '';
      for (let i = 0; i < part.length; i++) {
        const char = part[i]!;
        if (KEPT.test(char) || (keepEscapes && char === '%' && ESCAPE.test(part.slice(i, i + 3)))) {
          encoded += char;
          continue;
        }
        const code = part.codePointAt(i)!;
        const whole = String.fromCodePoint(code);
        // A lone surrogate cannot be percent-encoded; it is kept as written.
        const isLoneSurrogate = code >= 0xd800 && code <= 0xdfff;
        encoded += isLoneSurrogate ? whole : encodeURIComponent(whole);
        i += whole.length - 1;
      }
      return encoded;
    })
    .join('');
}

/** `name=value&…` of the pairs that have a name, encoded as a form or query is. */
export function encodePairs(
  pairs: readonly { name: string; value: string }[],
  options: EncodeOptions = {},
): string {
  return pairs
    .filter((pair) => pair.name !== '')
    .map((pair) => `${encodeQueryPart(pair.name, options)}=${encodeQueryPart(pair.value, options)}`)
    .join('&');
}
