// What an API Gateway answer must look like, checked in the gateway's tests. The "case N" numbers
// are the rows of docs/api-gateway-iam-errors.md.
import { expect } from 'vitest';
import type { Reply } from './gatewayTestClients';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The body of a successful call to the 'hello' integration: a JSON string. */
export const helloBody = (callerArn: string, method: string, body?: string) =>
  JSON.stringify(
    body === undefined
      ? `${callerArn} sent a ${method}`
      : `${callerArn} sent a ${method} with body: ${body}`,
  );

export function expectSuccess(reply: Reply, body?: string) {
  expect(reply.status, reply.body).toBe(200);
  expect(reply.headers['content-type']).toBe('application/json');
  expect(reply.headers['x-amzn-requestid']).toMatch(UUID);
  expect(reply.headers['x-amzn-errortype']).toBeUndefined();
  if (body !== undefined) expect(reply.body).toBe(body);
  expect(reply.log).toHaveLength(1);
  expect(reply.log[0]).toMatch(/ 200 -$/);
}

/**
 * An API Gateway authentication/authorization failure: 403, x-amzn-ErrorType (in that spelling),
 * a UUID x-amzn-RequestId, JSON with the one key `message` (`Message` for access denied), and
 * exactly one log line naming the status and the error type. Returns the message.
 */
export function expectGatewayError(reply: Reply, type: string, message?: string | RegExp): string {
  expect(reply.status, reply.body).toBe(403);
  expect(reply.headerNames).toContain('x-amzn-ErrorType');
  expect(reply.headerNames).toContain('x-amzn-RequestId');
  expect(reply.headers['x-amzn-errortype']).toBe(type);
  expect(reply.headers['x-amzn-requestid']).toMatch(UUID);
  expect(reply.headers['content-type']).toBe('application/json');
  const body = JSON.parse(reply.body) as Record<string, unknown>;
  const key = type === 'AccessDeniedException' ? 'Message' : 'message';
  expect(Object.keys(body)).toEqual([key]);
  const text = body[key];
  expect(typeof text).toBe('string');
  if (typeof message === 'string') expect(text).toBe(message);
  else if (message) expect(text).toMatch(message);
  expect(reply.log).toHaveLength(1);
  expect(reply.log[0]).toMatch(new RegExp(` 403 ${type}$`));
  return text as string;
}

const MISMATCH_PREFIX =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** Case 2's message as the gateway must write it for this canonical request and string to sign. */
export const mismatchMessage = (canonicalRequest: string, stringToSign: string) =>
  `${MISMATCH_PREFIX}\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`;

/** The canonical request and string to sign a case-2 message carries. */
export function readMismatch(message: string): { canonicalRequest: string; stringToSign: string } {
  const match =
    /\n\nThe Canonical String for this request should have been\n'([\s\S]*)'\n\nThe String-to-Sign should have been\n'([\s\S]*)'\n$/.exec(
      message,
    );
  if (!message.startsWith(MISMATCH_PREFIX) || !match)
    throw new Error(`Not a case-2 message: ${message}`);
  return { canonicalRequest: match[1]!, stringToSign: match[2]! };
}

/** An error answer of any kind the gateway gives: 4xx, x-amzn-ErrorType, JSON `message`/`Message`. */
export function expectApiGatewayStyleError(reply: Reply) {
  expect(reply.status).toBeGreaterThanOrEqual(400);
  expect(reply.status).toBeLessThan(500);
  expect(reply.headers['x-amzn-errortype']).toMatch(/^[A-Za-z]+Exception$/);
  expect(reply.headers['content-type']).toBe('application/json');
  const body = JSON.parse(reply.body) as Record<string, unknown>;
  expect(Object.keys(body)).toHaveLength(1);
  expect(typeof (body.message ?? body.Message)).toBe('string');
}
