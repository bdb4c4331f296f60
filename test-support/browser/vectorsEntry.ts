// Browser entry for e2e/vectors.spec.ts: bundled by serveBundle() and run inside Chromium, where
// the default signer picks SubtleCrypto.
import { getDefaultSigningCrypto, signRequest, verifySigV4aSignature } from '../../src/signing';
import { runVectorSuite, type VectorCase } from '../vectors/runVectorCase';

/** What runSigV4Vectors hands back to the test (structured-cloneable). */
export interface SigV4VectorsReport {
  lines: string[];
  passed: number;
  failed: number;
  /** getDefaultSigningCrypto().name: 'webcrypto' when SubtleCrypto did the work. */
  cryptoName: string;
}

declare global {
  interface Window {
    /** Runs AWS's SigV4 test-suite cases through the default signer (signRequest). */
    runSigV4Vectors: (cases: VectorCase[]) => Promise<SigV4VectorsReport>;
  }
}

window.runSigV4Vectors = async (cases) => {
  const { lines, passed, failed } = await runVectorSuite(
    cases,
    signRequest,
    (publicKey, stringToSign, signature) =>
      verifySigV4aSignature(publicKey, stringToSign, signature, getDefaultSigningCrypto()),
  );
  return { lines, passed, failed, cryptoName: getDefaultSigningCrypto().name };
};
