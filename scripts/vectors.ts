// npm run vectors -- DIR...: runs every SigV4 test-suite case folder under each DIR (the layout of
// AWS's CRT suite: context.json, request.txt, header-*.txt, query-*.txt) through the signing core.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { nodeSigningCrypto } from '../server/nodeSigningCrypto';
import { createSigner, getDefaultSigningCrypto } from '../src/signing';
import { runVectorSuite, type VectorCase } from '../test-support/vectors/runVectorCase';

/** Case folders are the directories holding a context.json: DIR itself or any folder below it. */
export function loadVectorCases(dir: string): VectorCase[] {
  const cases: VectorCase[] = [];
  const visit = (folder: string) => {
    const entries = readdirSync(folder).sort();
    if (entries.includes('context.json')) {
      const files: Record<string, string> = {};
      for (const entry of entries) {
        const path = join(folder, entry);
        if (statSync(path).isFile()) files[entry] = readFileSync(path, 'utf8');
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
  const cases = dirs.flatMap((dir) => loadVectorCases(dir));
  const { lines, failed } = await runVectorSuite(cases, signer.signRequest);
  console.log(
    `SigV4 vectors: ${cases.length} cases from ${dirs.join(', ')} (crypto: ${crypto.name})`,
  );
  for (const line of lines) console.log(line);
  process.exitCode = failed > 0 || cases.length === 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) await main();
