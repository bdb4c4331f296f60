// Reads the JavaScript values a "Copy as fetch" snippet holds — strings, numbers, true, false, null,
// objects and arrays, plus JSON.stringify(<one of those>) — without running anything: no eval, no
// Function. One pass over the text with a bounded nesting depth; anything else (a variable, a
// call, a template with ${…}) is an error that names it.

/** Deeper nesting is refused: a snippet's headers and body are two levels deep. */
const MAX_DEPTH = 64;

export type JsValue = string | number | boolean | null | undefined | JsValue[] | JsObject;
export interface JsObject {
  [key: string]: JsValue;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

/** A reader over one text: `at` moves forward only, so every call is linear in the text. */
export class JsLiteralReader {
  at = 0;
  constructor(readonly text: string) {}

  /** Skips blanks, line breaks and // or /* comments. */
  skipBlank(): void {
    const { text } = this;
    while (this.at < text.length) {
      const char = text[this.at]!;
      if (/\s/.test(char)) this.at++;
      else if (text.startsWith('//', this.at)) {
        const end = text.indexOf('\n', this.at);
        this.at = end < 0 ? text.length : end + 1;
      } else if (text.startsWith('/*', this.at)) {
        const end = text.indexOf('*/', this.at + 2);
        this.at = end < 0 ? text.length : end + 2;
      } else return;
    }
  }

  /** Consumes `token` after blanks, or returns false and moves nothing but the blanks. */
  eat(token: string): boolean {
    this.skipBlank();
    if (!this.text.startsWith(token, this.at)) return false;
    this.at += token.length;
    return true;
  }

  /** What stands at the current place, for an error message. */
  here(): string {
    const rest = this.text.slice(this.at, this.at + 30).replace(/\s+/g, ' ');
    return rest === ''
      ? 'the end of the text'
      : `“${rest}${this.at + 30 < this.text.length ? '…' : ''}”`;
  }

  /** A quoted string ("…", '…', or a `…` template without ${…}). */
  readString(): string | { error: string } {
    this.skipBlank();
    const { text } = this;
    const quote = text[this.at];
    if (quote !== '"' && quote !== "'" && quote !== '`')
      return { error: `Expected a string at ${this.here()}.` };
    let value = '';
    for (let i = this.at + 1; i < text.length; i++) {
      const char = text[i]!;
      if (char === quote) {
        this.at = i + 1;
        return value;
      }
      if (quote === '`' && char === '$' && text[i + 1] === '{')
        return { error: 'A template string with ${…} is JavaScript code, which is not run here.' };
      if ((char === '\n' || char === '\r') && quote !== '`')
        return { error: 'A string is not closed before the end of its line.' };
      if (char !== '\\') {
        value += char;
        continue;
      }
      const next = text[++i];
      if (next === undefined) break;
      if (next in SIMPLE_ESCAPES) value += SIMPLE_ESCAPES[next];
      else if (next === 'x' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
        value += String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16));
        i += 2;
      } else if (next === 'u' && text[i + 1] === '{') {
        const end = text.indexOf('}', i + 2);
        const code = end < 0 || end - i > 9 ? NaN : parseInt(text.slice(i + 2, end), 16);
        if (!(code <= 0x10ffff)) return { error: 'A \\u{…} escape is not a code point.' };
        value += String.fromCodePoint(code);
        i = end;
      } else if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 1, i + 5))) {
        value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
        i += 4;
      } else if (next === '\r' || next === '\n') {
        // A line continuation: the break is not part of the string.
        if (next === '\r' && text[i + 1] === '\n') i++;
      } else value += next;
    }
    return { error: 'A string is not closed.' };
  }

  /** Any value: a literal, an object, an array, or JSON.stringify(value). */
  readValue(depth = 0): JsValue | { error: string } {
    if (depth > MAX_DEPTH)
      return { error: `The values are nested deeper than ${MAX_DEPTH} levels.` };
    this.skipBlank();
    const { text } = this;
    const char = text[this.at];
    if (char === '"' || char === "'" || char === '`') return this.readString();
    if (char === '{') return this.readObject(depth);
    if (char === '[') return this.readArray(depth);
    const word = /^[A-Za-z_$][\w$.]*/.exec(text.slice(this.at, this.at + 64))?.[0];
    if (word !== undefined) {
      const literals: Record<string, JsValue> = {
        true: true,
        false: false,
        null: null,
        undefined: undefined,
      };
      if (Object.hasOwn(literals, word)) {
        this.at += word.length;
        return literals[word];
      }
      if (word === 'JSON.stringify' && this.eat('JSON.stringify') && this.eat('(')) {
        const inner = this.readValue(depth + 1);
        if (isError(inner)) return inner;
        if (!this.eat(')'))
          return { error: `JSON.stringify(…) takes one value here; found ${this.here()}.` };
        return JSON.stringify(inner) ?? undefined;
      }
      return {
        error: `${word} is JavaScript code (a variable or a call), which is not run here: replace it with its value.`,
      };
    }
    const number = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(
      text.slice(this.at, this.at + 64),
    );
    if (number) {
      this.at += number[0].length;
      return Number(number[0]);
    }
    return { error: `Expected a value at ${this.here()}.` };
  }

  private readObject(depth: number): JsObject | { error: string } {
    this.at++;
    // A null-prototype object: a "__proto__" key is data like any other.
    const object: JsObject = Object.create(null) as JsObject;
    for (;;) {
      if (this.eat('}')) return object;
      this.skipBlank();
      let key: string | { error: string };
      const bare = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.at, this.at + 256))?.[0];
      if (bare !== undefined) {
        key = bare;
        this.at += bare.length;
      } else key = this.readString();
      if (typeof key !== 'string') return key;
      if (!this.eat(':')) return { error: `Expected “:” after “${key}”, found ${this.here()}.` };
      const value = this.readValue(depth + 1);
      if (isError(value)) return value;
      object[key] = value;
      if (!this.eat(',')) {
        if (this.eat('}')) return object;
        return { error: `Expected “,” or “}” at ${this.here()}.` };
      }
    }
  }

  private readArray(depth: number): JsValue[] | { error: string } {
    this.at++;
    const array: JsValue[] = [];
    for (;;) {
      if (this.eat(']')) return array;
      const value = this.readValue(depth + 1);
      if (isError(value)) return value;
      array.push(value);
      if (!this.eat(',')) {
        if (this.eat(']')) return array;
        return { error: `Expected “,” or “]” at ${this.here()}.` };
      }
    }
  }
}

/** Whether a reader's answer is its error. */
export function isError(value: unknown): value is { error: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype &&
    typeof (value as { error?: unknown }).error === 'string'
  );
}
