import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import { readAwsProfiles, type Profile } from './awsProfiles';

const KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKEN+SECRET/////wEaCXVzLWVhc3QtMQ==';

const byName = (profiles: Profile[], name: string) => profiles.find((p) => p.name === name);

// As the AWS CLI User Guide shows them ("Configuration and credential file settings").
const DOCS_CREDENTIALS = `[default]
aws_access_key_id=${KEY}
aws_secret_access_key=${SECRET}

[user1]
aws_access_key_id=AKIAI44QH8DHBEXAMPLE
aws_secret_access_key=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
aws_session_token = ${TOKEN}
`;

const DOCS_CONFIG = `[default]
region=us-west-2
output=json

[profile user1]
region=us-east-1
output=text

[profile marketingadmin]
role_arn = arn:aws:iam::123456789012:role/marketingadminrole
source_profile = user1
mfa_serial = arn:aws:iam::123456789012:mfa/user1
external_id = 123456
duration_seconds = 3600
role_session_name = my-session

[profile my-dev-profile]
sso_session = my-sso
sso_account_id = 123456789011
sso_role_name = readOnly
region = us-west-2

[sso-session my-sso]
sso_region = us-east-1
sso_start_url = https://my-sso-portal.awsapps.com/start
sso_registration_scopes = sso:account:access

[profile process]
credential_process = /opt/bin/awscreds-retriever --username susan

[profile ec2role]
role_arn = arn:aws:iam::123456789012:role/ec2
credential_source = Ec2InstanceMetadata

[profile s3tuned]
region = eu-west-1
s3 =
  max_concurrent_requests = 20
  addressing_style = path
`;

describe('readAwsProfiles', () => {
  it('reads the profiles of the AWS docs examples, merging both files', () => {
    const { profiles, problems } = readAwsProfiles({
      credentials: DOCS_CREDENTIALS,
      config: DOCS_CONFIG,
    });
    expect(byName(profiles, 'default')).toEqual({
      name: 'default',
      kind: 'keys',
      accessKeyId: KEY,
      secretAccessKey: SECRET,
      region: 'us-west-2',
    });
    expect(byName(profiles, 'user1')).toMatchObject({
      kind: 'keys',
      sessionToken: TOKEN,
      region: 'us-east-1',
    });
    expect(byName(profiles, 'marketingadmin')).toEqual({
      name: 'marketingadmin',
      kind: 'assume-role',
      roleArn: 'arn:aws:iam::123456789012:role/marketingadminrole',
      sourceProfile: 'user1',
      mfaSerial: 'arn:aws:iam::123456789012:mfa/user1',
      externalId: '123456',
      durationSeconds: 3600,
      roleSessionName: 'my-session',
    });
    expect(byName(profiles, 'my-dev-profile')?.kind).toBe('unsupported');
    expect(byName(profiles, 'my-dev-profile')?.note).toMatch(/SSO/);
    expect(byName(profiles, 'sso-session my-sso')?.kind).toBe('unsupported');
    expect(byName(profiles, 'process')?.note).toMatch(/credential_process/);
    expect(byName(profiles, 'ec2role')?.note).toMatch(/credential_source/);
    expect(byName(profiles, 's3tuned')).toMatchObject({ region: 'eu-west-1' });
    expect(problems).toEqual([]);
  });

  it('lets the credentials file win for a key set in both files', () => {
    const { profiles } = readAwsProfiles({
      credentials: `[dev]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\nregion = eu-north-1\n`,
      config: '[profile dev]\nregion = ap-south-1\n',
    });
    expect(byName(profiles, 'dev')?.region).toBe('eu-north-1');
  });

  it('ignores a bare [name] in the config file, as botocore does, and says so', () => {
    const { profiles, problems } = readAwsProfiles({ config: '[dev]\nregion = us-east-1\n' });
    expect(profiles).toEqual([]);
    expect(problems.join(' ')).toMatch(/\[profile dev\]/);
  });

  it('reads comments, : and = with spaces, key case, and keeps ; after a value', () => {
    const { profiles } = readAwsProfiles({
      credentials: `# comment\n; another\n[a]\n  AWS_Access_Key_Id : ${KEY}\naws_secret_access_key=${SECRET}\nregion = us-east-1 ; not a comment\n`,
    });
    expect(byName(profiles, 'a')).toMatchObject({
      kind: 'keys',
      accessKeyId: KEY,
      region: 'us-east-1 ; not a comment',
    });
  });

  it('prefers aws_security_token over aws_session_token, like botocore', () => {
    const { profiles } = readAwsProfiles({
      credentials: `[a]\naws_access_key_id=${KEY}\naws_secret_access_key=${SECRET}\naws_session_token=new\naws_security_token=old\n`,
    });
    expect(byName(profiles, 'a')?.sessionToken).toBe('old');
  });

  it('reads the expiry that saml2aws and others write beside temporary keys', () => {
    const { profiles, problems } = readAwsProfiles({
      credentials: [
        `[saml]\naws_access_key_id=${KEY}\naws_secret_access_key=${SECRET}\nx_security_token_expires = 2026-11-30T03:00:00+01:00`,
        `[gimme]\naws_access_key_id=${KEY}\naws_secret_access_key=${SECRET}\naws_session_expiration = 2026-11-30 03:00:00Z`,
        `[bad]\naws_access_key_id=${KEY}\naws_secret_access_key=${SECRET}\naws_session_expiration = tomorrow`,
      ].join('\n'),
    });
    expect(byName(profiles, 'saml')?.expiration).toBe('2026-11-30T02:00:00.000Z');
    expect(byName(profiles, 'gimme')?.expiration).toBe('2026-11-30T03:00:00.000Z');
    expect(byName(profiles, 'bad')?.expiration).toBeUndefined();
    expect(byName(profiles, 'bad')?.kind).toBe('keys');
    expect(problems).toEqual([
      'Profile "bad": aws_session_expiration is not a date and time like 2024-05-01T12:00:00Z; its expiry is unknown.',
    ]);
  });

  it('reports a missing source profile and a cycle as problems', () => {
    const { profiles, problems } = readAwsProfiles({
      config: `[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n[profile c]\nrole_arn = arn:aws:iam::1:role/c\nsource_profile = nowhere\n`,
    });
    expect(profiles.map((p) => p.kind)).toEqual(['assume-role', 'assume-role', 'assume-role']);
    expect(problems.some((p) => /cycle/.test(p))).toBe(true);
    expect(problems.some((p) => /"nowhere" does not exist/.test(p))).toBe(true);
  });

  it('accepts a role profile that names itself as source when it has keys', () => {
    const { problems } = readAwsProfiles({
      credentials: `[a]\naws_access_key_id=${KEY}\naws_secret_access_key=${SECRET}\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = a\n`,
    });
    expect(problems).toEqual([]);
  });

  it('rejects a file with a repeated section or key, as the AWS CLI does, without quoting lines', () => {
    const repeated = readAwsProfiles({
      credentials: `[a]\naws_access_key_id=${KEY}\naws_secret_access_key=${SECRET}\naws_secret_access_key=${SECRET}\n`,
    });
    expect(repeated.profiles).toEqual([]);
    expect(repeated.problems[0]).toMatch(/line 4/);
    const stray = readAwsProfiles({ credentials: `${SECRET}\n[a]\n` });
    expect(stray.problems[0]).toMatch(/line 1/);
  });

  it('never puts a secret in problems or notes', () => {
    const texts = [
      `[a]\naws_secret_access_key=${SECRET}\naws_session_token=${TOKEN}\n`,
      `[a]\n${SECRET}\n${TOKEN}\n`,
      `[a]\naws_secret_access_key=${SECRET}\n[a]\n`,
      `[${SECRET}]\naws_secret_access_key=${SECRET}\naws_session_token=${TOKEN}\n`,
      `[a]\ns3 =\n  ${SECRET}\n`,
    ];
    for (const credentials of texts) {
      for (const config of [credentials, '']) {
        const { profiles, problems } = readAwsProfiles({ credentials, config });
        const visible = [...problems, ...profiles.map((p) => p.note ?? '')].join('\n');
        expect(visible).not.toContain(SECRET.slice(0, 20));
        expect(visible).not.toContain(TOKEN.slice(0, 20));
      }
    }
  });

  it('refuses an input larger than 1 MiB and caps the number of profiles', () => {
    expect(readAwsProfiles({ credentials: 'x'.repeat(1024 * 1024 + 1) }).problems[0]).toMatch(
      /1 MiB/,
    );
    const many = Array.from({ length: 600 }, (_, i) => `[p${i}]\nregion=us-east-1\n`).join('');
    const { profiles, problems } = readAwsProfiles({ credentials: many });
    expect(profiles).toHaveLength(500);
    expect(problems.join(' ')).toMatch(/More than 500/);
  });

  it('reads 1 MiB of worst-case lines in one pass', () => {
    const worst = ['[' + ']'.repeat(1000), '='.repeat(1000), ' ' + 'a'.repeat(1000), '[p]'];
    for (const line of worst) {
      const text = `[a]\nk =\n${`${line}\n`.repeat(Math.floor((1024 * 1024 - 16) / (line.length + 1)))}`;
      expect(readAwsProfiles({ credentials: text, config: text }).problems).toBeDefined();
    }
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(anyText(400), anyText(400), (credentials, config) => {
        const result = readAwsProfiles({ credentials, config });
        expect(Array.isArray(result.problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// Differential: the same files through botocore's Session.full_config (what the AWS CLI uses).
const ORACLE = `
import json, os, sys
import botocore.session
out = []
for d in json.load(sys.stdin):
    os.environ['AWS_CONFIG_FILE'] = os.path.join(d, 'config')
    os.environ['AWS_SHARED_CREDENTIALS_FILE'] = os.path.join(d, 'credentials')
    try:
        profiles = botocore.session.Session().full_config['profiles']
        out.append({'ok': True, 'profiles': {n: {k: v for k, v in p.items() if isinstance(v, str)} for n, p in profiles.items()}})
    except Exception as e:
        out.append({'ok': False, 'error': type(e).__name__})
print(json.dumps(out))
`;

const credentialsSectionName = fc.constantFrom(
  'default',
  'DEFAULT',
  'dev',
  'profile dev',
  'prod',
  'Default',
);
const configSectionName = fc.constantFrom(
  'default',
  'DEFAULT',
  'dev',
  'profile dev',
  'profile  prod',
  'profile prod',
  'profilex',
  'profile a b',
  'sso-session s',
  'profile "q"',
);
const keyName = fc.constantFrom(
  'aws_access_key_id',
  'AWS_Secret_Access_Key',
  'aws_secret_access_key',
  'aws_session_token',
  'region',
  'Region',
  'role_arn',
  'source_profile',
  's3',
  'output',
);
const value = fc.constantFrom(
  '',
  KEY,
  SECRET,
  'us-east-1',
  'eu-west-1 ; tail',
  '# hash',
  'dev',
  'prod',
  'arn:aws:iam::1:role/r',
  'a=b',
);
const separator = fc.constantFrom('=', ' = ', ':', ' : ', '\t=  ');
const noise = fc.constantFrom('', '# comment', '; comment', '   ', '  indented = 1', 'stray');
const entry = fc.record({
  key: keyName,
  sep: separator,
  value,
  more: fc.array(fc.constantFrom('  nested = x', '  more', '', '    deep = 1'), { maxLength: 2 }),
  noise: fc.array(noise, { maxLength: 1 }),
});
const section = (sectionName: fc.Arbitrary<string>) =>
  fc.record({
    name: sectionName,
    indent: fc.constantFrom('', '', ' '),
    entries: fc.uniqueArray(entry, { selector: (e) => e.key.toLowerCase(), maxLength: 5 }),
  });
const iniFile = (sectionName: fc.Arbitrary<string>) =>
  fc
    .uniqueArray(section(sectionName), { selector: (s) => s.name, maxLength: 4 })
    .map((sections) =>
      sections
        .map(
          (s) =>
            `${s.indent}[${s.name}]\n` +
            s.entries
              .map((e) => [`${e.key}${e.sep}${e.value}`, ...e.more, ...e.noise].join('\n'))
              .join('\n'),
        )
        .join('\n\n'),
    );

describe('readAwsProfiles against botocore', () => {
  it('agrees on profile names, keys, region, role_arn and source_profile', () => {
    const cases = fc.sample(
      fc.record({
        credentials: iniFile(credentialsSectionName),
        config: iniFile(configSectionName),
      }),
      {
        numRuns: Number(process.env.AWS_PROFILES_RUNS ?? 60),
        seed: 14,
      },
    );
    const root = mkdtempSync(join(tmpdir(), 'aws-profiles-'));
    try {
      const dirs = cases.map((c, i) => {
        const dir = join(root, String(i));
        mkdirSync(dir);
        writeFileSync(join(dir, 'credentials'), c.credentials);
        writeFileSync(join(dir, 'config'), c.config);
        return dir;
      });
      const run = spawnSync('/usr/bin/python3', ['-c', ORACLE], {
        input: JSON.stringify(dirs),
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      const answers = JSON.parse(run.stdout) as (
        | { ok: true; profiles: Record<string, Record<string, string>> }
        | { ok: false; error: string }
      )[];
      let accepted = 0;
      cases.forEach((c, i) => {
        const answer = answers[i];
        const ours = readAwsProfiles(c);
        const context = JSON.stringify(c);
        if (!answer) throw new Error(`botocore gave no answer for case ${i}`);
        if (!answer.ok) {
          expect(ours.problems.join(' '), context).toMatch(/rejects the whole file/);
          return;
        }
        accepted++;
        const names = ours.profiles
          .filter((p) => !p.name.startsWith('sso-session '))
          .map((p) => p.name);
        expect(names.sort(), context).toEqual(Object.keys(answer.profiles).sort());
        for (const [name, settings] of Object.entries(answer.profiles)) {
          const p = byName(ours.profiles, name);
          const want = (k: string) => (settings[k] ? settings[k] : undefined);
          expect(
            {
              accessKeyId: p?.accessKeyId,
              secretAccessKey: p?.secretAccessKey,
              sessionToken: p?.sessionToken,
              region: p?.region,
              roleArn: p?.roleArn,
              sourceProfile: p?.sourceProfile,
            },
            context,
          ).toEqual({
            accessKeyId: want('aws_access_key_id'),
            secretAccessKey: want('aws_secret_access_key'),
            sessionToken: want('aws_session_token'),
            region: want('region'),
            roleArn: want('role_arn'),
            sourceProfile: want('source_profile'),
          });
        }
      });
      // The generator must also produce files botocore accepts, or the comparison says little.
      expect(accepted).toBeGreaterThan(cases.length / 6);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
