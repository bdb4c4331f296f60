// Browser entry for e2e/vectors.spec.ts: bundled by serveBundle() and run inside Chromium, where
// the default signer picks SubtleCrypto.
import { getDefaultSigningCrypto, signRequest, verifySigV4aSignature } from '../../src/signing';
import { runVectorSuite } from '../vectors/runVectorCase';
import { fromBase64Case, type Base64VectorCase } from '../vectors/vectorCaseBase64';

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
    /**
     * Runs AWS's SigV4 test-suite cases through the default signer (signRequest). The case files
     * come as Base64, so request bodies reach the signer as the bytes on disk.
     */
    runSigV4Vectors: (cases: Base64VectorCase[]) => Promise<SigV4VectorsReport>;
  }
}

window.runSigV4Vectors = async (cases) => {
  const { lines, passed, failed } = await runVectorSuite(
    cases.map(fromBase64Case),
    signRequest,
    (publicKey, stringToSign, signature) =>
      verifySigV4aSignature(publicKey, stringToSign, signature, getDefaultSigningCrypto()),
  );
  return { lines, passed, failed, cryptoName: getDefaultSigningCrypto().name };
};
