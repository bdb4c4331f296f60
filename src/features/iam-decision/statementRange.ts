/**
 * Where statement `index` lies in a policy document's text (as JSON.stringify(…, null, 2) writes
 * it, the way the gateway sends policies): start and end offsets of its object, for selecting it
 * in the editor. Undefined when the text is laid out otherwise.
 */
export function statementRange(
  text: string,
  index: number,
): { start: number; end: number } | undefined {
  const list = text.indexOf('"Statement": [');
  if (list < 0) return undefined;
  let start = list;
  for (let i = 0; i <= index; i++) {
    start = text.indexOf('\n    {', start + 1);
    if (start < 0) return undefined;
  }
  const end = text.indexOf('\n    }', start);
  return end < 0 ? undefined : { start: start + 1, end: end + 6 };
}
