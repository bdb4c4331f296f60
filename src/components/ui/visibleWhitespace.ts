export type WhitespaceKind = 'text' | 'space' | 'tab' | 'invisible';

export interface WhitespaceSegment {
  kind: WhitespaceKind;
  text: string;
}

// Characters that look like nothing, or like a plain space, but are different bytes: a
// non-breaking space pasted into a header value is a classic cause of a signature mismatch.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
  /[\u0000-\u0008\u000b-\u001f\u007f-\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/;

/**
 * Splits a line so the page can show the whitespace that matters: spaces at either end and runs
 * of two or more (SigV4 trims and folds header values, so these are where mismatches hide),
 * every tab, and invisible or look-alike characters. Single spaces between words stay plain text,
 * so ordinary lines read normally. Joining the segments' text gives the line back unchanged.
 */
export function markWhitespace(line: string): WhitespaceSegment[] {
  const segments: WhitespaceSegment[] = [];
  const push = (kind: WhitespaceKind, text: string) => {
    const last = segments[segments.length - 1];
    if (last !== undefined && last.kind === kind && kind === 'text') last.text += text;
    else segments.push({ kind, text });
  };
  const chars = Array.from(line);
  chars.forEach((char, index) => {
    if (char === ' ') {
      const leading = chars.slice(0, index).every((c) => c === ' ');
      const trailing = chars.slice(index + 1).every((c) => c === ' ');
      const doubled = chars[index - 1] === ' ' || chars[index + 1] === ' ';
      // Each marked space is its own segment: one visible mark per byte.
      if (leading || trailing || doubled) segments.push({ kind: 'space', text: ' ' });
      else push('text', char);
    } else if (char === '\t') segments.push({ kind: 'tab', text: char });
    else if (INVISIBLE.test(char)) segments.push({ kind: 'invisible', text: char });
    else push('text', char);
  });
  return segments;
}

/** U+00A0 for a title attribute: which invisible character it is. */
export function describeCodePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
