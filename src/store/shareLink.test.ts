import { describe, expect, it } from 'vitest';
import type { RequestSnapshot } from './playgroundState';
import {
  createShareLink,
  decodeShareFragment,
  encodeShareFragment,
  MAX_SHARE_FRAGMENT_CHARS,
  MAX_SHARED_BODY_BYTES,
  SHARE_PREFIX,
} from './shareLink';
import { createTestStore } from './storeTestSupport';

const SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY-mine';
const TOKEN = 'FwoGZXIvYXdzEXAMPLETOKEN-mine';

const SNAPSHOT: RequestSnapshot = {
  method: 'PUT',
  url: 'https://example.com/ü?a=1&b=%20',
  headers: [{ name: 'x-ü', value: 'é "q"', signed: false }],
  body: '{"π":3.14}\n',
  bodyDropped: false,
  region: 'eu-west-1',
  service: 's3',
  options: {
    mode: 'query',
    expiresIn: '60',
    payload: 'unsigned',
    contentSha256Header: true,
    s3PathRules: null,
    signSessionToken: false,
    algorithm: 'sigv4a',
    regionSet: 'ca-central-1,us-*',
  },
};

/** What a fragment says, decoded by hand: the test must not trust decodeShareFragment for it. */
function plainText(fragment: string): string {
  const base64 = fragment.slice('#share='.length).replace(/-/g, '+').replace(/_/g, '/');
  return Buffer.from(base64, 'base64').toString('utf8');
}

describe('encodeShareFragment', () => {
  it('writes #share= and base64url, with no characters that need escaping in a URL', () => {
    const fragment = encodeShareFragment(SNAPSHOT);
    expect(fragment).toMatch(/^#share=[A-Za-z0-9_-]+$/);
  });
});

describe('decodeShareFragment', () => {
  it('reads back what encodeShareFragment wrote', () => {
    expect(decodeShareFragment(encodeShareFragment(SNAPSHOT))).toEqual(SNAPSHOT);
  });

  it('returns null for no share fragment, bad base64 or the wrong shape', () => {
    expect(decodeShareFragment('')).toBeNull();
    expect(decodeShareFragment('#other')).toBeNull();
    expect(decodeShareFragment('#share=%%%')).toBeNull();
    expect(decodeShareFragment(`#share=${btoa('{"method":1}')}`)).toBeNull();
  });

  it('reads a link made before SigV4A as SigV4 with the default region set', () => {
    const { algorithm: _a, regionSet: _r, ...older } = SNAPSHOT.options;
    void _a;
    void _r;
    const fragment = encodeShareFragment({ ...SNAPSHOT, options: older } as RequestSnapshot);
    expect(decodeShareFragment(fragment)?.options).toEqual({
      ...older,
      algorithm: 'sigv4',
      regionSet: '',
    });
  });

  it('rejects an unknown algorithm or a region set that is not text', () => {
    for (const options of [
      { ...SNAPSHOT.options, algorithm: 'sigv5' },
      { ...SNAPSHOT.options, regionSet: ['us-east-1'] },
    ]) {
      const fragment = encodeShareFragment({ ...SNAPSHOT, options } as unknown as RequestSnapshot);
      expect(decodeShareFragment(fragment)).toBeNull();
    }
  });

  it('rejects a link holding anything a snapshot does not: keys, transport, relay target, gateway', () => {
    const crafted: Array<Record<string, unknown>> = [
      { ...SNAPSHOT, credentials: { secretAccessKey: 'x' } },
      { ...SNAPSHOT, options: { ...SNAPSHOT.options, transport: 'relay' } },
      { ...SNAPSHOT, options: { ...SNAPSHOT.options, gatewayUrl: 'http://evil.example' } },
      { ...SNAPSHOT, relayTarget: 'http://evil.example' },
      { ...SNAPSHOT, headers: [{ name: 'a', value: 'b', signed: true, id: 'x' }] },
      { ...SNAPSHOT, signingTime: '2015-08-30T12:36:00Z' },
    ];
    for (const link of crafted)
      expect(
        decodeShareFragment(encodeShareFragment(link as unknown as RequestSnapshot)),
      ).toBeNull();
  });

  it('rejects another version, a link over the size bound, and fields over theirs', () => {
    const json = (value: unknown) =>
      SHARE_PREFIX + Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeShareFragment(json({ v: 2, ...SNAPSHOT }))).toBeNull();
    expect(decodeShareFragment(json({ ...SNAPSHOT }))).toBeNull();
    expect(decodeShareFragment(SHARE_PREFIX + 'A'.repeat(MAX_SHARE_FRAGMENT_CHARS))).toBeNull();
    const tooMany = Array.from({ length: 65 }, (_, i) => ({
      name: `x-${i}`,
      value: '',
      signed: true,
    }));
    for (const snapshot of [
      { ...SNAPSHOT, headers: tooMany },
      { ...SNAPSHOT, url: `https://example.com/${'a'.repeat(9000)}` },
      { ...SNAPSHOT, body: 'é'.repeat(MAX_SHARED_BODY_BYTES) },
      { ...SNAPSHOT, method: 'G'.repeat(40) },
    ])
      expect(decodeShareFragment(encodeShareFragment(snapshot))).toBeNull();
  });

  it('never lets a link set a credential: header values and URL credentials are left out', () => {
    const fragment = encodeShareFragment({
      ...SNAPSHOT,
      url: 'https://attacker:pw@example.com/?X-Amz-Security-Token=theirs&X-Amz-Signature=abc&a=1',
      headers: [
        { name: 'Cookie', value: 'theirs=1', signed: true },
        { name: 'Authorization', value: 'Bearer theirs', signed: true },
        { name: 'Host', value: 'sts.amazonaws.com', signed: true },
      ],
    });
    expect(decodeShareFragment(fragment)).toMatchObject({
      url: 'https://example.com/?a=1',
      withheldFromUrl: ['user:password@', 'X-Amz-Security-Token', 'X-Amz-Signature'],
      headers: [
        { name: 'Cookie', value: '', withheld: true },
        { name: 'Authorization', value: '', withheld: true },
        { name: 'Host', value: 'sts.amazonaws.com' },
      ],
    });
  });
});

function shareFragmentFor(state: Parameters<typeof createShareLink>[0]): string {
  const link = createShareLink(state);
  if (!link.ok) throw new Error(link.error);
  return link.fragment;
}

describe('createShareLink', () => {
  it('round-trips the form’s request, without any secret', () => {
    const store = createTestStore();
    store.getState().credentials.fillIdentity({
      accessKeyId: 'ASIAMINE',
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
    });
    store.getState().request.setField('method', 'PATCH');
    store.getState().request.addHeader('x-amz-security-token', TOKEN);
    store.getState().request.addHeader('X-Custom', 'kept');
    const fragment = shareFragmentFor(store.getState());
    const text = plainText(fragment);
    for (const secret of [SECRET, TOKEN, 'ASIAMINE']) {
      expect(text).not.toContain(secret);
      expect(fragment).not.toContain(secret);
    }

    const other = createTestStore();
    other.getState().request.restoreRequest(decodeShareFragment(fragment)!);
    const restored = other.getState().request;
    expect(restored.method).toBe('PATCH');
    expect(restored.url).toBe('http://127.0.0.1:5174/prod/hello');
    expect(restored.bodyText).toBe('{"hello":"world"}');
    expect(restored.headers.map(({ name, value, withheld }) => [name, value, withheld])).toEqual([
      ['content-type', 'application/json', undefined],
      ['x-amz-security-token', '', true],
      ['X-Custom', 'kept', undefined],
    ]);
    expect([restored.regionOverride, restored.serviceOverride]).toEqual([
      'ca-central-1',
      'execute-api',
    ]);
    expect(other.getState().credentials.accessKeyId).toBe('AKIDEXAMPLE');
  });

  it('carries the SigV4A choice and region set', () => {
    const store = createTestStore();
    store.getState().options.setField('algorithm', 'sigv4a');
    store.getState().options.setField('regionSet', 'us-*,ca-central-1');
    const other = createTestStore();
    other
      .getState()
      .request.restoreRequest(decodeShareFragment(shareFragmentFor(store.getState()))!);
    expect(other.getState().options).toMatchObject({
      algorithm: 'sigv4a',
      regionSet: 'us-*,ca-central-1',
    });
  });

  it('leaves out every credential header value and URL credential, and names them', () => {
    const store = createTestStore();
    const secrets = {
      Cookie: 'session=cookie-mine',
      'X-Api-Key': 'api-key-mine',
      Authorization: 'Bearer bearer-mine',
    };
    for (const [name, value] of Object.entries(secrets))
      store.getState().request.addHeader(name, value);
    store
      .getState()
      .request.setField('url', 'http://127.0.0.1:5174/prod/hello?token=url-token-mine');
    const link = createShareLink(store.getState());
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    for (const secret of [...Object.values(secrets), 'url-token-mine']) {
      expect(plainText(link.fragment)).not.toContain(secret.split(/[ =]/).at(-1));
    }
    expect(link.withheld).toEqual(['Cookie', 'X-Api-Key', 'Authorization', 'token']);
  });

  it('says when the request is too long for a link', () => {
    const store = createTestStore();
    store.getState().request.setField('url', `https://example.com/${'a'.repeat(9000)}`);
    expect(createShareLink(store.getState())).toMatchObject({ ok: false, error: /Too long/ });
  });

  it('leaves out a body over 8 KiB', () => {
    const store = createTestStore();
    store.getState().request.setField('bodyText', 'x'.repeat(MAX_SHARED_BODY_BYTES + 1));
    expect(decodeShareFragment(shareFragmentFor(store.getState()))).toMatchObject({
      body: '',
      bodyDropped: true,
    });
  });
});
