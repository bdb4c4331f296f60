import { describe, expect, it } from 'vitest';
import { rebaseGatewayUrl } from './optionsSlice';
import { effectiveTransport } from './planSigning';
import { createTestStore, FIRST_RUN_SNAPSHOT_OPTIONS } from './storeTestSupport';

describe('createOptionsSlice', () => {
  it('starts in header mode with a signed payload and service defaults', () => {
    const { options } = createTestStore().getState();
    expect(options).toMatchObject({
      ...FIRST_RUN_SNAPSHOT_OPTIONS,
      transport: null,
      relayAvailable: null,
    });
  });

  it('applyPlaygroundConfig moves a URL on the old gateway to the new one', () => {
    const store = createTestStore();
    store.getState().options.applyPlaygroundConfig({
      gatewayUrl: 'http://127.0.0.1:5274/prod',
      relay: true,
    });
    const state = store.getState();
    expect(state.request.url).toBe('http://127.0.0.1:5274/prod/hello');
    expect(state.options.gatewayUrl).toBe('http://127.0.0.1:5274/prod');
    expect(state.options.relayAvailable).toBe(true);
  });

  it('applyPlaygroundConfig leaves a URL elsewhere alone', () => {
    const store = createTestStore();
    store.getState().request.setField('url', 'https://abc.execute-api.us-east-1.amazonaws.com/x');
    store.getState().options.applyPlaygroundConfig({ gatewayUrl: 'http://h:1/p', relay: false });
    expect(store.getState().request.url).toBe('https://abc.execute-api.us-east-1.amazonaws.com/x');
  });
});

describe('rebaseGatewayUrl', () => {
  it('rewrites the base only at a path, query or fragment boundary', () => {
    expect(rebaseGatewayUrl('http://a:1/prod/hello', 'http://a:1/prod', 'http://a:2/prod')).toBe(
      'http://a:2/prod/hello',
    );
    expect(rebaseGatewayUrl('http://a:1/prod?x', 'http://a:1/prod', 'http://a:2/p')).toBe(
      'http://a:2/p?x',
    );
    expect(rebaseGatewayUrl('http://a:1/prod', 'http://a:1/prod', 'http://a:2/p')).toBe(
      'http://a:2/p',
    );
    expect(rebaseGatewayUrl('http://a:1/production', 'http://a:1/prod', 'http://a:2/p')).toBe(
      'http://a:1/production',
    );
  });
});

describe('effectiveTransport', () => {
  it('is the relay unless the server says there is none, and the user choice wins', () => {
    const options = createTestStore().getState().options;
    expect(effectiveTransport(options)).toBe('relay');
    expect(effectiveTransport({ ...options, relayAvailable: false })).toBe('direct');
    expect(effectiveTransport({ ...options, relayAvailable: false, transport: 'relay' })).toBe(
      'relay',
    );
    expect(effectiveTransport({ ...options, transport: 'direct' })).toBe('direct');
  });
});
