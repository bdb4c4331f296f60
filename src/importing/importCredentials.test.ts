import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import { importCredentials, type ImportedCredentials } from './importCredentials';

const KEY = 'ASIAIOSFODNN7EXAMPLE';
const SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';
const TOKEN = 'FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDPLAYGROUNDSESSION+TOKEN=';
const EXPIRATION = '2026-11-26T11:00:00+00:00';

const expected = (format: ImportedCredentials['format']): ImportedCredentials => ({
  accessKeyId: KEY,
  secretAccessKey: SECRET,
  sessionToken: TOKEN,
  expiration: EXPIRATION,
  format,
});

function read(text: string): ImportedCredentials {
  const result = importCredentials(text);
  if (!result.ok) throw new Error(result.error);
  return result.credentials;
}

// Outputs of `aws configure export-credentials --format …` (AWS CLI v2).
describe('importCredentials, aws configure export-credentials', () => {
  it('reads --format env', () => {
    expect(
      read(
        `export AWS_ACCESS_KEY_ID=${KEY}\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\nexport AWS_SESSION_TOKEN=${TOKEN}\nexport AWS_CREDENTIAL_EXPIRATION=${EXPIRATION}\n`,
      ),
    ).toEqual(expected('env'));
  });

  it('reads --format env-no-export', () => {
    expect(
      read(
        `AWS_ACCESS_KEY_ID=${KEY}\nAWS_SECRET_ACCESS_KEY=${SECRET}\nAWS_SESSION_TOKEN=${TOKEN}\nAWS_CREDENTIAL_EXPIRATION=${EXPIRATION}`,
      ),
    ).toEqual(expected('env-no-export'));
  });

  it('reads --format powershell', () => {
    expect(
      read(
        `$Env:AWS_ACCESS_KEY_ID="${KEY}"\r\n$Env:AWS_SECRET_ACCESS_KEY="${SECRET}"\r\n$Env:AWS_SESSION_TOKEN="${TOKEN}"\r\n$Env:AWS_CREDENTIAL_EXPIRATION="${EXPIRATION}"\r\n`,
      ),
    ).toEqual(expected('powershell'));
  });

  it('reads --format windows-cmd', () => {
    expect(
      read(
        `set AWS_ACCESS_KEY_ID=${KEY}\nset AWS_SECRET_ACCESS_KEY=${SECRET}\nset AWS_SESSION_TOKEN=${TOKEN}\nset AWS_CREDENTIAL_EXPIRATION=${EXPIRATION}`,
      ),
    ).toEqual(expected('windows-cmd'));
  });

  it('reads --format process', () => {
    expect(
      read(
        JSON.stringify(
          {
            Version: 1,
            AccessKeyId: KEY,
            SecretAccessKey: SECRET,
            SessionToken: TOKEN,
            Expiration: EXPIRATION,
          },
          null,
          4,
        ),
      ),
    ).toEqual(expected('process-json'));
  });
});

describe('importCredentials, other sources', () => {
  it('reads the JSON of aws sts assume-role', () => {
    const output = {
      Credentials: {
        AccessKeyId: KEY,
        SecretAccessKey: SECRET,
        SessionToken: TOKEN,
        Expiration: EXPIRATION,
      },
      AssumedRoleUser: {
        AssumedRoleId: 'AROA3XFRBF535PLBIFPI4:demo-session',
        Arn: 'arn:aws:sts::850047500507:assumed-role/playground/demo-session',
      },
    };
    expect(read(JSON.stringify(output, null, 4))).toEqual(expected('sts-json'));
  });

  it('reads a ~/.aws/credentials profile block, with stray spaces and quotes', () => {
    expect(
      read(
        `  [playground]\naws_access_key_id = ${KEY} \naws_secret_access_key= "${SECRET}"\naws_session_token =${TOKEN}\nregion = ca-central-1\n\n[other]\naws_access_key_id = AKIDOTHER\n`,
      ),
    ).toEqual({
      accessKeyId: KEY,
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
      region: 'ca-central-1',
      profile: 'playground',
      format: 'credentials-file',
    });
  });

  it('trims whitespace and quotes around env values, and reads AWS_REGION', () => {
    expect(
      read(
        `export AWS_ACCESS_KEY_ID='${KEY}'  \n  export AWS_SECRET_ACCESS_KEY="${SECRET}";\nexport AWS_REGION=ca-central-1`,
      ),
    ).toEqual({ accessKeyId: KEY, secretAccessKey: SECRET, region: 'ca-central-1', format: 'env' });
  });

  it('names what is missing', () => {
    expect(importCredentials(`export AWS_ACCESS_KEY_ID=${KEY}`)).toEqual({
      ok: false,
      error: 'These credentials have no secret access key.',
    });
    expect(importCredentials('{"Credentials":{}}')).toEqual({
      ok: false,
      error: expect.stringMatching(/access key id.*secret access key/),
    });
    expect(importCredentials('{"Credentials":')).toEqual({
      ok: false,
      error: expect.stringMatching(/JSON/),
    });
    expect(importCredentials('hello')).toEqual({
      ok: false,
      error: expect.stringMatching(/No credentials/),
    });
  });

  it('never throws or hangs', () => {
    fc.assert(
      fc.property(anyText(400), (text) => {
        for (const pasted of [text, `[p]\n${text}`, `export AWS_ACCESS_KEY_ID=${text}`])
          expect(typeof importCredentials(pasted).ok).toBe('boolean');
      }),
    );
    // Long hostile texts end (a hang fails on the test's timeout, not on a clock here).
    expect(importCredentials('\n'.repeat(500_000)).ok).toBe(false);
    expect(importCredentials(`${' '.repeat(300_000)}x`).ok).toBe(false);
    expect(importCredentials(`export AWS_ACCESS_KEY_ID='${"'".repeat(300_000)}`)).toEqual({
      ok: false,
      error: 'These credentials have no secret access key.',
    });
  });
});
