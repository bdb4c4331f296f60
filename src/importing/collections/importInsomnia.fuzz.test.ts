// importInsomnia on what no export holds: random text, the fixtures with random edits, parts of
// them replaced by random JSON, and files built to be huge or deep. Each time: a workspace within
// the limits with its keys only in `keys`, or one readable sentence; never a throw, never a hang.
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LOCAL_IDENTITIES } from '../../request/defaults';
import {
  INSOMNIA_FIXTURES,
  readCollectionFixture,
} from '../../../test-support/collectionImportFixtures';
import {
  editedDocument,
  editedText,
  expectWellFormed,
  formatLikeText,
  nested,
  tooBigText,
} from '../../../test-support/collectionImportProperties';
import { sequentialIds } from '../../../test-support/postmanFixtures';
import { importInsomnia } from './importInsomnia';

const DEMO = LOCAL_IDENTITIES.find((identity) => identity.name === 'demo')!;
const V4 = readCollectionFixture(INSOMNIA_FIXTURES.ordersV4);
const V5 = readCollectionFixture(INSOMNIA_FIXTURES.localGatewayV5);
const run = (text: string) => importInsomnia(text, sequentialIds());

function failure(text: string): string {
  const result = run(text);
  if (result.ok) throw new Error('imported');
  return result.error;
}

describe('importInsomnia, fuzzed', () => {
  it('answers random text with a workspace or a sentence', () => {
    const tokens = [
      '{',
      '}',
      '[',
      ']',
      '"__export_format": 4',
      '"resources":',
      '"_type": "request"',
      'type: collection.insomnia.rest/5.0\n',
      'collection:\n  - ',
      '{{ _.x }}',
      '{% uuid %}',
      ': ',
      '\n  ',
      ',',
    ];
    fc.assert(
      fc.property(formatLikeText(tokens), (text) => expectWellFormed(run(text))),
      { numRuns: 300 },
    );
  });

  it('answers the fixtures with random edits', () => {
    fc.assert(
      fc.property(fc.oneof(editedText(V4), editedText(V5)), (text) =>
        expectWellFormed(run(text), [DEMO.secretAccessKey]),
      ),
      { numRuns: 300 },
    );
  });

  it('answers the fixtures with a random part replaced', () => {
    fc.assert(
      fc.property(
        fc.oneof(editedDocument(JSON.parse(V4)), editedDocument(parse(V5))),
        (document) => {
          const text = JSON.stringify(document);
          expectWellFormed(run(text));
          expectWellFormed(run(stringify(document)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(failure(tooBigText())).toMatch(
      /^The file is 20\.0 MiB; the playground reads files of up to 20 MiB\.$/,
    );
  });

  it('answers deep nesting, in JSON and in YAML', () => {
    expectWellFormed(run(`{"__export_format": 4, "resources": ${nested('[', '', ']', 200_000)}}`));
    expectWellFormed(
      run(
        `{"__export_format": 4, "resources": [{"_id": "e", "_type": "environment", "parentId": null, "data": ${nested('{"a":', '1', '}', 100_000)}}]}`,
      ),
    );
    expectWellFormed(
      run(`type: collection.insomnia.rest/5.0\ncollection: ${nested('[', '', ']', 50_000)}`),
    );
    const folders = nested(
      '{"name": "f", "children": [',
      '{"name": "r", "method": "GET", "url": "x"}',
      ']}',
      5_000,
    );
    expect(failure(`{"type": "collection.insomnia.rest/5.0", "collection": [${folders}]}`)).toMatch(
      /^Folders are nested more than 16 deep/,
    );
  });

  it('answers a YAML file of many aliases', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 12; level++)
      laughs.push(
        `${'b'.repeat(level)}: &${'b'.repeat(level)} [${Array(10)
          .fill(level === 1 ? '*a' : `*${'b'.repeat(level - 1)}`)
          .join(', ')}]`,
      );
    expect(failure(`type: collection.insomnia.rest/5.0\n${laughs.join('\n')}\n`)).toMatch(
      /could not be read as YAML|not valid/,
    );
  });

  it('answers long runs of what templates are made of', () => {
    const url = `${'{{ _.'.repeat(50_000)}${'{%'.repeat(50_000)}`;
    expectWellFormed(
      run(
        JSON.stringify({
          __export_format: 4,
          resources: [{ _id: 'r', _type: 'request', parentId: 'w', url, name: url }],
        }),
      ),
    );
  });

  it('answers 5000 requests, each with 200 headers, within the limits', () => {
    const headers = Array.from({ length: 200 }, (_, index) => ({
      name: `x-h${index}`,
      value: '{{ _.v }}',
    }));
    const resources = Array.from({ length: 5000 }, (_, index) => ({
      _id: `r${index}`,
      _type: 'request',
      parentId: 'w',
      url: 'https://a/',
      headers,
    }));
    expectWellFormed(run(JSON.stringify({ __export_format: 4, resources })));
  });
});
