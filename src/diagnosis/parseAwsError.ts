// Reads an AWS error answer (the JSON, XML or text body, or whatever a user pastes) into what the
// error doctor and the mismatch diff need. The texts are API Gateway's, verbatim
// (docs/api-gateway-iam-errors.md), plus those AWS's other SigV4 services send for
// the same faults. Total: any text gives a result, and text that is not an AWS error is kind
// 'unknown' (no catch-all hides a throw: the property tests would see it).

export type AwsErrorKind =
  | 'signature-mismatch'
  | 'signature-mismatch-short'
  | 'signature-expired'
  | 'signature-not-yet-current'
  | 'missing-authentication-token'
  | 'incomplete-signature'
  | 'unrecognized-client'
  | 'expired-token'
  | 'access-denied'
  | 'wrong-scope'
  | 'malformed-date'
  | 'signed-header-missing'
  | 'host-not-signed'
  | 'unknown';

export interface ParsedAwsError {
  kind: AwsErrorKind;
  /** The error type: x-amzn-ErrorType without qualifiers, or the body's __type / Code. */
  type?: string;
  message: string;
  /** signature-mismatch: what AWS computed. */
  canonicalRequest?: string;
  stringToSign?: string;
  /** wrong-scope: the region named as wrong. */
  region?: string;
  /** wrong-scope: the service AWS wants. */
  expectedService?: string;
  /** wrong-scope: the terminator named as wrong (not aws4_request). */
  terminator?: string;
  /** wrong-scope: the Credential's date and X-Amz-Date's, when they differ. */
  scopeDate?: string;
  requestDate?: string;
  /** signature-expired / not-yet-current: ISO 8601 basic, as in the text. */
  requestTime?: string;
  serverTime?: string;
  /** signature-expired: the allowed window as written ('5 min', '3600 sec'). */
  window?: string;
  /** access-denied */
  callerArn?: string;
  resourceArn?: string;
  action?: string;
  explicitDeny?: boolean;
  /** signed-header-missing */
  missingHeader?: string;
  /** incomplete-signature: 'Credential', 'Signature', 'SignedHeaders', 'X-Amz-Date'. */
  missingParts?: string[];
  /** incomplete-signature: the Authorization value AWS echoed. */
  authorization?: string;
  /** malformed-date: the value AWS got. */
  invalidValue?: string;
}

const MISMATCH = 'does not match the signature you provided';
const CANONICAL_MARKER = "The Canonical String for this request should have been\n'";
const STRING_TO_SIGN_MARKER = "'\n\nThe String-to-Sign should have been\n'";

/** The error type without the qualifiers services add (`Name:uri`, `namespace#Name`). */
export function normalizeErrorType(type: string | null | undefined): string | undefined {
  if (typeof type !== 'string') return undefined;
  const name = type.split(':')[0]!.split('#').at(-1)!.trim();
  return name === '' ? undefined : name;
}

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (entity, code: string) => {
    if (code.startsWith('#x')) return safeFromCodePoint(parseInt(code.slice(2), 16), entity);
    if (code.startsWith('#')) return safeFromCodePoint(parseInt(code.slice(1), 10), entity);
    return XML_ENTITIES[code] ?? entity;
  });
}

function safeFromCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : fallback;
}

/** The first <tag>…</tag>, found with indexOf: a lazy regex would rescan the text from every <tag>. */
function xmlTag(xml: string, tag: string): string | undefined {
  const open = `<${tag}>`;
  const start = xml.indexOf(open);
  if (start < 0) return undefined;
  const end = xml.indexOf(`</${tag}>`, start + open.length);
  return end < 0 ? undefined : decodeXml(xml.slice(start + open.length, end));
}

/**
 * JSON.parse that also accepts the raw line breaks and tabs a copy from a terminal or log leaves
 * inside string literals.
 */
export function parseJsonLoose(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Escape control characters inside strings only; outside them they are JSON whitespace.
    let repaired = '';
    let inString = false;
    let escaped = false;
    for (const char of text) {
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
        else if (char === '\n') {
          repaired += '\\n';
          continue;
        } else if (char === '\r') {
          repaired += '\\r';
          continue;
        } else if (char === '\t') {
          repaired += '\\t';
          continue;
        }
      } else if (char === '"') inString = true;
      repaired += char;
    }
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringField = (record: Record<string, unknown>, ...names: string[]) => {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
};

interface BodyMessage {
  message: string;
  type?: string;
  canonicalRequest?: string;
  stringToSign?: string;
}

/** The message of a JSON ({message}, {Message}, {Error: {Message}}), XML or plain-text body. */
function readBody(body: string): BodyMessage {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('{')) {
    const parsed = parseJsonLoose(text);
    if (isRecord(parsed)) {
      const inner = isRecord(parsed.Error)
        ? parsed.Error
        : isRecord(parsed.error)
          ? parsed.error
          : {};
      const message =
        stringField(parsed, 'message', 'Message', 'errorMessage', 'error_description') ??
        stringField(inner, 'Message', 'message');
      const type =
        stringField(parsed, '__type', 'code', 'Code') ?? stringField(inner, 'Code', 'code');
      if (message !== undefined) return type === undefined ? { message } : { message, type };
    }
  }
  if (text.startsWith('<')) {
    const message = xmlTag(text, 'Message');
    if (message !== undefined) {
      const result: BodyMessage = { message };
      const type = xmlTag(text, 'Code');
      if (type !== undefined) result.type = type;
      // S3 sends what it computed in elements of their own.
      const canonicalRequest = xmlTag(text, 'CanonicalRequest');
      const stringToSign = xmlTag(text, 'StringToSign');
      if (canonicalRequest !== undefined) result.canonicalRequest = canonicalRequest;
      if (stringToSign !== undefined) result.stringToSign = stringToSign;
      return result;
    }
  }
  return { message: text };
}

function readMismatch(message: string, result: ParsedAwsError): void {
  const text = message.replace(/\r\n/g, '\n');
  const start = text.indexOf(CANONICAL_MARKER);
  const middle = text.lastIndexOf(STRING_TO_SIGN_MARKER);
  if (start >= 0 && middle >= start + CANONICAL_MARKER.length - 1) {
    const afterMiddle = text.slice(middle + STRING_TO_SIGN_MARKER.length);
    const end = afterMiddle.lastIndexOf("'");
    result.canonicalRequest = text.slice(start + CANONICAL_MARKER.length, middle);
    result.stringToSign = end < 0 ? afterMiddle : afterMiddle.slice(0, end);
  }
  result.kind =
    result.canonicalRequest !== undefined || result.stringToSign !== undefined
      ? 'signature-mismatch'
      : 'signature-mismatch-short';
}

const KIND_BY_TYPE: Record<string, AwsErrorKind> = {
  MissingAuthenticationTokenException: 'missing-authentication-token',
  MissingAuthenticationToken: 'missing-authentication-token',
  UnrecognizedClientException: 'unrecognized-client',
  InvalidClientTokenId: 'unrecognized-client',
  ExpiredTokenException: 'expired-token',
  ExpiredToken: 'expired-token',
  AccessDeniedException: 'access-denied',
  AccessDenied: 'access-denied',
  IncompleteSignatureException: 'incomplete-signature',
  IncompleteSignature: 'incomplete-signature',
  SignatureDoesNotMatch: 'signature-mismatch-short',
};

const AUTH_PARTS: Array<[RegExp, string]> = [
  [/requires 'Credential' parameter/, 'Credential'],
  [/requires 'Signature' parameter/, 'Signature'],
  [/requires 'SignedHeaders' parameter/, 'SignedHeaders'],
  [/requires existence of either a 'X-Amz-Date' or a 'Date' header/, 'X-Amz-Date'],
];

/**
 * A sticky pattern tried once, where its fixed opening first occurs. A plain exec would try it
 * again after every occurrence, each try scanning to the end of the line: quadratic on a pasted
 * text that repeats the opening. AWS's messages hold it once.
 */
function execAtFirst(text: string, opening: string, pattern: RegExp): RegExpExecArray | null {
  const at = text.indexOf(opening);
  if (at < 0) return null;
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function classify(message: string, result: ParsedAwsError): void {
  let match: RegExpExecArray | null;
  if (message.includes(MISMATCH)) {
    readMismatch(message, result);
  } else if (
    (match = execAtFirst(
      message,
      'Signature expired: ',
      /Signature expired: (\S+) is now earlier than (\S+) \((\S+) - ([^)]*?)\.?\)/y,
    ))
  ) {
    result.kind = 'signature-expired';
    result.requestTime = match[1]!;
    result.serverTime = match[3]!;
    result.window = match[4]!;
  } else if (
    (match = execAtFirst(
      message,
      'Signature not yet current: ',
      /Signature not yet current: (\S+) is still later than (\S+) \((\S+) \+ ([^)]*?)\.?\)/y,
    ))
  ) {
    result.kind = 'signature-not-yet-current';
    result.requestTime = match[1]!;
    result.serverTime = match[3]!;
    result.window = match[4]!;
  } else if (/^\s*Missing Authentication Token/.test(message)) {
    result.kind = 'missing-authentication-token';
  } else if (/security token included in the request is expired/.test(message)) {
    result.kind = 'expired-token';
  } else if (/security token included in the request is invalid/.test(message)) {
    result.kind = 'unrecognized-client';
  } else if (
    (match =
      /User: (\S+) is not authorized to perform: (\S+?)(?: on resource: (\S+))?(?=$|\s)/.exec(
        message,
      ))
  ) {
    result.kind = 'access-denied';
    result.callerArn = match[1]!;
    result.action = match[2]!;
    if (match[3] !== undefined) result.resourceArn = match[3];
    result.explicitDeny = /with an explicit deny/.test(message);
  } else if (/Credential should be scoped to (a valid region|correct service)/.test(message)) {
    result.kind = 'wrong-scope';
    const region = /scoped to a valid region, not '([^']*)'/.exec(message);
    const service = /scoped to correct service: '([^']*)'/.exec(message);
    if (region) result.region = region[1]!;
    if (service) result.expectedService = service[1]!;
  } else if ((match = /scoped with a valid terminator: '[^']*', not '([^']*)'/.exec(message))) {
    result.kind = 'wrong-scope';
    result.terminator = match[1]!;
  } else if (
    (match = execAtFirst(
      message,
      'Date in Credential scope does not match ',
      /Date in Credential scope does not match .*?: '([^']*)' != '([^']*)'/y,
    ))
  ) {
    result.kind = 'wrong-scope';
    result.scopeDate = match[1]!;
    result.requestDate = match[2]!;
  } else if ((match = /^'(.*)' is named as a SignedHeader, but it does not exist/.exec(message))) {
    result.kind = 'signed-header-missing';
    result.missingHeader = match[1]!;
  } else if (/'Host' must be a 'SignedHeader'/.test(message)) {
    result.kind = 'host-not-signed';
  } else if (
    (match = execAtFirst(
      message,
      "Date must be in ISO-8601 'basic format'. Got '",
      /Date must be in ISO-8601 'basic format'\. Got '(.*)'\. See /y,
    ))
  ) {
    result.kind = 'malformed-date';
    result.invalidValue = match[1]!;
  } else if (/Authorization header requires /.test(message)) {
    result.kind = 'incomplete-signature';
    result.missingParts = AUTH_PARTS.filter(([pattern]) => pattern.test(message)).map(
      ([, part]) => part,
    );
    const echoed = /Authorization=([\s\S]*)$/.exec(message);
    if (echoed) result.authorization = echoed[1]!;
  } else if (/Credential must have exactly 5 slash-delimited elements/.test(message)) {
    result.kind = 'incomplete-signature';
    result.missingParts = ['Credential'];
  } else if (
    /Invalid key=value pair|AWS query-string parameters must include|X-Amz-Expires (must|should)/.test(
      message,
    )
  ) {
    result.kind = 'incomplete-signature';
  } else if (result.type !== undefined) {
    result.kind = KIND_BY_TYPE[result.type] ?? 'unknown';
  }
}

function parseMessage(body: BodyMessage, errorType: string | null | undefined): ParsedAwsError {
  const type = normalizeErrorType(errorType) ?? normalizeErrorType(body.type);
  const result: ParsedAwsError = { kind: 'unknown', message: body.message };
  if (type !== undefined) result.type = type;
  classify(body.message, result);
  // S3 puts the canonical request in elements of its own, not in the message.
  if (body.canonicalRequest !== undefined || body.stringToSign !== undefined) {
    if (result.kind === 'signature-mismatch-short' || result.kind === 'unknown')
      result.kind = 'signature-mismatch';
    if (body.canonicalRequest !== undefined) result.canonicalRequest = body.canonicalRequest;
    if (body.stringToSign !== undefined) result.stringToSign = body.stringToSign;
  }
  return result;
}

/** An AWS answer: body is the raw response text; errorType the x-amzn-ErrorType header. */
export function parseAwsError(input: { body: string; errorType?: string | null }): ParsedAwsError {
  return parseMessage(readBody(input.body), input.errorType);
}

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
  return parseMessage(readBody(body), errorType);
}
