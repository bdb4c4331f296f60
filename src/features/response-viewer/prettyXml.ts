// XML re-indented for reading: one element per line, an element holding only text kept on one
// line, comments, CDATA, processing instructions and the doctype kept as written. It only cuts
// and indents the text; it resolves no entity and fetches nothing (no DTD, no external entity),
// so it is safe on any answer. It is not a validator: mismatched tags are indented as they come;
// a construct left open (`<a`, `<!--` without its end) makes it give up with the offset.
//
// Written here rather than taken from npm: xml-formatter 3.7 took 187 s on a 4.5 MB document
// (it is quadratic) and overflowed the stack on 20,000 nested elements; the browser's DOMParser
// would not run in the unit tests and re-serializes (entities and CDATA come back changed).
// This is one pass with indexOf: linear in the input.

export type PrettyXml = { ok: true; text: string } | { ok: false; message: string };

/** Deeper levels are drawn at this depth, so the output stays linear in the input. */
const MAX_INDENT_LEVELS = 32;

export function prettyXml(xml: string, indent = '  '): PrettyXml {
  const lines: string[] = [];
  let depth = 0;
  /** The line of the start tag just written, while nothing else followed it. */
  let openLine = -1;
  const emit = (text: string) => {
    lines.push(indent.repeat(Math.min(depth, MAX_INDENT_LEVELS)) + text);
    openLine = -1;
  };
  const unterminated = (what: string, at: number): PrettyXml => ({
    ok: false,
    message: `Not well-formed XML: ${what} at offset ${at} is never closed.`,
  });

  let at = 0;
  while (at < xml.length) {
    if (xml[at] !== '<') {
      const next = xml.indexOf('<', at);
      const stop = next < 0 ? xml.length : next;
      const text = xml.slice(at, stop).trim();
      if (text !== '') {
        if (openLine === lines.length - 1 && openLine >= 0 && xml.startsWith('</', stop)) {
          lines[openLine] += text;
        } else {
          emit(text);
        }
      }
      at = stop;
      continue;
    }
    const closer = xml.startsWith('<!--', at)
      ? ['-->', 'a comment']
      : xml.startsWith('<![CDATA[', at)
        ? [']]>', 'a CDATA section']
        : xml.startsWith('<?', at)
          ? ['?>', 'a processing instruction']
          : null;
    if (closer !== null) {
      const close = xml.indexOf(closer[0]!, at + 2);
      if (close < 0) return unterminated(closer[1]!, at);
      emit(xml.slice(at, close + closer[0]!.length));
      at = close + closer[0]!.length;
      continue;
    }
    if (xml.startsWith('</', at)) {
      const close = xml.indexOf('>', at);
      if (close < 0) return unterminated('an end tag', at);
      const tag = xml.slice(at, close + 1);
      depth = Math.max(0, depth - 1);
      if (openLine >= 0 && openLine === lines.length - 1) {
        lines[openLine] += tag;
        openLine = -1;
      } else {
        emit(tag);
      }
      at = close + 1;
      continue;
    }
    // A start tag, or <!DOCTYPE …> with its internal subset: up to the '>' outside quotes and [].
    const close = tagEnd(xml, at);
    if (close < 0) return unterminated(xml.startsWith('<!', at) ? 'a declaration' : 'a tag', at);
    const tag = xml.slice(at, close + 1);
    emit(tag);
    if (!tag.startsWith('<!') && !tag.endsWith('/>')) {
      openLine = lines.length - 1;
      depth += 1;
    }
    at = close + 1;
  }
  return { ok: true, text: lines.join('\n') };
}

/** The index of the '>' that ends the tag starting at `start`, or -1. */
function tagEnd(xml: string, start: number): number {
  let quote = '';
  let brackets = 0;
  for (let at = start + 1; at < xml.length; at++) {
    const char = xml[at]!;
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[') brackets += 1;
    else if (char === ']') brackets = Math.max(0, brackets - 1);
    else if (char === '>' && brackets === 0) return at;
  }
  return -1;
}
