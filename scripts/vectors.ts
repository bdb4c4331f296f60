// npm run vectors -- DIR...: runs every SigV4 test-suite case folder under each DIR (the layout of
// AWS's CRT suite: context.json, request.txt, header-*.txt, query-*.txt) through the signing core.
// A case folder holding public-key.json is a SigV4a case (the CRT suite's v4a/ layout): it is
// signed with AWS4-ECDSA-P256-SHA256 and its signatures are verified rather than compared.
import { nodeSigningCrypto } from '../server/nodeSigningCrypto';
import {
  createSigner,
  getDefaultSigningCrypto,
  verifySigV4aSignature,
  type SigningInput,
} from '../src/signing';
import { loadVectorCases } from '../test-support/vectors/loadVectorCases';
import { runVectorSuite } from '../test-support/vectors/runVectorCase';

async function main() {
  const args = process.argv.slice(2);
  const cryptoArg = args.find((arg) => arg.startsWith('--crypto='))?.slice('--crypto='.length);
  const dirs = args.filter((arg) => !arg.startsWith('--'));
  if (dirs.length === 0) {
    console.error('usage: npm run vectors -- [--crypto=node|default] DIR...');
    process.exit(2);
  }
  const crypto = cryptoArg === 'node' ? nodeSigningCrypto : getDefaultSigningCrypto();
  const signer = createSigner({ crypto });
  // SigV4a needs ECDSA; the pure-JS fallback (the default under Node) has none, so SigV4a cases
  // then run on node:crypto.
  const hasEcdsa = crypto.importEcdsaP256PrivateKey !== undefined;
  const ecdsaCrypto = hasEcdsa ? crypto : nodeSigningCrypto;
  const ecdsaSigner = hasEcdsa ? signer : createSigner({ crypto: ecdsaCrypto });
  const sign = (input: SigningInput) =>
    input.algorithm === 'sigv4a' ? ecdsaSigner.signRequest(input) : signer.signRequest(input);
  const cases = dirs.flatMap((dir) => loadVectorCases(dir));
  const { lines, failed } = await runVectorSuite(
    cases,
    sign,
    (publicKey, stringToSign, signature) =>
      verifySigV4aSignature(publicKey, stringToSign, signature, ecdsaCrypto),
  );
  console.log(
    `SigV4 vectors: ${cases.length} cases from ${dirs.join(', ')} (crypto: ${crypto.name}; SigV4a: ${ecdsaCrypto.name})`,
  );
  for (const line of lines) console.log(line);
  process.exitCode = failed > 0 || cases.length === 0 ? 1 : 0;
}

await main();
