// Splits PowerShell text into tokens — strings, bare words and the punctuation a web-request
// command uses — as Chrome's "Copy as PowerShell" writes it: backtick line continuations,
// "…" strings with backtick escapes and $([char]N), '…' strings with '' for a quote, @{ … }
// hashtables. One pass, no regular expression over the whole text. Nothing is run: a string
// that expands a variable or an expression is an error that names it.

export type PowerShellToken =
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  /** @{ @( ( ) { } = ; , | and a line break ('\n'). */
  | { kind: 'op'; value: string };

const BACKTICK_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const DOUBLE_QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E']);
const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
const WORD_END = new Set([' ', '\t', '\r', '\n', '(', ')', '{', '}', ';', ',', '|', '"', "'"]);

/** A "…" string from just after its quote: its text and the index after the closing quote. */
function readDouble(
  text: string,
  start: number,
): { value: string; end: number } | { error: string } {
  let value = '';
  for (let i = start; i < text.length; i++) {
    const char = text[i]!;
    if (DOUBLE_QUOTES.has(char)) {
      // "" inside "…" is one quote.
      if (DOUBLE_QUOTES.has(text[i + 1] ?? '')) {
        value += '"';
        i++;
        continue;
      }
      return { value, end: i + 1 };
    }
    if (char === '`' && i + 1 < text.length) {
      const next = text[++i]!;
      if (next in BACKTICK_ESCAPES) value += BACKTICK_ESCAPES[next];
      else if (next === 'u' && text[i + 1] === '{') {
        const close = text.indexOf('}', i + 2);
        const code = close < 0 || close - i > 9 ? NaN : parseInt(text.slice(i + 2, close), 16);
        if (!(code <= 0x10ffff)) return { error: 'A `u{…} escape is not a code point.' };
        value += String.fromCodePoint(code);
        i = close;
      } else value += next;
      continue;
    }
    if (char === '$') {
      // Chrome writes characters outside printable ASCII as $([char]N).
      const charCode = /^\$\(\[char\](\d{1,5})\)/i.exec(text.slice(i, i + 16));
      if (charCode) {
        value += String.fromCharCode(Number(charCode[1]) & 0xffff);
        i += charCode[0].length - 1;
        continue;
      }
      const expansion = /^\$(?:\(|\{|[A-Za-z_?^:])/.exec(text.slice(i, i + 2));
      if (expansion) {
        const shown = text.slice(i, i + 20).split(/[\s"]/)[0];
        return {
          error: `A string expands ${shown}, a PowerShell variable or expression, which is not run here: replace it with its value.`,
        };
      }
    }
    value += char;
  }
  return { error: 'A "…" string is not closed.' };
}

/** A '…' string from just after its quote ('' is one quote). */
function readSingle(
  text: string,
  start: number,
): { value: string; end: number } | { error: string } {
  let value = '';
  for (let i = start; i < text.length; i++) {
    const char = text[i]!;
    if (SINGLE_QUOTES.has(char)) {
      if (SINGLE_QUOTES.has(text[i + 1] ?? '')) {
        value += "'";
        i++;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += char;
  }
  return { error: "A '…' string is not closed." };
}

/** The tokens of a PowerShell text, or an error naming what could not be read. */
export function powerShellTokens(text: string): PowerShellToken[] | { error: string } {
  const tokens: PowerShellToken[] = [];
  let hashtableDepth = 0;
  const opens: string[] = [];
  for (let i = 0; i < text.length;) {
    const char = text[i]!;
    if (char === ' ' || char === '\t' || char === '\r') {
      i++;
      continue;
    }
    if (char === '`' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (char === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (char === '<' && text[i + 1] === '#') {
      const end = text.indexOf('#>', i + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    if (DOUBLE_QUOTES.has(char) || SINGLE_QUOTES.has(char)) {
      const read = DOUBLE_QUOTES.has(char) ? readDouble(text, i + 1) : readSingle(text, i + 1);
      if ('error' in read) return read;
      tokens.push({ kind: 'string', value: read.value });
      i = read.end;
      continue;
    }
    if (char === '@' && (text[i + 1] === '{' || text[i + 1] === '(')) {
      tokens.push({ kind: 'op', value: `@${text[i + 1]}` });
      opens.push(`@${text[i + 1]}`);
      if (text[i + 1] === '{') hashtableDepth++;
      i += 2;
      continue;
    }
    if ('\n(){};,|'.includes(char) || (char === '=' && hashtableDepth > 0)) {
      if (char === '(' || char === '{') opens.push(char);
      if ((char === ')' || char === '}') && opens.pop() === '@{') hashtableDepth--;
      tokens.push({ kind: 'op', value: char });
      i++;
      continue;
    }
    // A bare word: outside a hashtable, = belongs to it (a URL's query) unless it starts an
    // assignment ($x = …, or a lone =).
    let word = '';
    while (i < text.length && !WORD_END.has(text[i]!) && !DOUBLE_QUOTES.has(text[i]!)) {
      if (text[i] === '=' && (hashtableDepth > 0 || word === '' || word.startsWith('$'))) break;
      if (text[i] === '`' && i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r')
        i++;
      word += text[i];
      i++;
    }
    if (word === '' && text[i] === '=') {
      tokens.push({ kind: 'op', value: '=' });
      i++;
    } else if (word !== '') tokens.push({ kind: 'word', value: word });
    else i++;
  }
  return tokens;
}
