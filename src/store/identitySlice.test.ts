import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../server/gateway/gatewayConfig';
import { startGateway, type RunningServer } from '../../server/gateway/gatewayServer';
import {
  DEMO_MFA_SERIAL,
  DEMO_TOTP_SECRET,
  STS_TEST_CONFIG,
} from '../../server/gateway/sts/stsTestSupport';
import { decodeBase32, totp } from '../../server/gateway/sts/totp';
import { LOCAL_STS_PATH } from '../request/sts';
import { sendRequest, type OutgoingRequest } from '../transport/sendRequest';
import { createTestStore } from './storeTestSupport';
import { signingTimeText, stsTargetFor } from './stsCalls';
import { whenState } from './whenState';

// The page's own STS calls against the real local gateway (its STS at LOCAL_STS_PATH), signed by
// the real signer and sent by the real transport (directly: Node has no CORS).

const DEMO = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const CREDENTIALS_FILE = `[demo]
aws_access_key_id = ${DEMO.accessKeyId}
aws_secret_access_key = ${DEMO.secretAccessKey}
`;
const CONFIG_FILE = `[profile reader]
role_arn = arn:aws:iam::850047500507:role/reader
source_profile = demo

[profile stranger]
role_arn = arn:aws:iam::850047500507:role/nobody-trusts-demo
source_profile = demo
`;

type Store = ReturnType<typeof createTestStore>;

describe('identity slice against the local gateway', () => {
  let gateway: RunningServer;
  const sent: OutgoingRequest[] = [];

  beforeAll(async () => {
    gateway = await startGateway({ config: loadGatewayConfig(), port: 0, log: () => {} });
  });
  afterAll(() => gateway.close());

  function pageStore(): Store {
    const store = createTestStore({
      deps: {
        now: () => Date.now(),
        sendRequest: (request, options) => {
          sent.push(request);
          return sendRequest(request, { ...options, mode: 'direct' });
        },
      },
    });
    store
      .getState()
      .options.applyPlaygroundConfig({ gatewayUrl: `${gateway.url}/prod`, relay: false });
    store.getState().credentials.fillIdentity(DEMO);
    return store;
  }

  it("asks the local gateway's STS who the typed keys are", async () => {
    const store = pageStore();
    await store.getState().identity.checkWhoAmI();
    const outcome = store.getState().identity.whoAmI;
    expect(outcome).toMatchObject({
      kind: 'ok',
      value: { account: '850047500507', arn: 'arn:aws:iam::850047500507:user/demo' },
    });
    if (outcome.kind !== 'ok') return;
    expect(outcome.call.fields).toMatchObject({
      method: 'POST',
      url: `${gateway.url}${LOCAL_STS_PATH}`,
      bodyText: 'Action=GetCallerIdentity&Version=2011-06-15',
      serviceOverride: 'sts',
      regionOverride: 'us-east-1',
      profile: '',
    });
    expect(outcome.call.endpoint).toContain("the local gateway's STS");
    expect(outcome.call.signedWith).toBe('the keys typed in Credentials (AKIDEXAMPLE)');
  });

  it('says in a sentence when STS does not know the key, or cannot be reached', async () => {
    const store = pageStore();
    store.getState().credentials.fillIdentity({
      accessKeyId: 'AKIAUNKNOWNKEY000000',
      secretAccessKey: DEMO.secretAccessKey,
    });
    await store.getState().identity.checkWhoAmI();
    expect(store.getState().identity.whoAmI).toMatchObject({
      kind: 'error',
      code: 'InvalidClientTokenId',
      sentence: expect.stringContaining('does not know this access key ID') as string,
    });

    const closed = createTestStore({
      deps: {
        sendRequest: () =>
          sendRequest(
            { method: 'POST', url: 'http://127.0.0.1:9/sts/', headers: [] },
            { mode: 'direct' },
          ),
      },
    });
    closed.getState().credentials.fillIdentity(DEMO);
    await closed.getState().identity.checkWhoAmI();
    const failed = closed.getState().identity.whoAmI;
    expect(failed.kind === 'error' && failed.sentence).toMatch(/could not be reached/);
  });

  it('assumes a role profile with its source profile, and the request then signs as the role', async () => {
    const store = pageStore();
    store.getState().credentials.fillIdentity({ accessKeyId: '', secretAccessKey: '' });
    store.getState().profiles.importProfiles({
      credentials: CREDENTIALS_FILE,
      config: CONFIG_FILE,
    });
    await store.getState().identity.assumeRole('reader');
    const outcome = store.getState().identity.assumed.reader;
    expect(outcome?.kind).toBe('ok');
    if (outcome?.kind !== 'ok') return;
    expect(outcome.value.assumedRoleArn).toMatch(
      /^arn:aws:sts::850047500507:assumed-role\/reader\//,
    );
    expect(outcome.call.fields.profile).toBe('demo');
    expect(outcome.call.signedWith).toBe('profile demo (AKIDEXAMPLE)');
    expect(outcome.call.fields.bodyText).toContain('Action=AssumeRole&Version=2011-06-15');
    const reader = store.getState().profiles.list.find((entry) => entry.name === 'reader');
    expect(reader?.assumed?.expiration).toBe(outcome.value.expiration);
    expect(reader?.assumed?.sessionToken).not.toBe('');
    expect(store.getState().request.profile).toBe('reader');

    await store.getState().identity.checkWhoAmI();
    expect(store.getState().identity.whoAmI).toMatchObject({
      kind: 'ok',
      value: { arn: expect.stringMatching(/assumed-role\/reader\//) as string },
    });

    // The role may GET where demo may only POST.
    store.getState().request.setField('method', 'GET');
    store.getState().request.setField('bodyText', '');
    await store.getState().response.send();
    const answer = store.getState().response.outcome;
    expect(answer.kind === 'response' && answer.answer.status).toBe(200);
  });

  it("says so in a sentence when the role's trust policy does not trust the caller", async () => {
    const store = pageStore();
    store.getState().profiles.importProfiles({
      credentials: CREDENTIALS_FILE,
      config: CONFIG_FILE,
    });
    await store.getState().identity.assumeRole('stranger');
    const outcome = store.getState().identity.assumed.stranger;
    expect(outcome?.kind).toBe('error');
    if (outcome?.kind !== 'error') return;
    expect(outcome.code).toBe('AccessDenied');
    expect(outcome.sentence).toMatch(/may not assume that role/);
    expect(outcome.sentence).not.toContain(DEMO.secretAccessKey);
  });

  it('refuses a role profile whose source cannot sign, before anything is sent', async () => {
    const store = pageStore();
    store.getState().profiles.importProfiles({ config: CONFIG_FILE });
    const before = sent.length;
    await store.getState().identity.assumeRole('reader');
    expect(store.getState().identity.assumed.reader).toMatchObject({
      kind: 'error',
      call: null,
      sentence: expect.stringContaining('demo') as string,
    });
    expect(sent.length).toBe(before);
  });

  it('keeps the form as a role profile, and names each problem of a bad one', async () => {
    const store = pageStore();
    const problems = await store.getState().identity.assumeRoleWith({
      name: 'r',
      roleArn: 'arn:aws:iam::850047500507:user/demo',
      roleSessionName: 'x',
      durationSeconds: '60',
      externalId: '',
      mfaSerial: '',
      tokenCode: '',
      sourceProfile: '',
    });
    expect(problems.join(' ')).toMatch(/not a role ARN/);
    expect(problems.join(' ')).toMatch(/2 to 64 characters/);
    expect(problems.join(' ')).toMatch(/from 900/);

    const none = await store.getState().identity.assumeRoleWith({
      name: 'reader-form',
      roleArn: 'arn:aws:iam::850047500507:role/reader',
      roleSessionName: 'me',
      durationSeconds: '900',
      externalId: '',
      mfaSerial: '',
      tokenCode: '',
      sourceProfile: '',
    });
    expect(none).toEqual([]);
    const entry = store.getState().profiles.list.find((each) => each.name === 'reader-form');
    expect(entry).toMatchObject({ kind: 'assume-role', durationSeconds: 900 });
    expect(store.getState().identity.assumed['reader-form']?.kind).toBe('ok');
  });

  it('opens a call as a tab that signs exactly the bytes that were sent', async () => {
    const store = pageStore();
    await store.getState().identity.checkWhoAmI();
    const outcome = store.getState().identity.whoAmI;
    if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome));
    const wire = sent.at(-1)!;
    const authorization = wire.headers.find(
      ([name]) => name.toLowerCase() === 'authorization',
    )?.[1];
    expect(authorization).toMatch(/\/us-east-1\/sts\/aws4_request/);

    const tabsBefore = store.getState().tabs.list.length;
    expect(store.getState().identity.showSigning(outcome.call)).toBe(true);
    expect(store.getState().tabs.list.length).toBe(tabsBefore + 1);
    await whenState(store, (state) => state.signing.live?.input.service === 'sts');
    const live = store.getState().signing.live!;
    expect(live.result.authorization).toBe(authorization);
    expect(live.input.body).toBe('Action=GetCallerIdentity&Version=2011-06-15');
    expect(live.result.canonicalRequest).toMatch(/^POST\n\/sts\/\n/);
    expect(store.getState().signing.plan.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('identity slice: MFA, external IDs and role chains at the local STS', () => {
  let gateway: RunningServer;
  const sent: OutgoingRequest[] = [];
  const config = `[profile guarded]
role_arn = arn:aws:iam::850047500507:role/guarded
source_profile = demo
mfa_serial = ${DEMO_MFA_SERIAL}

[profile reader]
role_arn = arn:aws:iam::850047500507:role/reader
source_profile = demo

[profile chained]
role_arn = arn:aws:iam::850047500507:role/chained
source_profile = reader
`;

  beforeAll(async () => {
    gateway = await startGateway({ config: STS_TEST_CONFIG, port: 0, log: () => {} });
  });
  afterAll(() => gateway.close());

  function pageStore(): Store {
    const store = createTestStore({
      deps: {
        now: () => Date.now(),
        sendRequest: (request, options) => {
          sent.push(request);
          return sendRequest(request, { ...options, mode: 'direct' });
        },
      },
    });
    store.getState().options.applyPlaygroundConfig({
      gatewayUrl: `${gateway.url}/prod`,
      relay: false,
    });
    store.getState().credentials.fillIdentity(DEMO);
    store.getState().profiles.importProfiles({ credentials: CREDENTIALS_FILE, config });
    return store;
  }
  const currentCode = () => totp(decodeBase32(DEMO_TOTP_SECRET)!, Date.now());
  /** Another 6-digit code than the device's current one (and than its neighbours). */
  const wrongCode = () => String((Number(currentCode()) + 500_000) % 1_000_000).padStart(6, '0');

  it('asks for the MFA code before sending, and refuses a wrong one in a sentence', async () => {
    const store = pageStore();
    const before = sent.length;
    await store.getState().identity.assumeRole('guarded');
    expect(store.getState().identity.assumed.guarded).toMatchObject({
      kind: 'error',
      call: null,
      sentence: expect.stringContaining('6-digit code') as string,
    });
    expect(sent.length).toBe(before);

    const wrong = wrongCode();
    await store.getState().identity.assumeRole('guarded', wrong);
    const refusedOutcome = store.getState().identity.assumed.guarded;
    expect(refusedOutcome).toMatchObject({ kind: 'error', code: 'AccessDenied' });
    if (refusedOutcome?.kind !== 'error') return;
    expect(refusedOutcome.sentence).toMatch(/MFA/);
    expect(refusedOutcome.sentence).not.toContain(wrong);
  });

  it("assumes an MFA role with the device's current code", async () => {
    const store = pageStore();
    await store.getState().identity.assumeRole('guarded', currentCode());
    expect(store.getState().identity.assumed.guarded).toMatchObject({
      kind: 'ok',
      value: { assumedRoleArn: expect.stringMatching(/assumed-role\/guarded\//) as string },
    });
  });

  it('needs the external ID a role asks for, and assumes it with the right one', async () => {
    const store = pageStore();
    const form = {
      name: 'partner',
      roleArn: 'arn:aws:iam::850047500507:role/partner',
      roleSessionName: 'me',
      durationSeconds: '',
      externalId: '',
      mfaSerial: '',
      tokenCode: '',
      sourceProfile: 'demo',
    };
    expect(await store.getState().identity.assumeRoleWith(form)).toEqual([]);
    expect(store.getState().identity.assumed.partner).toMatchObject({
      kind: 'error',
      code: 'AccessDenied',
      sentence: expect.stringMatching(/external ID/) as string,
    });
    await store.getState().identity.assumeRoleWith({ ...form, externalId: 'partner-42' });
    expect(store.getState().identity.assumed.partner?.kind).toBe('ok');
  });

  it('chains roles: a role profile whose source is an assumed role signs with its keys', async () => {
    const store = pageStore();
    await store.getState().identity.assumeRole('chained');
    expect(store.getState().identity.assumed.chained).toMatchObject({
      kind: 'error',
      call: null,
      sentence: expect.stringContaining('reader') as string,
    });
    await store.getState().identity.assumeRole('reader');
    await store.getState().identity.assumeRole('chained');
    const outcome = store.getState().identity.assumed.chained;
    expect(outcome?.kind).toBe('ok');
    expect(outcome?.kind === 'ok' && outcome.call.fields.profile).toBe('reader');
  });
});

describe('stsTargetFor', () => {
  it("sends to the local gateway's STS for a local gateway request, else to AWS", () => {
    const gatewayUrl = 'http://127.0.0.1:5174/prod';
    expect(stsTargetFor(`${gatewayUrl}/hello`, gatewayUrl, 'ca-central-1')).toEqual({
      localUrl: `http://127.0.0.1:5174${LOCAL_STS_PATH}`,
    });
    expect(
      stsTargetFor('https://a.execute-api.eu-west-1.amazonaws.com/x', gatewayUrl, 'eu-west-1'),
    ).toEqual({ region: 'eu-west-1' });
    expect(stsTargetFor('https://example.com/', gatewayUrl, '')).toEqual({});
  });

  it('writes the signing time in whole seconds, as the Signing time field reads it', () => {
    expect(signingTimeText(Date.parse('2026-11-30T01:02:03.999Z'))).toBe('2026-11-30T01:02:03Z');
  });
});
