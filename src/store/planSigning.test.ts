import { describe, expect, it } from 'vitest';
import type { OutgoingRequest } from '../transport/sendRequest';
import { createMemoryStorage } from './createPlaygroundStore';
import { MAX_SIGNED_FILE_BYTES, planSigning, withSigningDate } from './planSigning';
import { answered, createTestStore } from './storeTestSupport';

describe('planSigning', () => {
  it('turns the first-run state into a signable input', () => {
    const plan = planSigning(createTestStore().getState());
    expect(plan.blockers).toEqual([]);
    expect(plan.input).toMatchObject({
      method: 'POST',
      url: 'http://127.0.0.1:5174/prod/hello',
      headers: [['content-type', 'application/json']],
      body: '{"hello":"world"}',
      region: 'ca-central-1',
      service: 'execute-api',
      mode: 'header',
      payload: 'signed',
      signSessionToken: true,
    });
    expect(plan.input.credentials).toEqual({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    });
    expect(plan.signingTime).toEqual({ kind: 'now' });
    // Left unset so the signer applies its per-service defaults.
    expect(plan.input).not.toHaveProperty('contentSha256Header');
    expect(plan.input).not.toHaveProperty('normalizePath');
  });

  it('follows the host: the first-run request signs for the local gateway, a pasted URL for its own region', () => {
    const store = createTestStore();
    let plan = planSigning(store.getState());
    expect(plan.scope.region).toEqual({
      value: 'ca-central-1',
      source: 'detected',
      detected: 'ca-central-1',
    });
    expect(plan.scope.detected.kind).toBe('local-gateway');
    store
      .getState()
      .request.setField('url', 'https://abc123.execute-api.eu-west-1.amazonaws.com/dev/items');
    plan = planSigning(store.getState());
    expect(plan.scope.region).toMatchObject({ value: 'eu-west-1', source: 'detected' });
    expect(plan.input.service).toBe('execute-api');
    expect(plan.issues.filter((issue) => issue.field === 'region')).toEqual([]);
    for (const [url, region, service] of [
      ['https://abcdefghij.lambda-url.us-west-2.on.aws/', 'us-west-2', 'lambda'],
      ['https://bucket.s3.us-east-2.amazonaws.com/key', 'us-east-2', 's3'],
    ] as const) {
      store.getState().request.setField('url', url);
      expect(planSigning(store.getState()).input).toMatchObject({ region, service });
    }
  });

  it('says loudly when a hand-set region or service contradicts the host, with the fix one click away', () => {
    const store = createTestStore();
    store
      .getState()
      .request.setField('url', 'https://abc123.execute-api.eu-west-1.amazonaws.com/dev/items');
    store.getState().request.setField('regionOverride', 'ca-central-1');
    let plan = planSigning(store.getState());
    expect(plan.scope.region).toEqual({
      value: 'ca-central-1',
      source: 'override',
      detected: 'eu-west-1',
    });
    const [issue, ...others] = plan.issues.filter((each) => each.field === 'region');
    expect(others).toEqual([]);
    expect(issue).toMatchObject({
      severity: 'error',
      fix: 'eu-west-1',
      fixAction: { kind: 'follow-host', field: 'region' },
    });
    expect(issue!.message).toMatch(/host says eu-west-1.*403/);
    // A deliberate mismatch still signs (and sends) for the region chosen.
    expect(plan.input.region).toBe('ca-central-1');
    expect(plan.blockers).toEqual([]);
    store.getState().request.applyFix(issue!.fixAction!);
    plan = planSigning(store.getState());
    expect(plan.scope.region).toMatchObject({ value: 'eu-west-1', source: 'detected' });
    expect(plan.issues.filter((each) => each.field === 'region')).toEqual([]);
  });

  it('keeps hand-set values on a custom domain, and says why', () => {
    const store = createTestStore();
    store.getState().request.setField('regionOverride', 'eu-west-1');
    store.getState().request.setField('serviceOverride', 'execute-api');
    store.getState().request.setField('url', 'https://api.example.com/items');
    const plan = planSigning(store.getState());
    expect(plan.input).toMatchObject({ region: 'eu-west-1', service: 'execute-api' });
    expect(plan.scope.detected.note).toMatch(/custom domain/);
    expect(plan.issues.filter((each) => each.field === 'region')).toEqual([]);
  });

  it('leaves region and service empty for a custom domain with nothing chosen', () => {
    const store = createTestStore();
    store.getState().request.setField('url', 'https://api.example.com/x');
    store.getState().request.setField('regionOverride', null);
    const plan = planSigning(store.getState());
    expect(plan.scope.region.source).toBe('none');
    expect(plan.input.region).toBe('');
    expect(
      plan.issues.some((issue) => issue.field === 'region' && issue.severity === 'error'),
    ).toBe(true);
  });

  it('skips empty header rows and maps input indices back to row ids', () => {
    const store = createTestStore();
    store.getState().request.addHeader();
    const id = store.getState().request.addHeader('x-unsigned', 'v');
    store.getState().request.updateHeader(id, { signed: false });
    const plan = planSigning(store.getState());
    expect(plan.input.headers).toEqual([
      ['content-type', 'application/json'],
      ['x-unsigned', 'v'],
    ]);
    expect(plan.headerRowIds[1]).toBe(id);
    expect(plan.input.unsignedHeaders).toEqual(['x-unsigned']);
  });

  it('maps the options: presigned expiry, S3 path rules, x-amz-content-sha256', () => {
    const store = createTestStore();
    const { setField } = store.getState().options;
    setField('mode', 'query');
    setField('expiresIn', '60');
    setField('s3PathRules', true);
    setField('contentSha256Header', true);
    setField('signSessionToken', false);
    const { input } = planSigning(store.getState());
    expect(input).toMatchObject({
      mode: 'query',
      expiresIn: 60,
      normalizePath: false,
      doubleEncodePath: false,
      contentSha256Header: true,
      signSessionToken: false,
    });
  });

  it('signs SigV4 by default, and SigV4A with the typed region set when chosen', () => {
    const store = createTestStore();
    expect(planSigning(store.getState()).input).not.toHaveProperty('algorithm');
    const { setField } = store.getState().options;
    setField('algorithm', 'sigv4a');
    // Empty: the signer's default, the request's region alone.
    let { input } = planSigning(store.getState());
    expect(input.algorithm).toBe('sigv4a');
    expect(input).not.toHaveProperty('regionSet');
    setField('regionSet', ' us-*, ,ca-central-1 ');
    input = planSigning(store.getState()).input;
    expect(input.regionSet).toEqual(['us-*', 'ca-central-1']);
    // The region set is SigV4A's alone.
    setField('algorithm', 'sigv4');
    input = planSigning(store.getState()).input;
    expect(input).not.toHaveProperty('algorithm');
    expect(input).not.toHaveProperty('regionSet');
  });

  it('warns about a region set entry that cannot be a region, with a fix when case is all', () => {
    const store = createTestStore();
    const { setField } = store.getState().options;
    setField('regionSet', 'US-*');
    // SigV4 ignores the region set.
    expect(planSigning(store.getState()).issues.some((i) => i.field === 'regionSet')).toBe(false);
    setField('algorithm', 'sigv4a');
    const issue = planSigning(store.getState()).issues.find((i) => i.field === 'regionSet');
    expect(issue).toMatchObject({ severity: 'warning', fix: 'us-*' });
    store.getState().request.applyFix(issue!.fixAction!);
    expect(store.getState().options.regionSet).toBe('us-*');
    expect(planSigning(store.getState()).issues.some((i) => i.field === 'regionSet')).toBe(false);
    setField('regionSet', 'us east 1');
    expect(planSigning(store.getState()).issues.find((i) => i.field === 'regionSet')).toEqual({
      field: 'regionSet',
      severity: 'warning',
      message: expect.stringContaining('“us east 1” is not a region name') as string,
    });
  });

  it('passes an invalid expiry through so the validator reports it with a fix', () => {
    const store = createTestStore();
    store.getState().options.setField('mode', 'query');
    store.getState().options.setField('expiresIn', '0');
    const issue = planSigning(store.getState()).issues.find((i) => i.field === 'expiresIn');
    expect(issue).toMatchObject({ severity: 'error', fix: '1' });
  });

  it('blocks on an invalid signing time and reports it on signingDate', () => {
    const store = createTestStore();
    store.getState().request.setField('signingTime', '2015-08-30T12:36:00');
    const plan = planSigning(store.getState());
    expect(plan.blockers).toHaveLength(1);
    expect(plan.issues.find((i) => i.field === 'signingDate')).toMatchObject({
      fix: '2015-08-30T12:36:00Z',
    });
  });

  it('uses file bytes as the body, and blocks a file over 50 MiB unless UNSIGNED-PAYLOAD', async () => {
    const store = createTestStore();
    await store.getState().request.loadBodyFile(new File([new Uint8Array([9, 8])], 'b.bin'));
    expect(planSigning(store.getState()).input.body).toEqual(new Uint8Array([9, 8]));
    const file = store.getState().request.bodyFile!;
    store.setState((s) => ({
      request: { ...s.request, bodyFile: { ...file, size: MAX_SIGNED_FILE_BYTES + 1 } },
    }));
    expect(planSigning(store.getState()).blockers[0]).toMatch(/UNSIGNED-PAYLOAD/);
    store.getState().options.setField('payload', 'unsigned');
    expect(planSigning(store.getState()).blockers).toEqual([]);
  });

  it('sends no body for an empty text body', () => {
    const store = createTestStore();
    store.getState().request.setField('bodyText', '');
    expect(planSigning(store.getState()).input).not.toHaveProperty('body');
  });
});

describe('planSigning (direct transport)', () => {
  const planFor = (transport: 'direct' | 'relay', url: string) => {
    const store = createTestStore();
    store.getState().options.setField('transport', transport);
    store.getState().request.setField('url', url);
    return planSigning(store.getState());
  };

  it('signs the path the browser sends when it rewrites the typed one', () => {
    const plan = planFor('direct', 'http://127.0.0.1:5174/prod/hello/x/..?a=1');
    expect(plan.input.url).toBe('http://127.0.0.1:5174/prod/hello/?a=1');
    expect(plan.browserPath).toEqual({ written: '/prod/hello/x/..', sent: '/prod/hello/' });
  });

  it('validates the URL as typed, so fixes apply to the field', () => {
    const plan = planFor('direct', 'http://127.0.0.1:5174/prod/a b/..');
    expect(plan.input.url).toBe('http://127.0.0.1:5174/prod/');
    expect(plan.issues).toContainEqual(
      expect.objectContaining({ field: 'url', fix: 'http://127.0.0.1:5174/prod/a%20b/..' }),
    );
  });

  it('signs the path as typed through the relay, which sends it as written', () => {
    const plan = planFor('relay', 'http://127.0.0.1:5174/prod/hello/x/..');
    expect(plan.input.url).toBe('http://127.0.0.1:5174/prod/hello/x/..');
    expect(plan).not.toHaveProperty('browserPath');
  });

  it('leaves a path the browser sends as it is alone', () => {
    const plan = planFor('direct', 'http://127.0.0.1:5174/prod/hello');
    expect(plan.input.url).toBe('http://127.0.0.1:5174/prod/hello');
    expect(plan).not.toHaveProperty('browserPath');
  });

  /** The first-run request with these header lines added, sent by `transport`. */
  const planWithHeaders = (transport: 'direct' | 'relay', lines: Array<[string, string]>) => {
    const store = createTestStore();
    store.getState().options.setField('transport', transport);
    for (const [name, value] of lines) store.getState().request.addHeader(name, value);
    return planSigning(store.getState());
  };

  it('signs a header given on several lines as the one line fetch sends', () => {
    const plan = planWithHeaders('direct', [
      ['X-Amz-User-Agent', ' a '],
      ['x-amz-user-agent', 'b'],
    ]);
    // Fetch's Headers: one line per name, values joined by ", " (a signer would join by ",").
    expect(plan.input.headers).toContainEqual(['x-amz-user-agent', 'a, b']);
    expect(plan.input.headers!.filter(([name]) => /^x-amz-user-agent$/i.test(name))).toHaveLength(
      1,
    );
    expect(plan.headersJoined).toBe(true);
    // The rows stay the rows: each issue still names the line typed.
    expect(plan.headerRowIds).toHaveLength(plan.input.headers!.length + 1);
  });

  it('keeps repeated header lines as typed through the relay, which sends each', () => {
    const lines: Array<[string, string]> = [
      ['X-Amz-User-Agent', 'a'],
      ['X-Amz-User-Agent', 'b'],
    ];
    const plan = planWithHeaders('relay', lines);
    expect(plan.input.headers!.slice(-2)).toEqual(lines);
    expect(plan).not.toHaveProperty('headersJoined');
  });

  it('sends headers as typed when no name repeats, and leaves a line fetch refuses as typed', () => {
    const plain = planWithHeaders('direct', [['X-Amz-User-Agent', 'a']]);
    expect(plain.input.headers!.at(-1)).toEqual(['X-Amz-User-Agent', 'a']);
    expect(plain).not.toHaveProperty('headersJoined');
    const refused = planWithHeaders('direct', [
      ['X-Bad', 'caf\u00e9 \u20ac'],
      ['X-Bad', 'b'],
    ]);
    expect(refused.input.headers!.slice(-2)).toEqual([
      ['X-Bad', 'caf\u00e9 \u20ac'],
      ['X-Bad', 'b'],
    ]);
    expect(refused).not.toHaveProperty('headersJoined');
  });
});

describe('withSigningDate', () => {
  it('uses the fixed time when there is one, else the given clock', () => {
    const store = createTestStore();
    const now = Date.UTC(2020, 0, 1);
    expect(withSigningDate(planSigning(store.getState()), now).signingDate.getTime()).toBe(now);
    store.getState().request.setField('signingTime', '20150830T123600Z');
    expect(withSigningDate(planSigning(store.getState()), now).signingDate.toISOString()).toBe(
      '2015-08-30T12:36:00.000Z',
    );
  });
});

describe('planSigning (a credential header not kept across a reload)', () => {
  /** The page before and after a reload: two stores on one storage, "Remember" off. */
  function reloaded() {
    const storage = createMemoryStorage();
    const sent: OutgoingRequest[] = [];
    const open = () =>
      createTestStore({
        deps: {
          sendRequest: (request) => {
            sent.push(request);
            return Promise.resolve(answered());
          },
        },
        storage,
      });
    const before = open();
    before.getState().request.addHeader('X-Api-Key', 'api-key-value');
    before.getState().request.addHeader('X-Custom', 'kept');
    return { store: open(), sent };
  }

  it('leaves the emptied row out of signing and sending, and says which it is', async () => {
    const { store, sent } = reloaded();
    const row = store.getState().request.headers.find((r) => r.name === 'X-Api-Key')!;
    expect(row).toMatchObject({ value: '', withheld: true });
    const plan = planSigning(store.getState());
    expect(plan.input.headers).toEqual([
      ['content-type', 'application/json'],
      ['X-Custom', 'kept'],
    ]);
    expect(plan.withheldHeaders).toEqual([{ rowId: row.id, name: 'X-Api-Key' }]);
    await store.getState().response.send();
    const names = sent[0]!.headers.map(([name]) => name.toLowerCase());
    expect(names).toContain('x-custom');
    expect(names).not.toContain('x-api-key');
    expect(sent[0]!.headers.find(([name]) => name === 'Authorization')![1]).toContain(
      'SignedHeaders=content-type;host;x-amz-date;x-custom,',
    );
  });

  it('signs and sends the row again once its value is pasted', async () => {
    const { store, sent } = reloaded();
    const row = store.getState().request.headers.find((r) => r.name === 'X-Api-Key')!;
    store.getState().request.updateHeader(row.id, { value: 'pasted-again' });
    const plan = planSigning(store.getState());
    expect(plan.input.headers).toContainEqual(['X-Api-Key', 'pasted-again']);
    expect(plan.withheldHeaders).toEqual([]);
    await store.getState().response.send();
    expect(sent[0]!.headers).toContainEqual(['X-Api-Key', 'pasted-again']);
  });
});
