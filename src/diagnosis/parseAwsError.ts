// Reads an AWS error answer into what the error doctor and the mismatch diff need: readErrorBody
// finds the message in the JSON, XML or text body, classifyAwsMessage names the fault it states.
// Total: any text gives a result, and text that is not an AWS error is kind 'unknown' (no
// catch-all hides a throw: the property tests would see it). Pasted text: parsePastedError.
import { classifyAwsMessage } from './classifyAwsMessage';
import type { ParsedAwsError } from './parsedAwsError';
import { readErrorBody, type ErrorBody } from './readErrorBody';

// The page and the error doctor know these types as parseAwsError's.
export type { AwsErrorKind, ParsedAwsError } from './parsedAwsError';

/** The error type without the qualifiers services add (`Name:uri`, `namespace#Name`). */
export function normalizeErrorType(type: string | null | undefined): string | undefined {
  if (typeof type !== 'string') return undefined;
  const name = type.split(':')[0]!.split('#').at(-1)!.trim();
  return name === '' ? undefined : name;
}

/** 2026-11-30T01:20:00.123Z (S3's ServerTime) as X-Amz-Date's 20261130T012000Z. */
function toAmzDate(time: string): string | undefined {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?Z$/.exec(time);
  return match ? `${match[1]}${match[2]}${match[3]}T${match[4]}${match[5]}${match[6]}Z` : undefined;
}

/** S3's RequestTimeTooSkewed carries both times: the clock advice of an expired signature. */
function readSkew(body: ErrorBody, result: ParsedAwsError): void {
  const requestTime = toAmzDate(body.requestTime ?? '');
  const serverTime = toAmzDate(body.serverTime ?? '');
  if (requestTime === undefined || serverTime === undefined) return;
  result.kind = requestTime < serverTime ? 'signature-expired' : 'signature-not-yet-current';
  result.requestTime = requestTime;
  result.serverTime = serverTime;
  if (body.maxSkewMs !== undefined) result.window = `${Math.round(body.maxSkewMs / 60_000)} min`;
}

/** An AWS answer: body is the raw response text; errorType the x-amzn-ErrorType header. */
export function parseAwsError(input: { body: string; errorType?: string | null }): ParsedAwsError {
  const body = readErrorBody(input.body);
  const type = normalizeErrorType(input.errorType) ?? normalizeErrorType(body.type);
  const result: ParsedAwsError = { kind: 'unknown', message: body.message };
  if (type !== undefined) result.type = type;
  classifyAwsMessage(body.message, result);
  if (body.explanation !== undefined && result.explanation === undefined)
    result.explanation = body.explanation;
  if (type === 'RequestTimeTooSkewed') readSkew(body, result);
  // S3 puts the canonical request in elements of its own, not in the message.
  if (body.canonicalRequest !== undefined || body.stringToSign !== undefined) {
    if (result.kind === 'signature-mismatch-short' || result.kind === 'unknown')
      result.kind = 'signature-mismatch';
    if (body.canonicalRequest !== undefined) result.canonicalRequest = body.canonicalRequest;
    if (body.stringToSign !== undefined) result.stringToSign = body.stringToSign;
  }
  return result;
}
