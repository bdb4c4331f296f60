// The verifier in process: remembered IAM decisions answer as fresh ones do, per caller, method
// and resource path, within their bound.
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../src/signing';
import { DEFAULT_CONFIG, DEMO, keysOf, NOW } from './gatewayTestFixtures';
import { signer } from './gatewayTestSigning';
import { MAX_REMEMBERED_DECISIONS, RequestVerifier, type WireRequest } from './verifyRequest';

async function signedPost(method = 'POST'): Promise<WireRequest> {
  const body = method === 'GET' ? '' : '{"a":1}';
  const signed = await signer.signRequest({
    method,
    url: 'http://127.0.0.1:4000/prod/hello',
    headers: [['Content-Type', 'application/json']],
    body,
    credentials: keysOf(DEMO),
    region: 'ca-central-1',
    service: 'execute-api',
    signingDate: new Date(NOW),
  });
  return { method, target: '/prod/hello', headers: signed.headers, body: utf8(body) };
}

describe('RequestVerifier decisions', () => {
  it('answers a request again as a fresh verifier does, with the same trace within a second', async () => {
    const request = await signedPost();
    const verifier = new RequestVerifier(DEFAULT_CONFIG);
    const first = await verifier.verify(request, NOW, '/hello', '127.0.0.1');
    const again = await verifier.verify(request, NOW + 999, '/hello', '127.0.0.1');
    const fresh = await new RequestVerifier(DEFAULT_CONFIG).verify(
      request,
      NOW + 999,
      '/hello',
      '127.0.0.1',
    );
    expect(first).toMatchObject({ ok: true, resourceArn: expect.stringMatching(/\/POST\/hello$/) });
    expect(again).toEqual(fresh);
    expect(again.trace).toBe(first.trace);
  });

  it('gives a new context for a new second or another address, and the same decision', async () => {
    const request = await signedPost();
    const verifier = new RequestVerifier(DEFAULT_CONFIG);
    const first = await verifier.verify(request, NOW, '/hello', '127.0.0.1');
    for (const [now, address] of [
      [NOW + 1000, '127.0.0.1'],
      [NOW + 1000, '10.0.0.1'],
      [NOW + 1000, undefined],
    ] as const) {
      const later = await verifier.verify(request, now, '/hello', address);
      const fresh = await new RequestVerifier(DEFAULT_CONFIG).verify(
        request,
        now,
        '/hello',
        address,
      );
      expect(later).toEqual(fresh);
      expect(later.trace).not.toBe(first.trace);
      expect(later.trace!.decision).toBe(first.trace!.decision);
    }
  });

  it('decides each method and resource path on its own', async () => {
    const request = await signedPost();
    const verifier = new RequestVerifier(DEFAULT_CONFIG);
    expect(await verifier.verify(request, NOW, '/hello')).toMatchObject({ ok: true });
    // Demo may only POST: the same caller's GET is denied, on the GET resource.
    const get = await verifier.verify(await signedPost('GET'), NOW, '/hello');
    expect(get).toMatchObject({
      ok: false,
      error: {
        type: 'AccessDeniedException',
        body: { Message: expect.stringContaining('/prod/GET/hello') },
      },
    });
    const other = await verifier.verify(request, NOW, '/other');
    expect(other).toEqual(await new RequestVerifier(DEFAULT_CONFIG).verify(request, NOW, '/other'));
  });

  it(`remembers at most ${MAX_REMEMBERED_DECISIONS} decisions, however many paths are sent`, async () => {
    const request = await signedPost();
    const verifier = new RequestVerifier(DEFAULT_CONFIG);
    for (let i = 0; i < MAX_REMEMBERED_DECISIONS + 500; i++) {
      await verifier.verify(request, NOW, `/hello/${i}`);
      expect(verifier.rememberedDecisionCount).toBeLessThanOrEqual(MAX_REMEMBERED_DECISIONS);
    }
    expect(verifier.rememberedDecisionCount).toBeGreaterThan(0);
    verifier.forgetDecisions();
    expect(verifier.rememberedDecisionCount).toBe(0);
  });
});
