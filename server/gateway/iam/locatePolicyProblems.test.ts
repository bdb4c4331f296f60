import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_POLICY_TEXT_LENGTH, validatePolicyDocument } from './locatePolicyProblems';

const API = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg';

/** A document, one statement per line-block, so that each problem has a line of its own. */
const document = (statement: object) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);
const good = { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `${API}/*` };

/** The one problem of `text`, as "line:column path message". */
function problemOf(text: string, kind: 'identity' | 'resource' | 'trust' = 'identity'): string {
  const result = validatePolicyDocument(text, kind);
  if (result.ok) throw new Error('expected a problem');
  const [problem] = result.problems;
  return `${problem!.line}:${problem!.column} ${problem!.path} ${problem!.message}`;
}

describe('validatePolicyDocument', () => {
  it('accepts a document or a bare list of statements', () => {
    expect(validatePolicyDocument(document(good)).ok).toBe(true);
    expect(validatePolicyDocument(JSON.stringify([good])).ok).toBe(true);
    expect(validatePolicyDocument(JSON.stringify({ Statement: good })).ok).toBe(true);
  });

  it.each([
    [{ ...good, Effect: 'allow' }, '5:7 Statement[0].Effect must be "Allow" or "Deny"'],
    [{ ...good, Actions: 'x' }, '8:7 Statement[0].Actions is not a statement element'],
    [{ ...good, Action: 3 }, '6:7 Statement[0].Action must be a string or a list of strings'],
    [
      { ...good, Action: 'invoke' },
      '6:7 Statement[0].Action "invoke" is not "*" or "service:action"',
    ],
    [{ Effect: 'Allow', Action: '*' }, '4:5 Statement[0] needs a Resource (or NotResource)'],
    [
      { ...good, NotResource: '*' },
      '8:7 Statement[0].NotResource cannot be used with Resource in one statement',
    ],
    [{ ...good, Principal: '*' }, '8:7 Statement[0].Principal is not allowed: an identity policy'],
    [
      { ...good, Condition: { IpAdress: { 'aws:SourceIp': '10.0.0.0/8' } } },
      '9:9 Statement[0].Condition.IpAdress "IpAdress" is not a condition operator',
    ],
    [
      { ...good, Condition: { IpAddress: { 'aws:SourceIP4': '10.0.0.0/8' } } },
      '10:11 Statement[0].Condition.IpAddress["aws:SourceIP4"] is an unknown condition key',
    ],
    [
      { ...good, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/33' } } },
      '10:11 Statement[0].Condition.IpAddress["aws:SourceIp"] "10.0.0.0/33" has a prefix length',
    ],
    [
      { ...good, Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '10.0.0.300'] } } },
      '12:13 Statement[0].Condition.IpAddress["aws:SourceIp"][1] "10.0.0.300" is not an IP address',
    ],
    [
      { ...good, Condition: { DateLessThan: { 'aws:CurrentTime': 'tomorrow' } } },
      '10:11 Statement[0].Condition.DateLessThan["aws:CurrentTime"] "tomorrow" is not a date',
    ],
    [
      { ...good, Condition: { Bool: { 'aws:SecureTransport': 'yes' } } },
      '10:11 Statement[0].Condition.Bool["aws:SecureTransport"] Bool takes "true" or "false"',
    ],
    [
      { ...good, Condition: { StringEquals: { 'aws:SourceIp': '10.0.0.1' } } },
      '10:11 Statement[0].Condition.StringEquals["aws:SourceIp"] cannot be tested by StringEquals',
    ],
    [
      { ...good, Condition: { StringEquals: { 'sts:ExternalId': 'x' } } },
      '10:11 Statement[0].Condition.StringEquals["sts:ExternalId"] is an unknown condition key',
    ],
  ])('refuses %j with its line, column and reason', (statement, expected) => {
    expect(problemOf(document(statement))).toContain(expected);
  });

  it('refuses what a resource or trust policy must not lack or hold', () => {
    expect(problemOf(document(good), 'resource')).toContain(
      '4:5 Statement[0] needs a Principal (or NotPrincipal)',
    );
    expect(problemOf(document({ ...good, Principal: { Service: 'x' } }), 'resource')).toContain(
      'Statement[0].Principal must be "*" or {"AWS"',
    );
    expect(
      problemOf(
        document({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Resource: '*' }),
        'trust',
      ),
    ).toContain(
      "Statement[0].Resource is not allowed: a trust policy's resource is the role itself",
    );
  });

  it('expands API Gateway’s resource shorthand in a resource policy', () => {
    const result = validatePolicyDocument(
      JSON.stringify([{ ...good, Principal: '*', Resource: 'execute-api:/*/GET/*' }]),
      'resource',
      { apiArnPrefix: `${API}/` },
    );
    expect(result.ok && result.statements[0]!.Resource).toEqual([`${API}/*/GET/*`]);
  });

  it('keeps messages short whatever the names in the input', () => {
    const huge = 'k'.repeat(100_000);
    const result = validatePolicyDocument(JSON.stringify([{ ...good, [huge]: 1 }]));
    expect(!result.ok && result.problems[0]!.path.length).toBeLessThan(200);
    const many = Object.fromEntries(
      Array.from({ length: 101 }, (_, i) => [`aws:username${i}`, 'x']),
    );
    expect(problemOf(document({ ...good, Condition: { StringEquals: many } }))).toContain(
      'Statement[0].Condition has 101 tests: the local gateway takes at most 100',
    );
  });

  it('says where JSON itself is broken', () => {
    expect(problemOf('{\n  "Statement": [\n    { "Effect": "Allow", }\n  ]\n}')).toBe(
      '3:26  is not valid JSON: a property name in double quotes was expected',
    );
    expect(problemOf('')).toContain('1:1  is not valid JSON: a value was expected');
    expect(problemOf('{"Statement": [] // no\n}')).toContain('comments are not allowed');
    expect(problemOf('x'.repeat(MAX_POLICY_TEXT_LENGTH + 1))).toContain('is longer than');
  });

  it('never throws, whatever the text (bounded fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = validatePolicyDocument(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const result = validatePolicyDocument(JSON.stringify(value) ?? 'null');
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutations of a valid policy, and reports each with a position', () => {
    const text = document({
      ...good,
      Condition: {
        IpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
        Bool: { 'aws:SecureTransport': true },
      },
    });
    fc.assert(
      fc.property(
        fc.nat({ max: text.length - 1 }),
        fc.nat({ max: 10 }),
        fc.string({ maxLength: 6 }),
        (at, cut, insert) => {
          const result = validatePolicyDocument(text.slice(0, at) + insert + text.slice(at + cut));
          if (!result.ok)
            for (const problem of result.problems) {
              expect(problem.line).toBeGreaterThanOrEqual(1);
              expect(problem.column).toBeGreaterThanOrEqual(1);
            }
        },
      ),
      { numRuns: 300 },
    );
  });
});
