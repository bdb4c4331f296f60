// Edits of the running gateway's policies as the page's channel delivers them: whatever JSON
// arrives, an answer with a status and never a throw; nothing changes unless a valid edit was
// applied (a refusal or a dry run leaves every policy as it was).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './gatewayConfig';
import { editPolicy } from './liveConfig';

const policiesOf = (config: ReturnType<typeof loadGatewayConfig>) =>
  JSON.stringify([config.identities, config.roles, config.resourcePolicy]);

const statement = fc.record(
  {
    Sid: fc.string({ maxLength: 8 }),
    Effect: fc.constantFrom('Allow', 'Deny', 'Permit', ''),
    Action: fc.oneof(fc.constantFrom('execute-api:Invoke', 'sts:AssumeRole', '*'), fc.string()),
    Resource: fc.oneof(
      fc.constant('arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/*'),
      fc.string(),
    ),
    Principal: fc.oneof(fc.constant({ AWS: 'arn:aws:iam::850047500507:user/demo' }), fc.string()),
    Condition: fc.dictionary(
      fc.constantFrom('StringEquals', 'IpAddress', 'Bool', 'NoSuchOperator'),
      fc.dictionary(fc.constantFrom('aws:SourceIp', 'aws:username', 'x:y'), fc.string()),
    ),
  },
  { requiredKeys: [] },
);
const policyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc
    .array(statement, { maxLength: 3 })
    .map((Statement) => JSON.stringify({ Version: '2012-10-17', Statement })),
);
const target = fc.oneof(
  fc.record({
    kind: fc.constantFrom('identity', 'role', 'trust', 'resource', 'nothing'),
    name: fc.oneof(fc.constantFrom('demo', 'admin', 'reader', '__proto__'), fc.string()),
  }),
  fc.anything(),
);
/** Edits the gateway takes: a known target and a policy valid for its kind. */
const API = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg';
const validEdit = fc
  .record({
    target: fc.constantFrom(
      { kind: 'identity', name: 'demo' },
      { kind: 'identity', name: 'admin' },
      { kind: 'role', name: 'reader' },
      { kind: 'trust', name: 'reader' },
      { kind: 'resource' },
    ),
    effect: fc.constantFrom('Allow', 'Deny'),
    method: fc.constantFrom('GET', 'POST', '*'),
    dryRun: fc.boolean(),
  })
  .map(({ target, effect, method, dryRun }) => {
    const principal =
      target.kind === 'trust' || target.kind === 'resource'
        ? { Principal: { AWS: 'arn:aws:iam::850047500507:user/demo' } }
        : {};
    const action = target.kind === 'trust' ? 'sts:AssumeRole' : 'execute-api:Invoke';
    const resource = target.kind === 'trust' ? {} : { Resource: `${API}/*/${method}/*` };
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: effect, ...principal, Action: action, ...resource }],
    });
    return { target, text, dryRun };
  });
const edit = fc.oneof(
  fc.record({ target, text: policyText, dryRun: fc.boolean() }, { requiredKeys: [] }),
  validEdit,
  fc.anything(),
);

describe('editPolicy', () => {
  it('answers any edit with a status, and changes nothing unless a valid edit was applied', () => {
    fc.assert(
      fc.property(edit, (value) => {
        const config = loadGatewayConfig();
        const before = policiesOf(config);
        let forgotten = 0;
        const reply = editPolicy(config, value, () => forgotten++, null);
        expect([200, 400, 404, 422]).toContain(reply.status);
        const applied = reply.status === 200 && (reply.body as { applied?: boolean }).applied;
        if (!applied) {
          expect(policiesOf(config)).toBe(before);
          expect(forgotten).toBe(0);
        } else {
          expect(forgotten).toBe(1);
          expect(policiesOf(config)).toContain((value as { text: string }).text.slice(40, 80));
        }
      }),
      { numRuns: 300 },
    );
  });
});
