// Reads an AWS error out of whatever a user pastes: the body, the bare message, a whole HTTP
// response, curl -i or -v output, escaped or quoted text.
import { parseAwsError, type ParsedAwsError } from './parseAwsError';
import { parseJsonLoose } from './readErrorBody';

const STATUS_LINE = /^(?:< )?HTTP\/\d(?:\.\d)? \d{3}\b.*$/gm;

/** Headers and body of the last HTTP response in a pasted curl -i / -v output. */
function splitHttpResponse(text: string): { headers: Array<[string, string]>; body: string } {
  const starts = [...text.matchAll(STATUS_LINE)].map((match) => match.index);
  const start = starts.at(-1) ?? 0;
  const lines = text.slice(start).split('\n');
  const headers: Array<[string, string]> = [];
  let index = 1;
  for (; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '').replace(/^< ?/, '');
    if (line.trim() === '') break;
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  const body = lines
    .slice(index + 1)
    .filter((line) => !/^[*>] /.test(line)) // curl -v chatter
    .join('\n');
  return { headers, body };
}

/** Undoes the escapes of a JSON or JavaScript string literal that was pasted without its quotes. */
function unescapeLiteral(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (whole, code: string) => {
    switch (code[0]) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
      case 'x':
        return code.length > 1 ? String.fromCharCode(parseInt(code.slice(1), 16)) : whole;
      default:
        return code;
    }
  });
}

function stripQuotes(text: string): string {
  const first = text[0];
  if (text.length >= 2 && (first === '"' || first === "'" || first === '`') && text.endsWith(first))
    return text.slice(1, -1);
  return text;
}

/**
 * Whatever a user pastes: the JSON, the bare message, a whole HTTP response with headers, curl -i
 * or -v output, JSON whose message has escaped \n or real line breaks, surrounding quotes.
 */
export function parsePastedError(text: string): ParsedAwsError {
  let body = text.replace(/^\uFEFF/, '').trim();
  let errorType: string | undefined;
  STATUS_LINE.lastIndex = 0;
  if (STATUS_LINE.test(body)) {
    STATUS_LINE.lastIndex = 0;
    const response = splitHttpResponse(body);
    errorType = response.headers.find(([name]) => name.toLowerCase() === 'x-amzn-errortype')?.[1];
    body = response.body.trim();
  } else {
    const typeLine = /^x-amzn-ErrorType:[ \t]*(\S+)[ \t]*$/im.exec(body);
    if (typeLine) {
      errorType = typeLine[1];
      body = body.replace(typeLine[0], '').trim();
    }
  }
  // A JSON string literal, quoted: "The request signature ...\n\n..."
  if (body.startsWith('"') && body.endsWith('"')) {
    const literal = parseJsonLoose(body);
    if (typeof literal === 'string') body = literal.trim();
  }
  // A body echoed in quotes by a shell: '{"message":...}'
  const unquoted = stripQuotes(body);
  if (unquoted !== body && (unquoted.startsWith('{') || unquoted.startsWith('<')))
    body = unquoted.trim();
  if (!body.startsWith('{') && !body.startsWith('<')) {
    body = stripQuotes(body);
    // A message copied from a log where its line breaks show as \n.
    if (/\\n/.test(body) && !/\n/.test(body)) body = unescapeLiteral(body);
  } else if (body.startsWith('{')) {
    // A JSON object copied out of a larger text: keep from its first brace to its last.
    body = body.slice(0, body.lastIndexOf('}') + 1);
    const parsed = parseJsonLoose(body);
    if (parsed === undefined) {
      const message = /"[Mm]essage"\s*:\s*"((?:[^"\\]|\\[\s\S])*)"/.exec(body);
      if (message) body = unescapeLiteral(message[1]!);
    }
  }
  return parseAwsError({ body, errorType: errorType ?? null });
}
