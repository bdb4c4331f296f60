// importBruno on what no Bruno folder holds: random files, the fixture collections with random
// edits to any of their files, and folders built to be huge or deep. Each time: a workspace within
// the limits with its keys only in `keys`, or one readable sentence; never a throw, never a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCAL_IDENTITIES } from '../../request/defaults';
import { BRUNO_FIXTURES, readFixtureFolder } from '../../../test-support/collectionImportFixtures';
import {
  editedText,
  expectWellFormed,
  formatLikeText,
  tooBigText,
} from '../../../test-support/collectionImportProperties';
import { sequentialIds } from '../../../test-support/postmanFixtures';
import { importBruno, type BrunoFile } from './importBruno';

const DEMO = LOCAL_IDENTITIES.find((identity) => identity.name === 'demo')!;
const ORDERS = readFixtureFolder(BRUNO_FIXTURES.orders);
const LOCAL = readFixtureFolder(BRUNO_FIXTURES.localGateway);
const run = (files: readonly BrunoFile[]) => importBruno(files, sequentialIds());

/** The folder with one of its files edited at random. */
function editedFolder(files: readonly BrunoFile[]): fc.Arbitrary<BrunoFile[]> {
  return fc
    .nat({ max: files.length - 1 })
    .chain((index) =>
      editedText(files[index]!.text).map((text) =>
        files.map((file, at) => (at === index ? { ...file, text } : file)),
      ),
    );
}

/**
 * The demo secret, if every place the edited files hold it is the value of a variable named as a
 * credential (awsSecretAccessKey: …), which the import must withhold. An edit can also join it to
 * another line (`region:  awsSecretAccessKey: wJalr…` is a region whose value says so): then the
 * file itself no longer says it is a secret, and nothing is asked of the import about it.
 */
function secretsStillNamed(files: readonly BrunoFile[]): string[] {
  const secret = DEMO.secretAccessKey;
  const lines = files
    .flatMap((file) => file.text.split('\n'))
    .filter((line) => line.includes(secret));
  const named = /^\s*~?awsSecretAccessKey\s*:\s*\S+\s*$/;
  return lines.every((line) => named.test(line)) ? [secret] : [];
}

const TOKENS = [
  'meta {\n',
  'get {\n',
  'post {\n',
  'auth:awsv4 {\n',
  'headers {\n',
  'body:json {\n',
  'vars:secret [\n',
  '}\n',
  ']\n',
  '  url: ',
  '  auth: inherit\n',
  '  body: json\n',
  '  ~',
  ': ',
  "'''\n",
  '@description(',
  '{{x}}',
  '\n',
];

describe('importBruno, fuzzed', () => {
  it('answers random files with a workspace or a sentence', () => {
    const file = fc.record({
      name: fc.oneof(
        fc.constantFrom(
          'c/r.bru',
          'c/collection.bru',
          'c/environments/e.bru',
          'c/a/folder.bru',
          'c/bruno.json',
          'r.bru',
        ),
        fc.string({ maxLength: 30 }),
      ),
      text: formatLikeText(TOKENS),
    });
    fc.assert(
      fc.property(fc.array(file, { maxLength: 6 }), (files) => expectWellFormed(run(files))),
      { numRuns: 300 },
    );
  });

  it('answers the fixture collections with a file edited at random', () => {
    fc.assert(
      fc.property(fc.oneof(editedFolder(ORDERS), editedFolder(LOCAL)), (files) =>
        expectWellFormed(run(files), secretsStillNamed(files)),
      ),
      { numRuns: 300 },
    );
  });

  it('refuses more text than the largest file, and more files than a collection holds', () => {
    const big = run([{ name: 'r.bru', text: tooBigText() }]);
    expect(big.ok === false && big.error).toMatch(/^The file is 20\.0 MiB/);
    const many = Array.from({ length: 10_001 }, (_, index) => ({
      name: `c/r${index}.bru`,
      text: '',
    }));
    const result = run(many);
    expect(result.ok === false && result.error).toBe(
      'The folder holds 10001 files; the playground reads at most 10000 at once.',
    );
  });

  it('answers 5001 requests with the request limit', () => {
    const text = 'get {\n  url: https://a.example/\n}\n';
    const files = Array.from({ length: 5001 }, (_, index) => ({ name: `c/r${index}.bru`, text }));
    const result = run(files);
    expect(result.ok === false && result.error).toMatch(/more than 5000 requests/);
  });

  it('answers lines built to trip a parser: unclosed blocks and quotes, long runs of braces', () => {
    for (const text of [
      `headers {\n${'  "a\\"'.repeat(100_000)}\n}`,
      `body:json {\n${'{\n'.repeat(200_000)}`,
      `vars {\n  a: '''\n${'    x\n'.repeat(200_000)}`,
      `vars {\n${"  @description('''\n".repeat(100_000)}}`,
      `${'meta {\n}\n'.repeat(100_000)}`,
      `get {\n  url: ${'{{'.repeat(200_000)}\n}`,
    ])
      expectWellFormed(run([{ name: 'c/r.bru', text }]));
  });

  it('answers variables that would multiply the requests’ size', () => {
    const value = 'x'.repeat(1_000_000);
    const text = `get {\n  url: https://a/${'{{v}}'.repeat(50)}\n}\n\nvars:pre-request {\n  v: ${value}\n}\n`;
    const files = Array.from({ length: 10 }, (_, index) => ({ name: `c/r${index}.bru`, text }));
    const result = run(files);
    expect(result.ok === false && result.error).toMatch(
      /larger than 40 MiB once written into them/,
    );
  });
});
