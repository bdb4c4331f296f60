// importOpenApi on what no API Gateway export holds: random text, the fixtures with random edits,
// parts of them replaced by random JSON, and documents built to be huge, deep or self-referring.
// Each time: a workspace within the limits, or one readable sentence; never a throw, never a hang.
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  OPENAPI_FIXTURES,
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
import { importOpenApi } from './importOpenApi';

const DEMO = readCollectionFixture(OPENAPI_FIXTURES.localGatewayDemo);
const OAS30 = readCollectionFixture(OPENAPI_FIXTURES.ordersOas30);
const SWAGGER2 = readCollectionFixture(OPENAPI_FIXTURES.ordersSwagger2);
const run = (text: string) => importOpenApi(text, sequentialIds());

describe('importOpenApi, fuzzed', () => {
  it('answers random text with a workspace or a sentence', () => {
    const tokens = [
      '{',
      '}',
      '[',
      ']',
      '"openapi": "3.0.1"',
      'openapi: 3.0.1\n',
      'swagger: "2.0"\n',
      '"paths":',
      'paths:\n  /a:\n    get:\n',
      '{proxy+}',
      'x-amazon-apigateway-any-method',
      ': ',
      '\n  ',
      ',',
      '$ref',
    ];
    fc.assert(
      fc.property(formatLikeText(tokens), (text) => expectWellFormed(run(text))),
      { numRuns: 300 },
    );
  });

  it('answers the fixtures with random edits', () => {
    fc.assert(
      fc.property(fc.oneof(editedText(DEMO), editedText(OAS30), editedText(SWAGGER2)), (text) =>
        expectWellFormed(run(text)),
      ),
      {
        numRuns: 300,
      },
    );
  });

  it('answers the fixtures with a random part replaced', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          editedDocument(JSON.parse(DEMO)),
          editedDocument(parse(OAS30)),
          editedDocument(JSON.parse(SWAGGER2)),
        ),
        (document) => {
          expectWellFormed(run(JSON.stringify(document)));
          expectWellFormed(run(stringify(document)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses a file over the size limit', () => {
    const result = run(tooBigText());
    expect(result.ok === false && result.error).toMatch(/^The file is 20\.0 MiB/);
  });

  it('answers deep examples and parameters that refer to each other', () => {
    const deepExample = `{"openapi": "3.0.1", "paths": {"/a": {"post": {"requestBody": {"content": {"application/json": {"example": ${nested('[', '', ']', 200_000)}}}}}}}}`;
    expectWellFormed(run(deepExample));
    const loop = JSON.stringify({
      openapi: '3.0.1',
      paths: { '/a/{id}': { get: { parameters: [{ $ref: '#/components/parameters/A' }] } } },
      components: {
        parameters: {
          A: { $ref: '#/components/parameters/B' },
          B: { $ref: '#/components/parameters/A' },
        },
      },
    });
    expectWellFormed(run(loop));
    expectWellFormed(run(`openapi: 3.0.1\npaths: ${nested('[', '', ']', 50_000)}`));
  });

  it('answers long paths and server URLs made of braces', () => {
    const path = `/${'{a}'.repeat(20_000)}${'{'.repeat(20_000)}`;
    const url = `https://${'{b}'.repeat(20_000)}${'{'.repeat(20_000)}`;
    expectWellFormed(
      run(JSON.stringify({ openapi: '3.0.1', servers: [{ url }], paths: { [path]: { get: {} } } })),
    );
  });
});
