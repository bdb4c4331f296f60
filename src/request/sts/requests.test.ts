import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../signing';
import { buildAssumeRoleRequest, buildGetCallerIdentityRequest } from '.';
import type { AssumeRoleParams, StsRequest } from '.';

const PYTHON = '/usr/bin/python3';
const BOTOCORE_STS = fileURLToPath(
  new URL('../../../test-support/sts/botocoreSts.py', import.meta.url),
);
const SIGNING_DATE = new Date('2026-11-30T01:02:03Z');
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

interface BotocoreCase {
  op: 'assume_role' | 'get_caller_identity';
  region: string;
  regional: boolean;
  params: Record<string, string | number>;
}
interface BotocoreRequest {
  url: string;
  body: string;
  contentType: string;
  authorization: string;
}

/** botocore's requests for the cases, built in one python run. */
function botocore(cases: BotocoreCase[]): BotocoreRequest[] {
  const out = execFileSync(PYTHON, [BOTOCORE_STS], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  return JSON.parse(out) as BotocoreRequest[];
}

function botocoreParams(params: AssumeRoleParams): Record<string, string | number> {
  const out: Record<string, string | number> = {
    RoleArn: params.roleArn,
    RoleSessionName: params.roleSessionName,
  };
  if (params.durationSeconds !== undefined) out.DurationSeconds = params.durationSeconds;
  if (params.externalId) out.ExternalId = params.externalId;
  if (params.serialNumber) out.SerialNumber = params.serialNumber;
  if (params.tokenCode) out.TokenCode = params.tokenCode;
  return out;
}

function built(result: ReturnType<typeof buildAssumeRoleRequest>): StsRequest {
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.request;
}

const chars = (alphabet: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
const WORD = 'abcXYZ019_';
const validParams: fc.Arbitrary<AssumeRoleParams> = fc
  .record(
    {
      roleArn: fc
        .tuple(
          fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
          chars('0123456789', 12, 12),
          fc
            .array(chars(`${WORD}+=,.@-`, 1, 6), { maxLength: 3 })
            .map((segments) => segments.map((segment) => `${segment}/`).join('')),
          chars(`${WORD}+=,.@-`, 1, 20),
        )
        .map(
          ([partition, account, path, name]) =>
            `arn:${partition}:iam::${account}:role/${path}${name}`,
        ),
      roleSessionName: chars(`${WORD}+=,.@-`, 2, 64),
      durationSeconds: fc.option(fc.integer({ min: 900, max: 43200 }), { nil: undefined }),
      externalId: fc.option(chars(`${WORD}+=,.@:/-`, 2, 40), { nil: undefined }),
      mfa: fc.option(
        fc.tuple(chars('0123456789', 12, 12), chars(`${WORD}`, 1, 20), chars('0123456789', 6, 6)),
        { nil: undefined },
      ),
    },
    { requiredKeys: ['roleArn', 'roleSessionName'] },
  )
  .map(({ mfa, ...rest }) => ({
    ...rest,
    ...(mfa && {
      serialNumber: `arn:aws:iam::${mfa[0]}:mfa/${mfa[1]}`,
      tokenCode: mfa[2],
    }),
  }));
const endpoint = fc.option(
  fc.constantFrom('eu-west-1', 'us-east-1', 'ap-southeast-2', 'ca-central-1'),
  {
    nil: undefined,
  },
);

// Each test starts python with botocore (a few seconds idle): on a loaded 2-core machine that can
// pass the default 30 s, which is no hang.
describe('STS requests against botocore', { timeout: 120_000 }, () => {
  it('AssumeRole: the same URL, content type and body, byte for byte', () => {
    const samples = fc.sample(fc.tuple(validParams, endpoint), { numRuns: 60, seed: 14 });
    const ours = samples.map(([params, region]) =>
      built(buildAssumeRoleRequest(params, { region })),
    );
    const theirs = botocore(
      samples.map(([params, region]) => ({
        op: 'assume_role',
        region: region ?? 'us-east-1',
        regional: region !== undefined,
        params: botocoreParams(params),
      })),
    );
    ours.forEach((request, index) => {
      const expected = theirs[index];
      expect(request.url).toBe(expected?.url);
      expect(request.body).toBe(expected?.body);
      expect(request.headers).toEqual([['content-type', expected?.contentType]]);
    });
  });

  it('GetCallerIdentity: the same URL and body, global and regional', () => {
    const regions = [undefined, 'eu-west-1', 'us-east-1'];
    const theirs = botocore(
      regions.map((region) => ({
        op: 'get_caller_identity',
        region: region ?? 'us-east-1',
        regional: region !== undefined,
        params: {},
      })),
    );
    regions.forEach((region, index) => {
      const result = buildGetCallerIdentityRequest({ region });
      expect(result.ok && result.request.url).toBe(theirs[index]?.url);
      expect(result.ok && result.request.body).toBe(theirs[index]?.body);
    });
  });

  it('signed by our signer, carries the Authorization botocore sends at the same instant', async () => {
    const params: AssumeRoleParams = {
      roleArn: 'arn:aws:iam::123456789012:role/demo/reader',
      roleSessionName: 'playground@example.com',
      durationSeconds: 3600,
      externalId: 'ext:id/1',
    };
    const cases: Array<[StsRequest, BotocoreCase]> = [
      [
        built(buildAssumeRoleRequest(params)),
        { op: 'assume_role', region: 'us-east-1', regional: false, params: botocoreParams(params) },
      ],
      [
        built(buildGetCallerIdentityRequest({ region: 'eu-west-1' })),
        { op: 'get_caller_identity', region: 'eu-west-1', regional: true, params: {} },
      ],
    ];
    const theirs = botocore(cases.map(([, request]) => request));
    for (const [index, [request]] of cases.entries()) {
      const signed = await signRequest({
        ...request,
        credentials: CREDENTIALS,
        signingDate: SIGNING_DATE,
      });
      const authorization = signed.headers.find(([name]) => name.toLowerCase() === 'authorization');
      expect(authorization?.[1]).toBe(theirs[index]?.authorization);
    }
  });
});

describe('buildAssumeRoleRequest', () => {
  const good: AssumeRoleParams = {
    roleArn: 'arn:aws:iam::123456789012:role/reader',
    roleSessionName: 'me',
  };

  it('signs for us-east-1 at the global endpoint, for the region at a regional one', () => {
    expect(built(buildAssumeRoleRequest(good))).toMatchObject({
      method: 'POST',
      url: 'https://sts.amazonaws.com/',
      region: 'us-east-1',
      service: 'sts',
    });
    expect(built(buildAssumeRoleRequest(good, { region: 'eu-west-1' }))).toMatchObject({
      url: 'https://sts.eu-west-1.amazonaws.com/',
      region: 'eu-west-1',
    });
  });

  it.each([
    [{ roleArn: 'arn:aws:iam::12345:role/x' }, 'is not a role ARN'],
    [{ roleArn: 'arn:aws:iam::123456789012:user/x' }, 'is not a role ARN'],
    [{ roleArn: 'arn:aws:iam::123456789012:role/' }, 'is not a role ARN'],
    [{ roleArn: 'arn:aws:iam::123456789012:role/path/' }, 'is not a role ARN'],
    [{ roleArn: `arn:aws:iam::123456789012:role/${'r'.repeat(65)}` }, 'is not a role ARN'],
    [{ roleSessionName: 'x' }, '2 to 64 characters'],
    [{ roleSessionName: 'a'.repeat(65) }, '2 to 64 characters'],
    [{ roleSessionName: 'has space' }, '2 to 64 characters'],
    [{ durationSeconds: 899 }, 'from 900 (15 minutes) to 43200 (12 hours); 899'],
    [{ durationSeconds: 43201 }, '43201 is not'],
    [{ durationSeconds: 1000.5 }, 'whole number'],
    [{ externalId: 'a b' }, 'external ID'],
    [{ serialNumber: 'arn:aws:iam::123456789012:mfa/u' }, 'needs the 6-digit code'],
    [{ tokenCode: '123456' }, 'serial number (its ARN)'],
    [{ serialNumber: 'arn:aws:iam::123456789012:mfa/u', tokenCode: '12345' }, 'exactly 6 digits'],
    [{ roleArn: 'x'.repeat(100_000) }, '100000 characters long'],
  ] satisfies Array<[Partial<AssumeRoleParams>, string]>)(
    'refusal case %#',
    (change: Partial<AssumeRoleParams>, text: string) => {
      const result = buildAssumeRoleRequest({ ...good, ...change });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors.join(' ')).toContain(text);
    },
  );

  it('never repeats the MFA code in a message', () => {
    const result = buildAssumeRoleRequest({
      ...good,
      serialNumber: 'arn:aws:iam::123456789012:mfa/u',
      tokenCode: '98765x',
    });
    expect(!result.ok && result.errors.join(' ')).not.toContain('98765x');
  });

  it('refuses a region that is not one', () => {
    const result = buildGetCallerIdentityRequest({ region: 'evil.com/x' });
    expect(!result.ok && result.errors[0]).toContain('is not a region name');
  });

  it('never throws, whatever the strings', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 80 }),
        fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        (roleArn, roleSessionName, durationSeconds, serialNumber, tokenCode, region) => {
          const result = buildAssumeRoleRequest(
            { roleArn, roleSessionName, durationSeconds, serialNumber, tokenCode },
            { region },
          );
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});
