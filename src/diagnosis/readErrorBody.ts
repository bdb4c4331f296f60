// The message, error type and (S3) computed canonical request of an error body, whichever shape
// the service sent: JSON ({message}, {Message}, {Error: {Message}}), XML (S3's <Error>, STS's
// <ErrorResponse>), or plain text.
import { parseStsError } from '../request/sts/responses';

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

/** What an error body says, before its message is classified. */
export interface ErrorBody {
  message: string;
  type?: string;
  canonicalRequest?: string;
  stringToSign?: string;
  /** S3's RequestTimeTooSkewed: the request's time and S3's, as S3 wrote them. */
  requestTime?: string;
  serverTime?: string;
  /** S3's RequestTimeTooSkewed: the skew it allows. */
  maxSkewMs?: number;
  /** STS's <ErrorResponse>: its error as a sentence (explainStsError). */
  explanation?: string;
}

/** The message of a JSON ({message}, {Message}, {Error: {Message}}), XML or plain-text body. */
export function readErrorBody(body: string): ErrorBody {
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
      const result: ErrorBody = { message };
      const type = xmlTag(text, 'Code');
      if (type !== undefined) result.type = type;
      // S3 sends what it computed in elements of their own.
      const canonicalRequest = xmlTag(text, 'CanonicalRequest');
      const stringToSign = xmlTag(text, 'StringToSign');
      if (canonicalRequest !== undefined) result.canonicalRequest = canonicalRequest;
      if (stringToSign !== undefined) result.stringToSign = stringToSign;
      const requestTime = xmlTag(text, 'RequestTime');
      const serverTime = xmlTag(text, 'ServerTime');
      const maxSkew = Number(xmlTag(text, 'MaxAllowedSkewMilliseconds'));
      if (requestTime !== undefined) result.requestTime = requestTime.trim();
      if (serverTime !== undefined) result.serverTime = serverTime.trim();
      if (maxSkew > 0) result.maxSkewMs = maxSkew;
      // STS (and the other query-protocol services) wrap the error in <ErrorResponse>.
      const sts = parseStsError(text);
      if (sts !== undefined && sts.code !== '') result.explanation = sts.sentence;
      return result;
    }
  }
  return { message: text };
}
