// npm run vectors -- DIR...: runs every SigV4 test-suite case folder under each DIR (the layout of
// AWS's CRT suite: context.json, request.txt, header-*.txt, query-*.txt) through the signing core.
// A case folder holding public-key.json is a SigV4a case (the CRT suite's v4a/ layout): it is
// signed with AWS4-ECDSA-P256-SHA256 and its signatures are verified rather than compared.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { nodeSigningCrypto } from '../server/nodeSigningCrypto';
import {
  createSigner,
  getDefaultSigningCrypto,
  verifySigV4aSignature,
  type SigningInput,
} from '../src/signing';
import {
  runVectorSuite,
  vectorCaseTexts,
  type VectorCase,
} from '../test-support/vectors/runVectorCase';

/**
 * Case folders are the directories holding a context.json: DIR itself or any folder below it. Each
 * file is read as bytes.
 */
export function loadVectorCases(dir: string): VectorCase[] {
  const cases: VectorCase[] = [];
  const visit = (folder: string) => {
    const entries = readdirSync(folder).sort();
    if (entries.includes('context.json')) {
      const files: Record<string, Uint8Array> = {};
      for (const entry of entries) {
        const path = join(folder, entry);
        // Bytes, not text: a request body may hold CR or bytes that are not UTF-8.
        if (statSync(path).isFile()) files[entry] = new Uint8Array(readFileSync(path));
      }
      cases.push({ name: relative(join(dir, '..'), folder) || basename(folder), files });
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) visit(path);
    }
  };
  visit(dir);
  return cases;
}

/** loadVectorCases with every file as UTF-8 text, for readers of text-only suites (aws/v4). */
export function loadVectorCaseTexts(
  dir: string,
): Array<{ name: string; files: Record<string, string> }> {
  return loadVectorCases(dir).map((vector) => ({
    name: vector.name,
    files: vectorCaseTexts(vector),
  }));
}

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

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) await main();
