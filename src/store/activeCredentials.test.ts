import { describe, expect, it } from 'vitest';
import { selectActiveCredentials } from './activeCredentials';
import { answered, createTestStore } from './storeTestSupport';
import type { OutgoingRequest } from '../transport/sendRequest';

const CREDENTIALS = `[admin]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[temporary]
aws_access_key_id = ASIATEMPORARY
aws_secret_access_key = temporary-secret
aws_session_token = temporary-token
x_security_token_expires = 2030-01-01T00:00:00Z

[sso]
sso_session = corp
`;
const CONFIG = `[profile reader]
role_arn = arn:aws:iam::123456789012:role/reader
source_profile = admin
`;

async function setup() {
  const sent: OutgoingRequest[] = [];
  const store = createTestStore({
    deps: {
      sendRequest: (request) => {
        sent.push(request);
        return Promise.resolve(answered());
      },
    },
  });
  await store.getState().collections.load();
  store.getState().profiles.importProfiles({ credentials: CREDENTIALS, config: CONFIG });
  const state = () => store.getState();
  const active = () => selectActiveCredentials(state());
  return { store, state, active, sent };
}

describe('selectActiveCredentials', () => {
  it('signs with the typed keys when neither the request nor the environment names a profile', async () => {
    const { state, active } = await setup();
    expect(active()).toEqual({
      source: { kind: 'typed' },
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      sessionToken: '',
      expiration: null,
      blocked: null,
    });
    expect(state().signing.plan.input.credentials.accessKeyId).toBe('AKIDEXAMPLE');
  });

  it("prefers the request's profile to the active environment's, and that to the typed keys", async () => {
    const { state, active } = await setup();
    const dev = state().environments.create('dev');
    state().environments.setProfile(dev, 'temporary');
    expect(active().source).toEqual({ kind: 'typed' });
    state().environments.setActive(dev);
    expect(active()).toMatchObject({
      source: { kind: 'profile', name: 'temporary', via: 'environment' },
      accessKeyId: 'ASIATEMPORARY',
      sessionToken: 'temporary-token',
      expiration: '2030-01-01T00:00:00.000Z',
    });
    expect(state().signing.plan.input.credentials).toEqual({
      accessKeyId: 'ASIATEMPORARY',
      secretAccessKey: 'temporary-secret',
      sessionToken: 'temporary-token',
    });

    state().request.setField('profile', 'admin');
    expect(active()).toMatchObject({
      source: { kind: 'profile', name: 'admin', via: 'request' },
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      sessionToken: '',
      expiration: null,
      blocked: null,
    });
    expect(state().signing.plan.input.credentials.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(state().signing.plan.blockers).toEqual([]);

    state().environments.setProfile(dev, '');
    state().request.setField('profile', '');
    expect(active().source).toEqual({ kind: 'typed' });
  });

  it('blocks a role that is not assumed yet, then signs with its assumed keys', async () => {
    const { state, active, sent } = await setup();
    state().request.setField('profile', 'reader');
    expect(active().blocked).toBe('Profile reader is a role: assume it first.');
    expect(state().signing.plan.blockers).toEqual(['Profile reader is a role: assume it first.']);
    // Its empty keys raise no "Enter an access key ID": the blocker says what to do.
    expect(
      state().signing.plan.issues.filter((issue) => issue.field.startsWith('credentials.')),
    ).toEqual([]);
    await state().response.send();
    expect(sent).toEqual([]);

    state().profiles.setAssumed('reader', {
      accessKeyId: 'ASIAREADER',
      secretAccessKey: 'reader-secret',
      sessionToken: 'reader-token',
      expiration: '2030-01-01T01:00:00Z',
    });
    expect(active()).toMatchObject({
      accessKeyId: 'ASIAREADER',
      expiration: '2030-01-01T01:00:00Z',
      blocked: null,
    });
    await state().response.send();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers).toContainEqual(['X-Amz-Security-Token', 'reader-token']);
  });

  it('blocks a profile that is missing or cannot sign, with a sentence', async () => {
    const { state, active } = await setup();
    state().request.setField('profile', 'gone');
    expect(active().blocked).toBe(
      'Profile gone is not on this page: import the credentials or config file that has it, or choose other keys.',
    );
    state().request.setField('profile', 'sso');
    expect(active().blocked).toMatch(/^Profile sso cannot sign here: IAM Identity Center/);
    expect(active().accessKeyId).toBe('');
  });

  it('goes back to the typed keys when keys are filled in or imported on purpose', async () => {
    const { state, active } = await setup();
    state().request.setField('profile', 'admin');
    state().credentials.fillIdentity({ accessKeyId: 'AKIAFILLED', secretAccessKey: 's' });
    expect(active()).toMatchObject({ source: { kind: 'typed' }, accessKeyId: 'AKIAFILLED' });
    state().request.setField('profile', 'admin');
    state().credentials.importCredentials({ accessKeyId: 'AKIAPASTED', secretAccessKey: 's' });
    expect(active()).toMatchObject({ source: { kind: 'typed' }, accessKeyId: 'AKIAPASTED' });
  });

  it('offers no fix that would write into the typed keys for a profile', async () => {
    const { state } = await setup();
    state().profiles.importProfiles({
      credentials: '[padded]\naws_access_key_id = ASIAPADDED\naws_secret_access_key = s\n',
    });
    state().request.setField('profile', 'padded');
    const issue = state().signing.plan.issues.find(
      (each) => each.field === 'credentials.sessionToken',
    );
    expect(issue).toBeDefined();
    expect(issue!.fixAction).toBeUndefined();
  });
});

describe('chooseProfile', () => {
  const REGIONS = `[profile east]
region = us-east-1
[profile west]
region = us-west-2
[profile bare]
`;
  const KEYS = `[east]
aws_access_key_id = A
aws_secret_access_key = s
[west]
aws_access_key_id = A
aws_secret_access_key = s
[bare]
aws_access_key_id = A
aws_secret_access_key = s
`;

  it("fills the region from the profile where the host names none, and follows the next profile's", async () => {
    const { state } = await setup();
    state().profiles.importProfiles({ credentials: KEYS, config: REGIONS });
    state().request.setField('url', 'https://api.example.com/orders');
    state().request.chooseProfile('east');
    expect(state().request).toMatchObject({ profile: 'east', regionOverride: 'us-east-1' });
    state().request.chooseProfile('west');
    expect(state().request.regionOverride).toBe('us-west-2');
    state().request.chooseProfile('bare');
    expect(state().request).toMatchObject({ profile: 'bare', regionOverride: 'us-west-2' });
  });

  it("leaves a region the user typed, and the host's region, alone", async () => {
    const { state } = await setup();
    state().profiles.importProfiles({ credentials: KEYS, config: REGIONS });
    state().request.setField('url', 'https://api.example.com/orders');
    state().request.setField('regionOverride', 'eu-west-1');
    state().request.chooseProfile('east');
    expect(state().request.regionOverride).toBe('eu-west-1');

    state().request.setField('url', 'https://sqs.ap-south-1.amazonaws.com/');
    state().request.setField('regionOverride', null);
    state().request.chooseProfile('west');
    expect(state().request.regionOverride).toBeNull();
    expect(state().signing.plan.scope.region.value).toBe('ap-south-1');
  });
});
