import { describe, expect, it } from 'vitest';
import { partialize } from './persistence';
import { planSigning, withSigningDate } from './planSigning';
import { answered, createTestStore } from './storeTestSupport';

const NOW = Date.UTC(2015, 7, 30, 12, 36);

const ok = answered({ headers: [['Date', 'Sun, 30 Aug 2015 12:46:00 GMT']] });

function makeStore() {
  const sent: string[] = [];
  const store = createTestStore({
    deps: {
      sendRequest: (request) => {
        sent.push(request.headers.find(([name]) => name.toLowerCase() === 'x-amz-date')![1]);
        return Promise.resolve(ok);
      },
      now: () => NOW,
    },
  });
  return { store, sent };
}

describe('request.applyFix', () => {
  it('set-s3-path-rules sets the signing option', () => {
    const { store } = makeStore();
    store.getState().request.applyFix({ kind: 'set-s3-path-rules', value: true });
    expect(store.getState().options.s3PathRules).toBe(true);
    store.getState().request.applyFix({ kind: 'set-s3-path-rules', value: false });
    expect(store.getState().options.s3PathRules).toBe(false);
  });

  it('set-payload (and the validation fix for UNSIGNED-PAYLOAD) signs the payload again', () => {
    const { store } = makeStore();
    store.getState().options.setField('payload', 'unsigned');
    const issue = planSigning(store.getState()).issues.find((i) => i.field === 'payload');
    expect(issue?.fixAction).toEqual({
      kind: 'set-field',
      field: { slice: 'options', key: 'payload' },
      value: 'signed',
    });
    store.getState().request.applyFix(issue!.fixAction!);
    expect(store.getState().options.payload).toBe('signed');
    store.getState().options.setField('payload', 'unsigned');
    store.getState().request.applyFix({ kind: 'set-payload', value: 'signed' });
    expect(store.getState().options.payload).toBe('signed');
  });

  it('set-region and set-service override the scope', () => {
    const { store } = makeStore();
    store.getState().request.applyFix({ kind: 'set-region', value: 'eu-west-3' });
    store.getState().request.applyFix({ kind: 'set-service', value: 's3' });
    const { request } = store.getState();
    expect(request.regionOverride).toBe('eu-west-3');
    expect(request.serviceOverride).toBe('s3');
    expect(planSigning(store.getState()).input).toMatchObject({
      region: 'eu-west-3',
      service: 's3',
    });
  });

  it('set-region puts the region in the region set too when signing SigV4A', () => {
    const { store } = makeStore();
    expect(store.getState().options.regionSet).toBe('');
    store.getState().request.applyFix({ kind: 'set-region', value: 'eu-west-3' });
    expect(store.getState().options.regionSet).toBe('');
    store.getState().options.setField('algorithm', 'sigv4a');
    store.getState().options.setField('regionSet', 'us-*');
    store.getState().request.applyFix({ kind: 'set-region', value: 'ca-central-1' });
    expect(store.getState().options.regionSet).toBe('ca-central-1');
    expect(planSigning(store.getState()).input).toMatchObject({
      region: 'ca-central-1',
      regionSet: ['ca-central-1'],
    });
  });

  it('set-signing-time fixes (or clears) the signing time', () => {
    const { store } = makeStore();
    store.getState().request.applyFix({ kind: 'set-signing-time', value: '2015-08-30T12:36:00Z' });
    expect(store.getState().request.signingTime).toBe('2015-08-30T12:36:00Z');
    store.getState().request.applyFix({ kind: 'set-signing-time', value: '' });
    expect(store.getState().request.signingTime).toBe('');
  });

  it('unsign-header unticks every row with that name, whatever its case', () => {
    const { store } = makeStore();
    store.getState().request.addHeader('X-Custom', 'a');
    store.getState().request.addHeader('x-other', 'b');
    store.getState().request.applyFix({ kind: 'unsign-header', name: 'x-custom' });
    const rows = store.getState().request.headers;
    expect(rows.map((row) => [row.name, row.signed])).toEqual([
      ['content-type', true],
      ['X-Custom', false],
      ['x-other', true],
    ]);
    expect(planSigning(store.getState()).input.unsignedHeaders).toEqual(['X-Custom']);
  });

  it('set-clock-offset stores whole seconds and clears a fixed signing time', () => {
    const { store } = makeStore();
    store.getState().request.setField('signingTime', '2015-08-30T12:00:00Z');
    store.getState().request.applyFix({ kind: 'set-clock-offset', seconds: 600.4 });
    expect(store.getState().options.clockOffsetSeconds).toBe(600);
    expect(store.getState().request.signingTime).toBe('');
  });
});

describe('clock offset', () => {
  it('starts at zero and is not persisted', () => {
    const { store } = makeStore();
    expect(store.getState().options.clockOffsetSeconds).toBe(0);
    store.getState().options.setField('clockOffsetSeconds', 42);
    expect(partialize(store.getState()).options).not.toHaveProperty('clockOffsetSeconds');
  });

  it('moves "now" when signing, but not a fixed signing time', () => {
    const { store } = makeStore();
    store.getState().options.setField('clockOffsetSeconds', -90);
    const plan = planSigning(store.getState());
    expect(withSigningDate(plan, NOW).signingDate.getTime()).toBe(NOW - 90_000);
    store.getState().request.setField('signingTime', '2015-08-30T12:00:00Z');
    expect(withSigningDate(planSigning(store.getState()), NOW).signingDate.toISOString()).toBe(
      '2015-08-30T12:00:00.000Z',
    );
  });

  it('Send signs with the offset clock and records when the answer came', async () => {
    const { store, sent } = makeStore();
    store.getState().request.applyFix({ kind: 'set-clock-offset', seconds: 600 });
    await store.getState().response.send();
    expect(sent).toEqual(['20150830T124600Z']);
    const outcome = store.getState().response.outcome;
    expect(outcome.kind === 'response' && outcome.receivedAt).toBe(NOW);
  });
});
