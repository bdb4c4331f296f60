import { describe, expect, it } from 'vitest';
import * as gateway from '../../server/gateway/gatewayErrors';
import { adviseOnError, type DoctorContext } from './errorDoctor';
import { parseAwsError, type ParsedAwsError } from './parseAwsError';
import { suggestStatement } from './suggestStatement';
import { TEST_API, traceFor } from '../../test-support/iamTraces';

const context: DoctorContext = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  hasSessionToken: false,
  method: 'POST',
  url: 'https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello',
  region: 'us-east-1',
  service: 'execute-api',
};

const parse = (error: { body: object; type: string }): ParsedAwsError =>
  parseAwsError({ body: JSON.stringify(error.body), errorType: error.type });

const advise = (error: { body: object; type: string }, overrides: Partial<DoctorContext> = {}) =>
  adviseOnError(parse(error), { ...context, ...overrides })!;

describe('adviseOnError', () => {
  it('has advice for every answer of the reference', () => {
    const answers = [
      gateway.missingAuthenticationToken(),
      gateway.signatureMismatch('GET\n/\n\nhost:h\n\nhost\nx', 'AWS4-HMAC-SHA256\nx\ny\nz'),
      {
        ...gateway.unrecognizedClient(),
        body: {
          message:
            'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
        },
      },
      gateway.signatureExpired('20260101T000000Z', '20260101T010000Z', '20260101T010500Z', '5 min'),
      gateway.signatureNotYetCurrent('20260101T020000Z', '20260101T010500Z', '20260101T010000Z'),
      gateway.unrecognizedClient(),
      gateway.expiredToken(),
      gateway.accessDenied('arn:aws:iam::1:user/a', 'arn:aws:execute-api:x:1:y/prod/GET/', false),
      gateway.accessDenied('arn:aws:iam::1:user/a', 'arn:aws:execute-api:x:1:y/prod/GET/', true),
      gateway.wrongScope('us-east-1', 'execute-api'),
      gateway.incompleteAuthorization(
        { credential: true, signature: true, signedHeaders: true, date: false },
        'Bearer x',
      ),
      gateway.invalidAuthorizationPair('abc'),
      gateway.signedHeaderMissing('x-a'),
      gateway.hostNotSigned(),
      gateway.malformedDate('x'),
    ];
    for (const answer of answers) {
      const advice = advise(answer);
      expect(advice.title).not.toBe('');
      expect(advice.meaning).not.toBe('');
    }
  });

  it('offers the region the URL names and the service AWS wants for a wrong scope', () => {
    const advice = advise(gateway.wrongScope('us-east-1', 'execute-api'), { service: 'lambda' });
    expect(advice.actions.map((action) => action.action)).toEqual([
      { kind: 'set-region', value: 'ca-central-1' },
      { kind: 'set-service', value: 'execute-api' },
    ]);
  });

  it('asks for the session token of an ASIA key', () => {
    const advice = advise(gateway.unrecognizedClient(), { accessKeyId: 'ASIAIOSFODNN7EXAMPLE' });
    expect(advice.actions[0]!.action).toEqual({ kind: 'focus-field', field: 'sessionToken' });
    const longTerm = advise(gateway.unrecognizedClient());
    expect(longTerm.actions[0]!.action).toEqual({ kind: 'focus-field', field: 'accessKeyId' });
  });

  it("offers to sign with the server's clock, from its Date header", () => {
    const receivedAt = Date.parse('2026-01-01T00:00:00Z');
    const advice = advise(
      gateway.signatureExpired('20251231T230000Z', '20251231T235500Z', '20260101T001000Z', '5 min'),
      { serverDate: 'Thu, 01 Jan 2026 00:10:00 GMT', receivedAt },
    );
    expect(advice.actions).toContainEqual({
      label: 'Sign with the server’s clock',
      action: { kind: 'set-clock-offset', seconds: 600 },
    });
    const fromMessage = advise(
      gateway.signatureNotYetCurrent('20260101T010000Z', '20251231T235500Z', '20251231T235000Z'),
      { receivedAt },
    );
    expect(fromMessage.actions).toContainEqual({
      label: 'Sign with the server’s clock',
      action: { kind: 'set-clock-offset', seconds: -600 },
    });
  });

  it('lists the stage, path and method to check for a missing token', () => {
    const advice = advise(gateway.missingAuthenticationToken());
    expect(advice.meaning).toMatch(/unsigned|not signed/i);
    expect(advice.steps.join('\n')).toMatch(/“prod”/);
    expect(advice.steps.join('\n')).toMatch(/“\/hello”/);
    expect(advice.steps.join('\n')).toMatch(/POST/);
  });

  it('gives the invoked resource and a policy statement for access denied', () => {
    const resource = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/prod/POST/hello';
    const advice = advise(
      gateway.accessDenied('arn:aws:iam::850047500507:user/a', resource, false),
    );
    expect(advice.resourceArn).toBe(resource);
    expect(JSON.parse(advice.policyStatement!)).toEqual({
      Sid: 'AllowPostHello',
      Effect: 'Allow',
      Action: 'execute-api:Invoke',
      Resource: resource,
    });
    expect(advice.policyStatement).toContain('\n  "Effect": "Allow"');
  });

  it('gives the same statement as the IAM decision view for the same refused request', () => {
    const resource = `${TEST_API}/prod/GET/hello`;
    const advice = advise(
      gateway.accessDenied('arn:aws:iam::850047500507:user/demo', resource, false),
    );
    expect(JSON.parse(advice.policyStatement!)).toEqual(
      suggestStatement(traceFor(resource))!.statement,
    );
  });

  it('builds the resource ARN from the request when the message has none', () => {
    const advice = adviseOnError(
      { kind: 'access-denied', message: 'denied', callerArn: 'arn:aws:iam::850047500507:user/a' },
      { ...context, region: 'ca-central-1' },
    )!;
    expect(advice.resourceArn).toBe(
      'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/prod/POST/hello',
    );
  });

  it('offers "Who am I?" for the answers about the identity, and only those', () => {
    const offers = (error: { body: object; type: string }) =>
      advise(error).actions.some((entry) => entry.action.kind === 'who-am-i');
    expect(offers(gateway.unrecognizedClient())).toBe(true);
    expect(offers(gateway.expiredToken())).toBe(true);
    expect(offers(gateway.accessDenied('arn:aws:iam::1:user/a', 'arn:x', false))).toBe(true);
    expect(offers(gateway.accessDenied('arn:aws:iam::1:user/a', 'arn:x', true))).toBe(true);
    expect(offers(gateway.wrongScope('us-east-1', 'execute-api'))).toBe(false);
    expect(offers(gateway.missingAuthenticationToken())).toBe(false);
  });

  it('offers to stop signing a header that did not arrive', () => {
    expect(advise(gateway.signedHeaderMissing('x-a')).actions[0]!.action).toEqual({
      kind: 'unsign-header',
      name: 'x-a',
    });
  });

  it('explains known error types it has no case for, and nothing for the rest', () => {
    expect(
      adviseOnError({ kind: 'unknown', type: 'ThrottlingException', message: '' }, context)
        ?.meaning,
    ).toMatch(/Too many/);
    expect(adviseOnError({ kind: 'unknown', message: 'x' }, context)).toBeUndefined();
  });
});
