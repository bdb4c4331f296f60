// The local STS on 127.0.0.1 against our signer: AssumeRole and GetCallerIdentity, every error
// STS answers, and the sessions it issues on the API's routes. Signing, the roles and the answer
// checks are in stsTestSupport.ts; the gateway harness in ../gatewayTest*.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseGetCallerIdentityResponse } from '../../../src/request/sts';
import { expectGatewayError, expectSuccess, helloBody } from '../gatewayTestAnswers';
import { ADMIN, DEFAULT_CONFIG, DEMO, keysOf, NOW } from '../gatewayTestFixtures';
import { TestGateway } from '../gatewayTestRunner';
import { headerOf, sign, withHeader } from '../gatewayTestSigning';
import {
  ACCOUNT,
  DEMO_MFA_SERIAL,
  DEMO_TOTP_SECRET,
  expectAssumed,
  expectStsError,
  roleArn,
  sessionKeys,
  signSts,
  STS_TEST_CONFIG,
  type StsCall,
} from './stsTestSupport';
import { decodeBase32, totp } from './totp';

describe('the local STS', () => {
  let gateway: TestGateway;
  let clock = NOW;
  beforeAll(async () => {
    gateway = await TestGateway.start(STS_TEST_CONFIG, () => clock);
  });
  beforeEach(() => {
    clock = NOW;
  });
  afterAll(() => gateway.close());

  const call = async (options: StsCall = {}) =>
    gateway.send(await signSts(gateway, { signingDate: new Date(clock), ...options }));
  const assume = (role: string, params: Record<string, string> = {}, options: StsCall = {}) =>
    call({
      action: 'AssumeRole',
      params: { RoleArn: roleArn(role), RoleSessionName: 'learner', ...params },
      ...options,
    });
  const whoAmI = async (options: StsCall = {}) => {
    const reply = await call(options);
    expect(reply.status, reply.body).toBe(200);
    const parsed = parseGetCallerIdentityResponse(reply.body, reply.status);
    if (!parsed.ok) throw new Error(reply.body);
    return parsed.value;
  };
  const code = (at = clock) => totp(decodeBase32(DEMO_TOTP_SECRET)!, at);

  describe('AssumeRole', () => {
    it('gives demo reader’s temporary keys, which GET where demo’s own get 403', async () => {
      const reply = await assume('reader');
      const assumed = expectAssumed(reply);
      expect(reply.log).toEqual([`POST /sts ${DEMO.arn} 200 -`]);
      expect(assumed.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
      expect(assumed.secretAccessKey).toHaveLength(40);
      expect(assumed.assumedRoleArn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/reader/learner`);
      expect(assumed.assumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:learner$/);
      // STS's default: one hour, written to the second.
      expect(assumed.expiration).toBe('2026-01-15T11:20:30Z');

      const get = { method: 'GET', signingDate: new Date(clock) };
      expectGatewayError(
        await gateway.send(await sign(gateway, get)),
        'AccessDeniedException',
        `User: ${DEMO.arn} is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ca-central-1:${ACCOUNT}:42mydti3lg/prod/GET/hello`,
      );
      const reader = sessionKeys(assumed);
      expectSuccess(
        await gateway.send(await sign(gateway, { ...get, credentials: reader })),
        helloBody(assumed.assumedRoleArn, 'GET'),
      );
      // The role may GET only; demo still may POST only.
      expectGatewayError(
        await gateway.send(await sign(gateway, { credentials: reader, body: '{}' })),
        'AccessDeniedException',
        /^User: arn:aws:sts::850047500507:assumed-role\/reader\/learner is not authorized .*\/POST\/hello$/,
      );
    });

    it('gives fresh keys each time', async () => {
      const first = expectAssumed(await assume('reader'));
      const second = expectAssumed(await assume('reader'));
      expect(second.accessKeyId).not.toBe(first.accessKeyId);
      expect(second.secretAccessKey).not.toBe(first.secretAccessKey);
      expect(second.sessionToken).not.toBe(first.sessionToken);
    });

    it('is answered for a GET with the parameters in the query, as STS accepts', async () => {
      expectAssumed(await assume('reader', {}, { method: 'GET' }));
    });

    it('refuses a session’s keys without their token, or with another token', async () => {
      const assumed = expectAssumed(await assume('reader'));
      const get = { method: 'GET', signingDate: new Date(clock) };
      const noToken = {
        accessKeyId: assumed.accessKeyId,
        secretAccessKey: assumed.secretAccessKey,
      };
      const invalid = 'The security token included in the request is invalid.';
      expectGatewayError(
        await gateway.send(await sign(gateway, { ...get, credentials: noToken })),
        'UnrecognizedClientException',
        invalid,
      );
      expectGatewayError(
        await gateway.send(
          await sign(gateway, { ...get, credentials: { ...noToken, sessionToken: 'not-it' } }),
        ),
        'UnrecognizedClientException',
        invalid,
      );
      expectStsError(await call({ credentials: noToken }), 403, 'InvalidClientTokenId', invalid);
    });

    it('answers ExpiredToken for a session past its expiry, on STS and on the API', async () => {
      const assumed = expectAssumed(await assume('reader', { DurationSeconds: '900' }));
      expect(assumed.expiration).toBe('2026-01-15T10:35:30Z');
      clock = NOW + 900_000;
      const keys = sessionKeys(assumed);
      expectStsError(
        await call({ credentials: keys }),
        403,
        'ExpiredToken',
        'The security token included in the request is expired',
      );
      expectGatewayError(
        await gateway.send(
          await sign(gateway, { method: 'GET', credentials: keys, signingDate: new Date(clock) }),
        ),
        'ExpiredTokenException',
        'The security token included in the request is expired',
      );
    });
  });

  describe('DurationSeconds', () => {
    it('takes 900 and the role’s maximum, and sets the expiry from it', async () => {
      expect(expectAssumed(await assume('reader', { DurationSeconds: '900' })).expiration).toBe(
        '2026-01-15T10:35:30Z',
      );
      expect(expectAssumed(await assume('reader', { DurationSeconds: '3600' })).expiration).toBe(
        '2026-01-15T11:20:30Z',
      );
      expect(expectAssumed(await assume('long', { DurationSeconds: '43200' })).expiration).toBe(
        '2026-01-15T22:20:30Z',
      );
    });

    it.each([
      ['899', 'greater than or equal to 900'],
      ['43201', 'less than or equal to 43200'],
    ])('refuses %s with STS’s validation error', async (seconds, bound) => {
      expectStsError(
        await assume('long', { DurationSeconds: seconds }),
        400,
        'ValidationError',
        `1 validation error detected: Value '${seconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}`,
      );
    });

    it('refuses more than the role’s maximum', async () => {
      expectStsError(
        await assume('reader', { DurationSeconds: '3601' }),
        400,
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      );
    });

    it('caps a session assumed with a session’s keys (role chaining) at one hour', async () => {
      const reader = sessionKeys(expectAssumed(await assume('reader')));
      expectStsError(
        await assume('chained', { DurationSeconds: '3601' }, { credentials: reader }),
        400,
        'ValidationError',
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      );
      const chained = expectAssumed(await assume('chained', {}, { credentials: reader }));
      expect(chained.assumedRoleArn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/chained/learner`);
    });
  });

  describe('parameters', () => {
    it('lists every invalid member, as STS’s validation does', async () => {
      expectStsError(
        await call({
          action: 'AssumeRole',
          params: { RoleArn: 'role/x', RoleSessionName: 'has space' },
        }),
        400,
        'ValidationError',
        "2 validation errors detected: Value 'role/x' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20; Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      );
    });

    it('says a missing RoleSessionName is null', async () => {
      expectStsError(
        await call({ action: 'AssumeRole', params: { RoleArn: roleArn('reader') } }),
        400,
        'ValidationError',
        "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
      );
    });

    it('refuses a one-character session name', async () => {
      expectStsError(
        await assume('reader', { RoleSessionName: 'x' }),
        400,
        'ValidationError',
        /Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2$/,
      );
    });
  });

  describe('trust', () => {
    it('denies a caller the trust policy does not name, in STS’s words', async () => {
      const reply = await assume('reader', {}, { credentials: keysOf(ADMIN) });
      expectStsError(
        reply,
        403,
        'AccessDenied',
        `User: ${ADMIN.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn('reader')}`,
      );
      expect(reply.log[0]).toBe(`POST /sts ${ADMIN.arn} 403 AccessDenied`);
    });

    it('denies a role that does not exist with the same words', async () => {
      expectStsError(
        await assume('nobody'),
        403,
        'AccessDenied',
        `User: ${DEMO.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn('nobody')}`,
      );
    });

    it('lets an account-trusting role be assumed only by callers whose policy allows it', async () => {
      expectAssumed(await assume('long'));
      expectStsError(await assume('long', {}, { credentials: keysOf(ADMIN) }), 403, 'AccessDenied');
    });

    it('needs the right sts:ExternalId', async () => {
      expectStsError(await assume('partner'), 403, 'AccessDenied');
      expectStsError(await assume('partner', { ExternalId: 'partner-41' }), 403, 'AccessDenied');
      expectAssumed(await assume('partner', { ExternalId: 'partner-42' }));
    });
  });

  describe('MFA', () => {
    it('denies a role that needs aws:MultiFactorAuthPresent without a code', async () => {
      expectStsError(
        await assume('guarded'),
        403,
        'AccessDenied',
        `User: ${DEMO.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn('guarded')}`,
      );
    });

    it('accepts the device’s current TOTP code, and the code of the step before', async () => {
      expectAssumed(await assume('guarded', { SerialNumber: DEMO_MFA_SERIAL, TokenCode: code() }));
      clock += 60_000;
      expectAssumed(
        await assume('guarded', { SerialNumber: DEMO_MFA_SERIAL, TokenCode: code(clock - 30_000) }),
      );
    });

    it('refuses a wrong code, and a code already used', async () => {
      clock += 10 * 60_000;
      // STS ends this text with a space (parseStsError trims it; the body keeps it).
      const invalid = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';
      const current = code();
      const wrong = String((Number(current) + 1) % 1_000_000).padStart(6, '0');
      const mfa = { SerialNumber: DEMO_MFA_SERIAL };
      expectStsError(
        await assume('guarded', { ...mfa, TokenCode: wrong }),
        403,
        'AccessDenied',
        invalid,
      );
      expectAssumed(await assume('guarded', { ...mfa, TokenCode: current }));
      expectStsError(
        await assume('guarded', { ...mfa, TokenCode: current }),
        403,
        'AccessDenied',
        invalid,
      );
    });

    it('refuses a serial number that is not the caller’s device', async () => {
      clock += 20 * 60_000;
      expectStsError(
        await assume('guarded', {
          SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/admin`,
          TokenCode: code(),
        }),
        403,
        'AccessDenied',
        'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
      );
      expectStsError(
        await assume(
          'guarded',
          { SerialNumber: DEMO_MFA_SERIAL, TokenCode: code() },
          { credentials: keysOf(ADMIN) },
        ),
        403,
        'AccessDenied',
        /unable to validate MFA code/,
      );
    });
  });

  describe('GetCallerIdentity', () => {
    it('names a user: its ARN, account and an AIDA user ID', async () => {
      const me = await whoAmI();
      expect(me.arn).toBe(DEMO.arn);
      expect(me.account).toBe(ACCOUNT);
      expect(me.userId).toMatch(/^AIDA[A-Z2-7]{17}$/);
      expect((await whoAmI()).userId).toBe(me.userId);
    });

    it('names an assumed role: its assumed-role ARN and ROLEID:session', async () => {
      const assumed = expectAssumed(await assume('reader'));
      const me = await whoAmI({ credentials: sessionKeys(assumed) });
      expect(me).toEqual({
        arn: assumed.assumedRoleArn,
        account: ACCOUNT,
        userId: assumed.assumedRoleId,
      });
    });

    it('needs no permission (admin’s policy allows nothing in STS)', async () => {
      expect((await whoAmI({ credentials: keysOf(ADMIN) })).arn).toBe(ADMIN.arn);
    });

    it('takes the gateway’s region and us-east-1, nothing else', async () => {
      expect((await whoAmI({ region: 'ca-central-1' })).arn).toBe(DEMO.arn);
      const reply = await call({ region: 'eu-west-1' });
      expectStsError(
        reply,
        403,
        'SignatureDoesNotMatch',
        "Credential should be scoped to a valid region, not 'eu-west-1'.",
      );
      expect(reply.body).toContain(
        "<Message>Credential should be scoped to a valid region, not 'eu-west-1'. </Message>",
      );
    });

    it('is answered at the path without its trailing slash too', async () => {
      expect((await whoAmI({ path: '/sts' })).arn).toBe(DEMO.arn);
    });
  });

  describe('signature errors', () => {
    it('SignatureDoesNotMatch for a wrong secret, without echoing the canonical request', async () => {
      expectStsError(
        await call({ credentials: { ...keysOf(DEMO), secretAccessKey: 'not-the-secret' } }),
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      );
    });

    it('SignatureDoesNotMatch for another service', async () => {
      expectStsError(
        await call({ service: 'iam' }),
        403,
        'SignatureDoesNotMatch',
        "Credential should be scoped to correct service: 'sts'.",
      );
    });

    it('SignatureDoesNotMatch for a signature more than 15 minutes old', async () => {
      expect((await whoAmI({ signingDate: new Date(NOW - 14 * 60_000) })).arn).toBe(DEMO.arn);
      expectStsError(
        await call({ signingDate: new Date(NOW - 16 * 60_000) }),
        403,
        'SignatureDoesNotMatch',
        'Signature expired: 20260115T100430Z is now earlier than 20260115T100530Z (20260115T102030Z - 15 min.)',
      );
    });

    it('IncompleteSignature for an Authorization header without its Signature', async () => {
      const request = await signSts(gateway);
      const authorization = headerOf(request, 'authorization')!;
      const broken = withHeader(
        request,
        'authorization',
        authorization.replace(/, Signature=.*$/, ''),
      );
      expectStsError(
        await gateway.send(broken),
        400,
        'IncompleteSignature',
        /requires 'Signature' parameter/,
      );
    });

    it('InvalidClientTokenId for an unknown access key', async () => {
      expectStsError(
        await call({ credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' } }),
        403,
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
      );
    });

    it('MissingAuthenticationToken for an unsigned request', async () => {
      const reply = await gateway.send({
        method: 'GET',
        target: '/sts/?Action=GetCallerIdentity&Version=2011-06-15',
        headers: [['Host', new URL(gateway.url).host]],
      });
      expectStsError(
        reply,
        403,
        'MissingAuthenticationToken',
        'Request is missing Authentication Token',
      );
    });
  });

  describe('actions', () => {
    it('InvalidAction for an action STS has not here, or another version', async () => {
      expectStsError(
        await call({ action: 'GetSessionToken' }),
        400,
        'InvalidAction',
        'Could not find operation GetSessionToken for version 2011-06-15',
      );
      expectStsError(
        await call({ raw: 'Action=GetCallerIdentity&Version=2010-01-01' }),
        400,
        'InvalidAction',
        'Could not find operation GetCallerIdentity for version 2010-01-01',
      );
      expectStsError(
        await call({ raw: 'Action=GetCallerIdentity' }),
        400,
        'InvalidAction',
        'Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED',
      );
    });

    it('MissingAction without an Action', async () => {
      expectStsError(
        await call({ raw: 'Version=2011-06-15' }),
        400,
        'MissingAction',
        'Missing Action',
      );
    });
  });
});

describe('the default configuration’s story', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.start(DEFAULT_CONFIG, () => NOW);
  });
  afterAll(() => gateway.close());

  it('demo may only POST, assumes reader, and reader may GET', async () => {
    const get = { method: 'GET' };
    expectGatewayError(await gateway.send(await sign(gateway, get)), 'AccessDeniedException');
    const assumed = expectAssumed(
      await gateway.send(
        await signSts(gateway, {
          action: 'AssumeRole',
          params: { RoleArn: roleArn('reader'), RoleSessionName: 'story' },
        }),
      ),
    );
    expectSuccess(
      await gateway.send(await sign(gateway, { ...get, credentials: sessionKeys(assumed) })),
      helloBody(`arn:aws:sts::${ACCOUNT}:assumed-role/reader/story`, 'GET'),
    );
  });

  it('answers a presigned GetCallerIdentity URL', async () => {
    const request = await signSts(gateway, { method: 'GET', mode: 'query' });
    expect(request.target).toMatch(/^\/sts\/\?Action=GetCallerIdentity&.*X-Amz-Signature=/);
    const reply = await gateway.send(request);
    expect(reply.status, reply.body).toBe(200);
    expect(reply.body).toContain(`<Arn>${DEMO.arn}</Arn>`);
  });

  it('answers a CORS preflight at the STS path, so the page may call it directly', async () => {
    const reply = await gateway.send({
      method: 'OPTIONS',
      target: '/sts/',
      headers: [
        ['Host', new URL(gateway.url).host],
        ['Origin', 'http://127.0.0.1:5173'],
        ['Access-Control-Request-Method', 'POST'],
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    expect(reply.headers['access-control-allow-methods']).toBe('GET,POST,OPTIONS');
    expect(reply.headers['access-control-allow-headers']).toContain('X-Amz-Security-Token');
  });

  it('is not there when switched off: the path is then no route (case 1)', async () => {
    const off = await TestGateway.start(
      { ...DEFAULT_CONFIG, sts: { enabled: false, path: '/sts/' } },
      () => NOW,
    );
    try {
      expectGatewayError(await off.send(await signSts(off)), 'MissingAuthenticationTokenException');
    } finally {
      await off.close();
    }
  });
});
