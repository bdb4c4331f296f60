// An STS query API request as the local STS reads it: its parameters (query string, then the
// form body of a POST, as STS takes either) and its signature, checked with the signing core under
// STS's rules: service "sts", scoped to us-east-1 (the global endpoint's signing region) or the
// gateway's own region (a regional endpoint's), X-Amz-Date within 15 minutes of the clock.
import {
  getHeaderValues,
  verifyWireRequest,
  type WireProblem,
  type WireRequest,
} from '../../../src/signing';
import { STS_GLOBAL_SIGNING_REGION } from '../../../src/request/sts';
import { nodeSigningCrypto } from '../../nodeSigningCrypto';
import type { GatewayIdentity } from '../gatewayConfig';
import type { GatewayError } from '../gatewayErrors';
import { regionSetIncludes, type RequestVerifier } from '../verifyRequest';
import {
  fromGatewayError,
  signatureDoesNotMatch,
  STS_CLOCK_WINDOW_MS,
  stsErrorFor,
  type StsFailure,
} from './stsErrors';

/** The first value of each parameter name; the signature's own X-Amz-* parameters are left out. */
export function readStsParams(request: WireRequest): Map<string, string> {
  const params = new Map<string, string>();
  const add = (text: string) => {
    for (const [name, value] of new URLSearchParams(text))
      if (!params.has(name) && !name.startsWith('X-Amz-')) params.set(name, value);
  };
  const queryAt = request.target.indexOf('?');
  if (queryAt >= 0) add(request.target.slice(queryAt + 1));
  const contentType = getHeaderValues(request.headers, 'content-type')[0] ?? '';
  // STS reads a POST's body as a form whatever else it might be labelled as, but only then.
  if (request.method === 'POST' && request.body.length > 0 && !/json|xml/i.test(contentType))
    add(Buffer.from(request.body).toString('utf8'));
  return params;
}

export type StsVerification =
  { ok: true; caller: GatewayIdentity } | { ok: false; error: StsFailure };

/** The regions an STS signature may be scoped to here, in the order they are tried. */
export const stsSigningRegions = (gatewayRegion: string) => [
  ...new Set([gatewayRegion, STS_GLOBAL_SIGNING_REGION]),
];

/** Whether the first problem is that the scope names the other accepted region (and maybe more). */
function otherAcceptedRegion(problems: readonly WireProblem[], region: string): boolean {
  const problem = problems[0];
  return (
    problem?.kind === 'wrong-scope' &&
    problem.region?.reason === 'other-region' &&
    problem.region.region === region
  );
}

export async function verifyStsRequest(
  request: WireRequest,
  now: number,
  gatewayRegion: string,
  verifier: RequestVerifier,
): Promise<StsVerification> {
  const regions = stsSigningRegions(gatewayRegion);
  const verify = (region: string) =>
    verifyWireRequest<GatewayIdentity, GatewayError>(request, {
      now,
      crypto: nodeSigningCrypto,
      clockWindowMs: STS_CLOCK_WINDOW_MS,
      expected: { region, service: 'sts', regionSetIncludes },
      firstProblemOnly: true,
      lookUpKey: (accessKeyId, sessionToken) =>
        verifier.lookUpIdentity(accessKeyId, sessionToken, now),
      keyCache: verifier.keyCache,
    });
  let verification = await verify(regions[0]!);
  // Scope checks come before the key lookup, so trying the second region costs next to nothing.
  if (regions[1] !== undefined && otherAcceptedRegion(verification.problems, regions[1]))
    verification = await verify(regions[1]);
  const problem = verification.problems[0];
  if (problem !== undefined) return { ok: false, error: stsErrorFor(problem) };
  if (verification.refused !== undefined)
    return { ok: false, error: fromGatewayError(verification.refused) };
  const caller = verification.key!;
  if (verification.verdict.kind !== 'valid')
    return { ok: false, error: { ...signatureDoesNotMatch(), callerArn: caller.arn } };
  return { ok: true, caller };
}
