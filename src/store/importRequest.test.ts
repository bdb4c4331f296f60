import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { toCurl } from '../exporting/requestText';
import { importAnything } from '../importing/importAnything';
import { createSigner, type SigningInput } from '../signing';
import { createTestStore } from './storeTestSupport';

const signer = createSigner({ crypto: nodeSigningCrypto });

const input: SigningInput = {
  method: 'POST',
  url: 'https://example.execute-api.ca-central-1.amazonaws.com/prod/hello',
  headers: [['content-type', 'application/json']],
  body: '{"hello":"world"}',
  credentials: {
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  },
  region: 'ca-central-1',
  service: 'execute-api',
  signingDate: new Date('2026-11-26T10:00:00Z'),
};

/** The request as a signed curl command or presigned URL, imported as Import reads it. */
async function imported(overrides: Partial<SigningInput>) {
  const signed = await signer.signRequest({ ...input, ...overrides });
  const text =
    overrides.mode === 'query'
      ? signed.url
      : toCurl({
          method: input.method,
          url: signed.url,
          headers: signed.headers,
          body: input.body,
        });
  const result = importAnything(text);
  if (result.kind !== 'request') throw new Error(`not imported: ${JSON.stringify(result)}`);
  return result.request;
}

describe('importRequest', () => {
  it('switches the options to SigV4A with the region set a SigV4A request was signed for', async () => {
    const store = createTestStore();
    expect(store.getState().options.algorithm).toBe('sigv4');
    store
      .getState()
      .request.importRequest(
        await imported({ algorithm: 'sigv4a', regionSet: ['us-*', 'ca-central-1'] }),
      );
    expect(store.getState().options).toMatchObject({
      algorithm: 'sigv4a',
      regionSet: 'us-*,ca-central-1',
    });
    expect(store.getState().signing.plan.input).toMatchObject({
      algorithm: 'sigv4a',
      regionSet: ['us-*', 'ca-central-1'],
    });
  });

  it('reads the region set of a SigV4A presigned URL too', async () => {
    const store = createTestStore();
    store
      .getState()
      .request.importRequest(
        await imported({ algorithm: 'sigv4a', regionSet: ['eu-*'], mode: 'query' }),
      );
    expect(store.getState().options).toMatchObject({ algorithm: 'sigv4a', regionSet: 'eu-*' });
  });

  it('switches back to SigV4 for a SigV4 request, and leaves the region set alone', async () => {
    const store = createTestStore();
    store.getState().options.setField('algorithm', 'sigv4a');
    store.getState().options.setField('regionSet', 'us-*');
    store.getState().request.importRequest(await imported({}));
    expect(store.getState().options).toMatchObject({ algorithm: 'sigv4', regionSet: 'us-*' });
  });

  it('keeps the options of the form for a request that was not signed', () => {
    const store = createTestStore();
    store.getState().options.setField('algorithm', 'sigv4a');
    store.getState().options.setField('regionSet', 'us-*');
    const result = importAnything('curl https://example.com/hello');
    if (result.kind !== 'request') throw new Error('not imported');
    store.getState().request.importRequest(result.request);
    expect(store.getState().options).toMatchObject({ algorithm: 'sigv4a', regionSet: 'us-*' });
  });

  it('puts the key ID and session token of a signed request into the credentials, and asks for the secret', async () => {
    const store = createTestStore();
    const token = 'FwoGZXIvYXdzEXAMPLETOKEN';
    const request = await imported({
      credentials: {
        accessKeyId: 'ASIAQEXAMPLEKEYID0001',
        secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
        sessionToken: token,
      },
    });
    expect(request.notes.join(' ')).toMatch(/session token .* went into the credentials/);
    expect(request.notes.join(' ')).toMatch(
      /key ID ASIAQEXAMPLEKEYID0001 went into the credentials/,
    );
    store.getState().request.importRequest(request);
    expect(store.getState().credentials).toMatchObject({
      accessKeyId: 'ASIAQEXAMPLEKEYID0001',
      secretAccessKey: '',
      sessionToken: token,
    });
  });
});
