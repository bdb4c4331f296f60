// A request signed by the real signer, for tests that take a signature apart again (the checker,
// the wire verifier): POST {"a":1} as JSON to execute-api in ca-central-1 with AWS's example key.
import { nodeSigningCrypto } from '../server/nodeSigningCrypto';
import { createSigner, type SigningInput, type SigningResult } from '../src/signing';

/** The secret of AWS's documented example key AKIDEXAMPLE. */
export const EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

const signer = createSigner({ crypto: nodeSigningCrypto });

/** The JSON POST signed; the test gives the URL and the signing date, and may change the rest. */
export function signJsonPost(
  input: Pick<SigningInput, 'url' | 'signingDate'> & Partial<SigningInput>,
): Promise<SigningResult> {
  return signer.signRequest({
    method: 'POST',
    headers: [['Content-Type', 'application/json']],
    body: '{"a":1}',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: EXAMPLE_SECRET },
    region: 'ca-central-1',
    service: 'execute-api',
    ...input,
  });
}
