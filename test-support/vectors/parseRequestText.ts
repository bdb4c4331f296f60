/** A request as written in a test suite's request.txt or *-signed-request.txt. */
export interface RequestText {
  method: string;
  /** Path and query exactly as written (may contain spaces or raw UTF-8). */
  target: string;
  headers: Array<[string, string]>;
  /** The bytes after the first empty line, exactly as in the file (CR and non-UTF-8 included). */
  body: Uint8Array;
}

const LF = 0x0a;
const CR = 0x0d;
const utf8Head = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses the suite's loose HTTP: the request line is split on its first and last space (paths may
 * contain spaces), header lines are `Name:value` with optional whitespace around the value, lines
 * starting with whitespace continue the previous header (obs-fold, kept with their line break so
 * the signer's whitespace folding is what is tested), and the body follows the first empty line.
 *
 * The head is UTF-8 text whose lines may end in CRLF or LF: CR is stripped there only. The body is
 * kept as bytes, so a body holding CR or bytes that are not UTF-8 reaches the signer unchanged
 * (aws-c-auth's runner strips CR from the whole file, which only works because its suite has no
 * CR in any body). A string is read as its UTF-8 bytes.
 */
export function parseRequestText(request: Uint8Array | string): RequestText {
  const bytes = typeof request === 'string' ? new TextEncoder().encode(request) : request;
  const { headEnd, bodyStart } = findHeadEnd(bytes);
  const head = decodeHead(bytes.subarray(0, headEnd)).replace(/\r/g, '');
  const [requestLine = '', ...headerLines] = head.replace(/\n$/, '').split('\n');
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
    body: bytes.slice(bodyStart),
  };
}

/**
 * Where the head ends: at the first line that is empty once its CRs are dropped (LF LF, CRLF CRLF
 * or a mix). Without such a line the whole text is head and the body is empty.
 */
function findHeadEnd(bytes: Uint8Array): { headEnd: number; bodyStart: number } {
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== LF) continue;
    if (lineStart > 0 && bytes.subarray(lineStart, i).every((byte) => byte === CR)) {
      return { headEnd: lineStart, bodyStart: i + 1 };
    }
    lineStart = i + 1;
  }
  return { headEnd: bytes.length, bodyStart: bytes.length };
}

function decodeHead(head: Uint8Array): string {
  try {
    return utf8Head.decode(head);
  } catch {
    throw new Error('Malformed request head: it is not UTF-8 text');
  }
}
