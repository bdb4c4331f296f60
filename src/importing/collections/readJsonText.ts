// Reads a file's text as JSON, and when it is not JSON says where: line and column of the first
// mistake. Engines word JSON.parse's errors differently and most give no position (Node 20:
// `Unexpected token '}', "{"a": }" is not valid JSON`), so the place is found by a scan of our own,
// run only after JSON.parse has refused the text.

export type JsonText = { ok: true; value: unknown } | { ok: false; error: string };

interface JsonMistake {
  /** Offset of the mistake in UTF-16 code units. */
  at: number;
  problem: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function shown(char: string | undefined): string {
  if (char === undefined) return 'the end of the file';
  if (char === '\n' || char === '\r') return 'a line break';
  return char === "'" ? `"'"` : `'${char}'`;
}

/** The end of the string that starts at `start` (its closing quote + 1), or the mistake in it. */
function scanString(text: string, start: number): number | JsonMistake {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') return i + 1;
    if (char === '\\') {
      const escaped = text[i + 1];
      if (escaped === 'u') {
        if (!HEX.test(text.slice(i + 2, i + 6)))
          return { at: i, problem: '\\u must be followed by four hexadecimal digits' };
        i += 6;
        continue;
      }
      if (escaped === undefined || !ESCAPES.has(escaped))
        return { at: i, problem: `${shown(escaped)} cannot follow a backslash in a string` };
      i += 2;
      continue;
    }
    if (char.charCodeAt(0) < 0x20)
      return {
        at: i,
        problem: `a string holds ${char === '\n' ? 'a line break' : 'a control character'}: write it as an escape (\\n)`,
      };
    i++;
  }
  return { at: start, problem: 'this string is never closed' };
}

/** The end of the literal or number that starts at `start`, or the mistake there. */
function scanScalar(text: string, start: number): number | JsonMistake {
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, start)) return start + literal.length;
  }
  NUMBER.lastIndex = start;
  const number = NUMBER.exec(text);
  if (number !== null && number[0] !== '' && number[0] !== '-') return start + number[0].length;
  const char = text[start];
  const hint =
    char === "'"
      ? ': JSON strings take double quotes'
      : char === '/' || char === '#'
        ? ': JSON has no comments'
        : '';
  return { at: start, problem: `expected a value, found ${shown(char)}${hint}` };
}

/**
 * Where the first mistake in `text` is. One pass with an explicit stack: no recursion, however
 * deep the nesting, and every step moves forward.
 */
export function locateJsonMistake(text: string): JsonMistake {
  const open: ('{' | '[')[] = [];
  type Expect =
    'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  let expect: Expect = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
    const char = text[i];
    if (expect === 'end') {
      return char === undefined
        ? { at: i, problem: 'the JSON is complete but JSON.parse refused it' }
        : { at: i, problem: `unexpected ${shown(char)} after the end of the JSON value` };
    }
    if (char === undefined) {
      const closer = open.at(-1) === '{' ? "'}'" : "']'";
      return {
        at: i,
        problem:
          open.length > 0 ? `the file ends before the closing ${closer}` : 'the file is empty',
      };
    }
    const top = open.at(-1);
    if (
      (expect === 'key-or-close' && char === '}') ||
      (expect === 'value-or-close' && char === ']')
    ) {
      open.pop();
      i++;
      expect = open.length === 0 ? 'end' : 'comma-or-close';
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (char !== '"') {
        const problem =
          char === '}'
            ? "a comma before '}': JSON allows no trailing comma"
            : `expected a property name in double quotes, found ${shown(char)}`;
        return { at: i, problem };
      }
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expect = 'colon';
      continue;
    }
    if (expect === 'colon') {
      if (char !== ':')
        return { at: i, problem: `expected ':' after the property name, found ${shown(char)}` };
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'comma-or-close') {
      const closer = top === '{' ? '}' : ']';
      if (char === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
        continue;
      }
      if (char === closer) {
        open.pop();
        i++;
        expect = open.length === 0 ? 'end' : 'comma-or-close';
        continue;
      }
      return { at: i, problem: `expected ',' or '${closer}', found ${shown(char)}` };
    }
    // A value.
    if (char === ']' && top === '[')
      return { at: i, problem: "a comma before ']': JSON allows no trailing comma" };
    if (char === '{' || char === '[') {
      open.push(char);
      i++;
      expect = char === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    const end = char === '"' ? scanString(text, i) : scanScalar(text, i);
    if (typeof end !== 'number') return end;
    i = end;
    expect = open.length === 0 ? 'end' : 'comma-or-close';
  }
}

/** Line and column (both from 1) of an offset. */
function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

/** Parses `text` as JSON (a leading byte-order mark is skipped); never throws. */
export function readJsonText(text: string, what: string): JsonText {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    const mistake = locateJsonMistake(body);
    const { line, column } = lineAndColumn(body, mistake.at);
    return {
      ok: false,
      error: `${what} is not valid JSON: ${mistake.problem} (line ${line}, column ${column}).`,
    };
  }
}
