import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeIamDecisionTrace,
  encodeIamDecisionTrace,
  MAX_IAM_DECISION_HEADER_LENGTH,
  type IamDecisionTrace,
} from './iamDecisionTrace';

const RESOURCE = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/prod/GET/hello';

/** The seed's refusal: demo may POST only, and asked for GET. */
const DENIED_GET: IamDecisionTrace = {
  version: 1,
  decision: 'deny',
  rule: 'implicit-deny',
  context: {
    action: 'execute-api:Invoke',
    resource: RESOURCE,
    callerArn: 'arn:aws:iam::850047500507:user/demo',
    keys: [
      { key: 'aws:SourceIp', values: ['127.0.0.1'] },
      { key: 'aws:SecureTransport', values: ['false'] },
    ],
  },
  policies: [
    {
      source: {
        kind: 'identity',
        principal: 'user',
        name: 'demo',
        arn: 'arn:aws:iam::850047500507:user/demo',
      },
      outcome: 'no-match',
      statements: [
        {
          index: 0,
          sid: 'PostOnly',
          effect: 'Allow',
          matched: false,
          elements: [
            {
              element: 'Action',
              matched: true,
              value: 'execute-api:Invoke',
              tries: [{ pattern: 'execute-api:Invoke', matched: true }],
            },
            {
              element: 'Resource',
              matched: false,
              value: RESOURCE,
              tries: [
                {
                  pattern: 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/*/POST/*',
                  matched: false,
                  patternPrefix: 57,
                  valuePrefix: 60,
                },
              ],
              reason: 'The resource matches none of the statement\u2019s Resource patterns.',
            },
          ],
          conditions: [
            {
              operator: 'IpAddress',
              key: 'aws:SourceIp',
              policyValues: ['10.0.0.0/8'],
              requestValues: ['127.0.0.1'],
              matched: false,
              reason: '127.0.0.1 is in none of 10.0.0.0/8.',
            },
            {
              operator: 'BoolIfExists',
              key: 'aws:MultiFactorAuthPresent',
              policyValues: ['true'],
              requestValues: null,
              matched: true,
            },
          ],
        },
      ],
    },
  ],
};

describe('encodeIamDecisionTrace', () => {
  it('makes a header-safe value that decodes to the same trace', () => {
    const header = encodeIamDecisionTrace(DENIED_GET);
    expect(header).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeIamDecisionTrace(header)).toEqual({ ok: true, trace: DENIED_GET });
  });

  it('writes the same base64url as Node, whatever the text (portable encoder)', () => {
    const nodeBase64url = (text: string) => Buffer.from(text).toString('base64url');
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'binary' }), (action) => {
        const trace = { ...DENIED_GET, context: { ...DENIED_GET.context, action } };
        const header = encodeIamDecisionTrace(trace);
        expect(header).toBe(encodeIamDecisionTrace(trace, { base64url: nodeBase64url }));
        expect(decodeIamDecisionTrace(header)).toEqual({ ok: true, trace });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps non-ASCII, quotes and newlines of policy text intact', () => {
    const trace: IamDecisionTrace = {
      ...DENIED_GET,
      context: { ...DENIED_GET.context, resource: `${RESOURCE}/h\u00e9llo "x"\n\u{1F600}` },
    };
    expect(decodeIamDecisionTrace(encodeIamDecisionTrace(trace))).toEqual({ ok: true, trace });
  });

  it('sends a trace too long for a header in summary, the deciding statement kept', () => {
    const statement = DENIED_GET.policies[0]!.statements[0]!;
    const many = Array.from({ length: 200 }, (_, index) => ({ ...statement, index }));
    const trace: IamDecisionTrace = {
      ...DENIED_GET,
      decision: 'allow',
      rule: 'identity-allow',
      decidedBy: { policy: 0, statement: 7 },
      policies: [{ ...DENIED_GET.policies[0]!, outcome: 'allow', statements: many }],
    };
    const header = encodeIamDecisionTrace(trace);
    expect(header.length).toBeLessThanOrEqual(MAX_IAM_DECISION_HEADER_LENGTH);
    const reading = decodeIamDecisionTrace(header);
    expect(reading?.ok && reading.trace.truncated).toBe(true);
    expect(reading?.ok && reading.trace.policies[0]!.statements.map((s) => s.index)).toEqual([7]);
  });
});

describe('decodeIamDecisionTrace', () => {
  it('says nothing when the answer has no trace (AWS, or --strict)', () => {
    expect(decodeIamDecisionTrace(null)).toBeUndefined();
    expect(decodeIamDecisionTrace(undefined)).toBeUndefined();
  });

  it.each([
    ['', 'does not hold JSON'],
    ['not base64!', 'not base64url'],
    ['_w', 'not base64url of UTF-8'],
    [encodeIamDecisionTrace({ ...DENIED_GET, version: 2 as 1 }), 'has version 2'],
    [encodeIamDecisionTrace({ ...DENIED_GET, rule: 'identity-allow' }), 'does not agree'],
    ['x'.repeat(MAX_IAM_DECISION_HEADER_LENGTH + 1), 'longer than'],
    [Buffer.from('[1,2]').toString('base64url'), 'is not an object'],
    [
      Buffer.from(JSON.stringify({ ...DENIED_GET, policies: [{ source: {} }] })).toString(
        'base64url',
      ),
      'policies[0].source.kind',
    ],
  ])('refuses %j with a sentence', (header, words) => {
    const reading = decodeIamDecisionTrace(header);
    expect(reading?.ok).toBe(false);
    expect(reading?.ok === false && reading.problem).toContain(words);
  });

  it('keeps only the known fields (no __proto__ or extras reach the page)', () => {
    const hostile = JSON.parse(JSON.stringify(DENIED_GET)) as Record<string, unknown>;
    hostile.extra = 'x';
    const json = JSON.stringify(hostile).replace('{', '{"__proto__":{"polluted":true},');
    const reading = decodeIamDecisionTrace(Buffer.from(json).toString('base64url'));
    expect(reading).toEqual({ ok: true, trace: DENIED_GET });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws, whatever the header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (header) => {
        const reading = decodeIamDecisionTrace(header);
        expect(reading === undefined || typeof reading.ok === 'boolean').toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any JSON value behind valid base64url', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const header = Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url');
        const reading = decodeIamDecisionTrace(header);
        expect(reading?.ok === false || reading?.ok === true).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads every mutation of a real trace as a trace or a problem', () => {
    const json = JSON.stringify(DENIED_GET);
    fc.assert(
      fc.property(
        fc.nat({ max: json.length - 1 }),
        fc.nat({ max: 20 }),
        fc.string({ maxLength: 8 }),
        (at, cut, insert) => {
          const mutated = json.slice(0, at) + insert + json.slice(at + cut);
          const reading = decodeIamDecisionTrace(Buffer.from(mutated).toString('base64url'));
          expect(reading?.ok === false || reading?.ok === true).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
