// Reads Bruno's `.bru` files (requests, folder.bru, collection.bru, environments/*.bru) into their
// blocks, following the grammar of @usebruno/lang (packages/bruno-lang/v2/src/bruToJson.js and
// envToJson.js in usebruno/bruno): a block is a name and `{ … }` or `[ … ]`, and ends at a line
// that starts with `}` (or `]`); a dictionary holds `key: value` lines (`~key` is switched off,
// `"quoted key"`, values over several lines between `'''`), preceded by `@annotation(…)` lines;
// a text block (a body, a script, docs) is lines indented by two spaces.
//
// Written here rather than taken from @usebruno/lang: its ohm-js grammar took 16 s and 1 GB of
// memory on a 1 MB body and ran out of a 4 GB heap on a 5 MB one, and its index pulls in
// dotenv (Node's fs, path, os and crypto). This reads line by line, once: linear in the file, no
// backtracking regular expression.

export interface BruPair {
  name: string;
  value: string;
  /** `~name: value` — kept in the file, switched off. */
  enabled: boolean;
}

export type BruBlock =
  | { kind: 'dictionary'; name: string; pairs: BruPair[]; line: number }
  | { kind: 'text'; name: string; text: string; line: number }
  | { kind: 'list'; name: string; items: string[]; line: number };

export type BruFile = { ok: true; blocks: BruBlock[] } | { ok: false; error: string };

/** Blocks whose content is text, not `key: value` lines (bruToJson.js's textblock rules). */
const TEXT_BLOCKS = new Set([
  'body',
  'body:json',
  'body:text',
  'body:xml',
  'body:sparql',
  'body:graphql',
  'body:graphql:vars',
  'script:pre-request',
  'script:post-response',
  'tests',
  'docs',
  'example',
]);

/** `name {`, `name [`, or a one-line list `name [ a, b ]`; names are letters, digits, `:-_.`. */
const BLOCK_START = /^([A-Za-z][\w:.-]{0,200})[ \t]*([{[])[ \t]*(.*)$/;
const ANNOTATION = /^@[^\s():]{1,200}(?:\(|$)/;
const MULTILINE = "'''";

/** Text block content is indented by two spaces (bruno-lang's outdentString). */
function outdent(line: string): string {
  return line.startsWith('  ') ? line.slice(2) : line;
}

/** Bruno's multiline values are indented by four spaces inside their block. */
function outdentMultiline(line: string): string {
  let cut = 0;
  while (cut < 4 && (line[cut] === ' ' || line[cut] === '\t')) cut++;
  return line.slice(cut);
}

interface Cursor {
  lines: string[];
  at: number;
}

/** The end of a block: a line that starts with `closer` (bruno-lang's `tagend = nl "}"`). */
function isBlockEnd(line: string, closer: string): boolean {
  return line.startsWith(closer) && line.slice(1).trim() === '';
}

/** `"quoted \"key\""` at the start of `text`: the key and where it ends, or undefined. */
function readQuotedKey(text: string): { key: string; end: number } | undefined {
  let key = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && text[i + 1] === '"') {
      key += '"';
      i++;
      continue;
    }
    if (char === '"') return { key, end: i + 1 };
    key += char;
  }
  return undefined;
}

type PairLine = { name: string; enabled: boolean; rest: string } | { error: string };

function readPairLine(trimmed: string): PairLine {
  const enabled = !trimmed.startsWith('~');
  const text = enabled ? trimmed : trimmed.slice(1);
  let name: string;
  let after: string;
  if (text.startsWith('"')) {
    const quoted = readQuotedKey(text);
    if (quoted === undefined) return { error: 'a quoted name is not closed' };
    name = quoted.key;
    after = text.slice(quoted.end).trimStart();
  } else {
    const colon = text.indexOf(':');
    if (colon < 0) return { error: 'expected “name: value”' };
    name = text.slice(0, colon).trimEnd();
    // An unquoted name has no spaces (bruno-lang's keychar): `url https://…` is not a pair.
    if (/\s/.test(name)) return { error: 'expected “name: value”' };
    after = text.slice(colon);
  }
  if (!after.startsWith(':')) return { error: 'expected “:” after the name' };
  return { name, enabled, rest: after.slice(1).trim() };
}

/** Skips an annotation line, and the lines of a `'''` argument that spans several. */
function skipAnnotation(cursor: Cursor, closer: string): void {
  const line = cursor.lines[cursor.at]!;
  cursor.at++;
  const opened = line.indexOf(`(${MULTILINE}`);
  if (opened < 0 || line.indexOf(`${MULTILINE})`, opened + 4) >= 0) return;
  while (cursor.at < cursor.lines.length && !isBlockEnd(cursor.lines[cursor.at]!, closer)) {
    const ended = cursor.lines[cursor.at]!.includes(`${MULTILINE})`);
    cursor.at++;
    if (ended) return;
  }
}

function readDictionary(cursor: Cursor, name: string, start: number): BruBlock | { error: string } {
  const pairs: BruPair[] = [];
  while (cursor.at < cursor.lines.length) {
    const line = cursor.lines[cursor.at]!;
    if (isBlockEnd(line, '}')) {
      cursor.at++;
      return { kind: 'dictionary', name, pairs, line: start };
    }
    const trimmed = line.trim();
    if (trimmed === '') {
      cursor.at++;
      continue;
    }
    // `@number`, `@description('…')` before a pair (a pair's own name may start with '@' too:
    // `@key: value` has its colon where an annotation has '(' or nothing).
    if (ANNOTATION.test(trimmed)) {
      skipAnnotation(cursor, '}');
      continue;
    }
    const pair = readPairLine(trimmed);
    if ('error' in pair) return { error: `line ${cursor.at + 1}: ${pair.error} in ${name} { }` };
    cursor.at++;
    let value = pair.rest;
    if (value.length >= 6 && value.startsWith(MULTILINE) && value.endsWith(MULTILINE)) {
      value = value.slice(3, -3).trim();
    } else if (value === MULTILINE || value.startsWith(`${MULTILINE} `)) {
      // '''\n    line\n    line\n  ''' — the value is the lines between, outdented.
      const lines: string[] = [];
      let closed = false;
      while (cursor.at < cursor.lines.length && !isBlockEnd(cursor.lines[cursor.at]!, '}')) {
        const inner = cursor.lines[cursor.at]!;
        cursor.at++;
        if (inner.trim().startsWith(MULTILINE)) {
          closed = true;
          break;
        }
        lines.push(outdentMultiline(inner));
      }
      if (!closed)
        return {
          error: `line ${cursor.at}: the ''' value of ${pair.name} is not closed in ${name} { }`,
        };
      value = lines.join('\n').trim();
    } else if (value === '[') {
      // meta's `tags: [` list: its items are not read.
      while (cursor.at < cursor.lines.length && !isBlockEnd(cursor.lines[cursor.at]!, '}')) {
        const inner = cursor.lines[cursor.at]!.trim();
        cursor.at++;
        if (inner === ']') break;
      }
      value = '';
    }
    pairs.push({ name: pair.name, value, enabled: pair.enabled });
  }
  return { error: `line ${start}: ${name} { is never closed (a line with only } ends it)` };
}

function readText(
  cursor: Cursor,
  name: string,
  start: number,
  first: string,
): BruBlock | { error: string } {
  const lines: string[] = [];
  if (first !== '') lines.push(first);
  let leading = first === '';
  while (cursor.at < cursor.lines.length) {
    const line = cursor.lines[cursor.at]!;
    cursor.at++;
    if (isBlockEnd(line, '}')) return { kind: 'text', name, text: lines.join('\n'), line: start };
    // bruno-lang skips the blank lines right after `{`.
    if (leading && line.trim() === '') continue;
    leading = false;
    lines.push(outdent(line));
  }
  return { error: `line ${start}: ${name} { is never closed (a line with only } ends it)` };
}

/** `vars:secret [ a, b ]`, over one line or many; annotations before an item are skipped. */
function readList(
  cursor: Cursor,
  name: string,
  start: number,
  first: string,
): BruBlock | { error: string } {
  const items: string[] = [];
  const addItems = (text: string) => {
    for (const piece of text.split(',')) {
      const item = piece.trim();
      if (item !== '' && !item.startsWith('@')) items.push(item);
    }
  };
  const closeAt = first.indexOf(']');
  if (closeAt >= 0) {
    addItems(first.slice(0, closeAt));
    return { kind: 'list', name, items, line: start };
  }
  addItems(first);
  while (cursor.at < cursor.lines.length) {
    const line = cursor.lines[cursor.at]!;
    cursor.at++;
    const close = line.indexOf(']');
    if (close >= 0) {
      addItems(line.slice(0, close));
      return { kind: 'list', name, items, line: start };
    }
    const trimmed = line.trim();
    if (ANNOTATION.test(trimmed)) continue;
    addItems(trimmed);
  }
  return { error: `line ${start}: ${name} [ is never closed (a line with ] ends it)` };
}

/** The blocks of a `.bru` file, or the first line it cannot read. Never throws. */
export function readBruFile(text: string): BruFile {
  const cursor: Cursor = { lines: text.replace(/^\uFEFF/, '').split(/\r?\n/), at: 0 };
  const blocks: BruBlock[] = [];
  while (cursor.at < cursor.lines.length) {
    const line = cursor.lines[cursor.at]!;
    const trimmed = line.trim();
    const start = cursor.at + 1;
    if (trimmed === '') {
      cursor.at++;
      continue;
    }
    // An environment's `color: #hex` line (envToJson.js) is the tab's colour: nothing to import.
    if (/^color:/.test(trimmed)) {
      cursor.at++;
      continue;
    }
    const opened = BLOCK_START.exec(trimmed);
    if (opened === null)
      return {
        ok: false,
        error: `line ${start}: expected a block such as “get {” or “headers {”, found “${trimmed.slice(0, 40)}”`,
      };
    cursor.at++;
    const name = opened[1]!;
    const bracket = opened[2]!;
    const rest = opened[3]!;
    if (bracket === '[') {
      const list = readList(cursor, name, start, rest);
      if ('error' in list) return { ok: false, error: list.error };
      blocks.push(list);
      continue;
    }
    // `name {}` on one line: an empty block.
    if (rest.trim() === '}') {
      blocks.push(
        TEXT_BLOCKS.has(name)
          ? { kind: 'text', name, text: '', line: start }
          : { kind: 'dictionary', name, pairs: [], line: start },
      );
      continue;
    }
    const block = TEXT_BLOCKS.has(name)
      ? readText(cursor, name, start, rest)
      : rest === ''
        ? readDictionary(cursor, name, start)
        : { error: `line ${start}: nothing may follow “${name} {” on its line` };
    if ('error' in block) return { ok: false, error: block.error };
    blocks.push(block);
  }
  return { ok: true, blocks };
}
