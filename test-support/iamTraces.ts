// Traces for the page's tests, made by the gateway's own IAM engine (never written by hand), so a
// test of the wording or the suggestion reads what the gateway really sends.
import { decide } from '../server/gateway/iam/decide';
import { parsePolicy } from '../server/gateway/iam/parsePolicy';
import type { IamDecisionTrace } from '../src/diagnosis/iamDecisionTrace';

export const TEST_API = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg';
export const TEST_DEMO = 'arn:aws:iam::850047500507:user/demo';
export const POST_ONLY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'InvokePostOnly',
      Effect: 'Allow',
      Action: 'execute-api:Invoke',
      Resource: `${TEST_API}/*/POST/*`,
    },
  ],
};

/** The engine's decision on `resource` for demo under these policies. */
export function traceFor(
  resource: string,
  identityPolicy: unknown = POST_ONLY,
  resourcePolicy?: unknown,
): IamDecisionTrace {
  const compile = (raw: unknown, kind: 'identity' | 'resource') => {
    const parsed = parsePolicy(raw, kind);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.compiled;
  };
  return decide({
    request: {
      action: 'execute-api:Invoke',
      resource,
      callerArn: TEST_DEMO,
      keys: new Map([['aws:SourceIp', ['127.0.0.1']]]),
    },
    identity: {
      policy: compile(identityPolicy, 'identity'),
      source: { kind: 'identity', principal: 'user', name: 'demo', arn: TEST_DEMO },
    },
    ...(resourcePolicy === undefined
      ? {}
      : {
          resource: {
            policy: compile(resourcePolicy, 'resource'),
            source: { kind: 'resource', name: 'resource policy of API 42mydti3lg', arn: TEST_API },
          },
        }),
  });
}
