// Splits a pasted command line into the words the program receives: bash (what browsers' "Copy as
// cURL (bash)" and most docs write) or Windows cmd (what "Copy as cURL (cmd)" writes). Linear in
// the text's length: one pass, no backtracking regexes.

/** The largest command read; longer text is refused rather than split. */
export const MAX_COMMAND_LENGTH = 1_000_000;

const ANSI_C_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
};

const isHex = (char: string | undefined) => char !== undefined && /^[0-9A-Fa-f]$/.test(char);

/** Reads up to `max` hex digits from `start`; returns the code point and where it ended. */
function readHex(text: string, start: number, max: number): { code: number; end: number } {
  let end = start;
  while (end < text.length && end - start < max && isHex(text[end])) end++;
  return { code: end > start ? parseInt(text.slice(start, end), 16) : NaN, end };
}

/** The text of a bash $'…' string from just after the opening quote; returns it and the closing index. */
function readAnsiC(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start;
  for (; i < text.length && text[i] !== "'"; i++) {
    if (text[i] !== '\\' || i + 1 >= text.length) {
      value += text[i];
      continue;
    }
    const next = text[++i]!;
    if (next in ANSI_C_ESCAPES) value += ANSI_C_ESCAPES[next];
    else if (next === 'x' || next === 'u' || next === 'U') {
      const { code, end } = readHex(text, i + 1, next === 'x' ? 2 : next === 'u' ? 4 : 8);
      if (Number.isNaN(code) || code > 0x10ffff) value += `\\${next}`;
      else {
        value += String.fromCodePoint(code);
        i = end - 1;
      }
    } else if (next >= '0' && next <= '7') {
      let end = i;
      while (end < text.length && end - i < 3 && text[end]! >= '0' && text[end]! <= '7') end++;
      value += String.fromCharCode(parseInt(text.slice(i, end), 8) & 0xff);
      i = end - 1;
    } else if (next === 'c' && i + 1 < text.length) {
      value += String.fromCharCode(text.charCodeAt(++i) & 0x1f);
    } else if (next === '\\' || next === "'" || next === '"' || next === '?') value += next;
    else value += `\\${next}`;
  }
  return { value, end: i };
}

/**
 * Splits a bash command line into words: single quotes, double quotes (with \" \\ \$ \`), $'…'
 * ANSI-C quoting (\n, \xHH, \uHHHH, …), backslash escapes and `\` line continuations. `^` and
 * backtick line continuations (cmd, PowerShell) are taken as continuations too.
 */
export function shellWords(command: string): string[] {
  const text = command.replace(/\\\r?\n|\^\r?\n|`\r?\n/g, ' ');
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || /\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (char === "'") {
      const end = text.indexOf("'", i + 1);
      word += end < 0 ? text.slice(i + 1) : text.slice(i + 1, end);
      i = end < 0 ? text.length : end;
    } else if (char === '$' && text[i + 1] === "'") {
      const { value, end } = readAnsiC(text, i + 2);
      word += value;
      i = end;
    } else if (char === '"') {
      i++;
      for (; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) i++;
        word += text[i];
      }
    } else if (char === '\\' && i + 1 < text.length) {
      word += text[++i];
    } else word += char;
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * Whether a command was written for Windows cmd: Chrome's and Firefox's "Copy as cURL (cmd)"
 * quote every word as ^"…^", and cmd continues lines with a trailing ^.
 */
export function looksLikeCmd(command: string): boolean {
  return /\^"/.test(command) || /[ \t]\^\r?\n/.test(command);
}

/**
 * Splits a Windows cmd command line into the words curl.exe receives, in cmd's two stages.
 * cmd.exe: outside double quotes ^ escapes the next character (^ then a line break continues the
 * line; ^ then two line breaks is one line break in the text). The C runtime then splits on
 * spaces outside double quotes, with \" a literal quote. Browsers double every backslash before
 * that (Chromium's escapeStringWin), so \\ is read as one backslash; a lone \ stays as it is.
 */
export function cmdWords(command: string): string[] {
  let afterCmd = '';
  let cmdQuoted = false;
  for (let i = 0; i < command.length; i++) {
    const char = command[i]!;
    if (char === '"') {
      cmdQuoted = !cmdQuoted;
      afterCmd += char;
    } else if (char === '^' && !cmdQuoted && i + 1 < command.length) {
      let next = command[++i]!;
      if (next === '\r' && command[i + 1] === '\n') next = command[++i]!;
      if (next === '\n') {
        // A continuation: the first character of the next line is taken literally; when that is
        // another line break, the text has a line break.
        if (command[i + 1] === '\r' && command[i + 2] === '\n') i++;
        if (command[i + 1] === '\n') {
          afterCmd += '\n';
          i++;
        } else afterCmd += ' ';
      } else afterCmd += next;
    } else afterCmd += char;
  }
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < afterCmd.length; i++) {
    const char = afterCmd[i]!;
    if (!quoted && (char === ' ' || char === '\t' || char === '\n' || char === '\r')) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (char === '"') {
      quoted = !quoted;
    } else if (char === '\\') {
      let count = 0;
      while (afterCmd[i] === '\\') {
        count++;
        i++;
      }
      if (afterCmd[i] === '"') {
        word += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) word += '"';
        else quoted = !quoted;
      } else {
        word += '\\'.repeat(Math.ceil(count / 2));
        i--;
      }
    } else word += char;
  }
  if (inWord) words.push(word);
  return words;
}

/** Splits a command as bash or as cmd, whichever it was written for. */
export function commandWords(command: string): string[] {
  return looksLikeCmd(command) ? cmdWords(command) : shellWords(command);
}
