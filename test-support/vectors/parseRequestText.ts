/** A request as written in a test suite's request.txt or *-signed-request.txt. */
export interface RequestText {
  method: string;
  /** Path and query exactly as written (may contain spaces or raw UTF-8). */
  target: string;
  headers: Array<[string, string]>;
  body: string;
}

/**
 * Parses the suite's loose HTTP: the request line is split on its first and last space (paths may
 * contain spaces), header lines are `Name:value` with optional whitespace around the value, lines
 * starting with whitespace continue the previous header (obs-fold, kept with their line break so
 * the signer's whitespace folding is what is tested), and the body follows the first empty line.
 */
export function parseRequestText(text: string): RequestText {
  const normalized = text.replace(/\r/g, '');
  const blank = normalized.indexOf('\n\n');
  const head = blank < 0 ? normalized.replace(/\n$/, '') : normalized.slice(0, blank);
  const body = blank < 0 ? '' : normalized.slice(blank + 2);
  const [requestLine = '', ...headerLines] = head.split('\n');
  const first = requestLine.indexOf(' ');
  const last = requestLine.lastIndexOf(' ');
  if (first < 0 || last <= first)
    throw new Error(`Malformed request line: ${JSON.stringify(requestLine)}`);
  const headers: Array<[string, string]> = [];
  for (const line of headerLines) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const previous = headers[headers.length - 1]!;
      previous[1] += `\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`Malformed header line: ${JSON.stringify(line)}`);
    headers.push([line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
  }
  return {
    method: requestLine.slice(0, first),
    target: requestLine.slice(first + 1, last),
    headers,
    body,
  };
}
