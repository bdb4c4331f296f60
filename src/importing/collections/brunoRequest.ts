// One Bruno request file (its blocks, readBruFile.ts) as the parts of a saved request: method and
// URL from the `get {…}` (or `post`, …, or `http { method }`) block, query and path parameters,
// headers, the body the `body:` mode names, and the auth mode (`awsv4`, `inherit`, …).
import type { BruBlock, BruPair } from './readBruFile';
import { encodePairs } from './encodeQueryPart';
import { appendQuery, fillPathParameters } from './importedRequest';

const METHOD_BLOCKS = new Set([
  'get',
  'post',
  'put',
  'delete',
  'patch',
  'options',
  'head',
  'connect',
  'trace',
]);

/** The Content-Type Bruno sends with each body mode when the request sets none. */
const BODY_TYPES: Record<string, { block: string; contentType: string }> = {
  json: { block: 'body:json', contentType: 'application/json' },
  text: { block: 'body:text', contentType: 'text/plain' },
  xml: { block: 'body:xml', contentType: 'application/xml' },
  sparql: { block: 'body:sparql', contentType: 'application/sparql-query' },
};

export interface BrunoAwsV4 {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  service: string;
  region: string;
  profileName: string;
}

export interface BrunoRequestParts {
  name: string;
  /** Bruno's `seq`: the order in the folder. */
  seq: number;
  method: string;
  url: string;
  headers: { name: string; value: string }[];
  body: string;
  contentType?: string;
  /** `inherit`, `none`, `awsv4`, `bearer`, … ('none' when the file says nothing). */
  authMode: string;
  awsv4?: BrunoAwsV4;
  /** The request's own variables (`vars:pre-request`). */
  variables: Map<string, string>;
  description: string;
  /** Path parameters without a value, and body modes left out. */
  unfilledPath: boolean;
  skippedBody?: 'multipart' | 'file';
}

export type BrunoRequestResult =
  | { kind: 'request'; parts: BrunoRequestParts }
  | { kind: 'other'; name: string; what: 'grpc' | 'websocket' | 'none' };

function dictionary(blocks: readonly BruBlock[], name: string): BruPair[] | undefined {
  const block = blocks.find((candidate) => candidate.name === name);
  return block?.kind === 'dictionary' ? block.pairs : undefined;
}

function text(blocks: readonly BruBlock[], name: string): string | undefined {
  const block = blocks.find((candidate) => candidate.name === name);
  return block?.kind === 'text' ? block.text : undefined;
}

/** The first enabled value of `name`, or ''. */
function valueOf(pairs: readonly BruPair[] | undefined, name: string): string {
  return pairs?.find((pair) => pair.name === name && pair.enabled)?.value ?? '';
}

export function enabledPairs(
  pairs: readonly BruPair[] | undefined,
): { name: string; value: string }[] {
  return (pairs ?? [])
    .filter((pair) => pair.enabled && pair.name !== '')
    .map(({ name, value }) => ({ name, value }));
}

/** `auth:awsv4 { … }` as written (bruToJson.js reads these six names). */
export function readAwsV4(blocks: readonly BruBlock[]): BrunoAwsV4 | undefined {
  const pairs = dictionary(blocks, 'auth:awsv4');
  if (pairs === undefined) return undefined;
  return {
    accessKeyId: valueOf(pairs, 'accessKeyId'),
    secretAccessKey: valueOf(pairs, 'secretAccessKey'),
    sessionToken: valueOf(pairs, 'sessionToken'),
    service: valueOf(pairs, 'service'),
    region: valueOf(pairs, 'region'),
    profileName: valueOf(pairs, 'profileName'),
  };
}

export function variablesOf(
  blocks: readonly BruBlock[],
  name = 'vars:pre-request',
): Map<string, string> {
  return new Map(enabledPairs(dictionary(blocks, name)).map((pair) => [pair.name, pair.value]));
}

export function headersOf(blocks: readonly BruBlock[]): { name: string; value: string }[] {
  return enabledPairs(dictionary(blocks, 'headers'));
}

/** `meta { name, seq }`, which folder.bru has too. */
export function metaOf(blocks: readonly BruBlock[]): { name: string; seq: number; type: string } {
  const meta = dictionary(blocks, 'meta');
  const seq = Number(valueOf(meta, 'seq'));
  return {
    name: valueOf(meta, 'name'),
    seq: Number.isFinite(seq) ? seq : 0,
    type: valueOf(meta, 'type'),
  };
}

/** A GraphQL body as Bruno sends it: JSON with the query and the variables (written as JSON). */
function graphqlBody(query: string, variables: string): string {
  const vars = variables.trim() === '' ? '{}' : variables.trim();
  // The variables stay as written, so `{{id}}` in them still resolves before sending.
  return `{"query":${JSON.stringify(query)},"variables":${vars}}`;
}

function bodyOf(
  blocks: readonly BruBlock[],
  mode: string,
): { body: string; contentType?: string; skipped?: 'multipart' | 'file' } {
  const typed = BODY_TYPES[mode];
  if (typed !== undefined) {
    // Older files write the JSON body in a bare `body { }` block.
    const body =
      text(blocks, typed.block) ?? (mode === 'json' ? text(blocks, 'body') : undefined) ?? '';
    return body === '' ? { body } : { body, contentType: typed.contentType };
  }
  if (mode === 'graphql')
    return {
      body: graphqlBody(
        text(blocks, 'body:graphql') ?? '',
        text(blocks, 'body:graphql:vars') ?? '',
      ),
      contentType: 'application/json',
    };
  if (mode === 'formUrlEncoded') {
    const pairs = enabledPairs(dictionary(blocks, 'body:form-urlencoded'));
    return { body: encodePairs(pairs), contentType: 'application/x-www-form-urlencoded' };
  }
  if (mode === 'multipartForm') return { body: '', skipped: 'multipart' };
  if (mode === 'file') return { body: '', skipped: 'file' };
  return { body: '' };
}

export function readBrunoRequest(
  blocks: readonly BruBlock[],
  fileName: string,
): BrunoRequestResult {
  const meta = metaOf(blocks);
  const name = meta.name === '' ? fileName : meta.name;
  if (meta.type === 'grpc' || blocks.some((block) => block.name === 'grpc'))
    return { kind: 'other', name, what: 'grpc' };
  if (meta.type === 'ws' || blocks.some((block) => block.name === 'ws'))
    return { kind: 'other', name, what: 'websocket' };
  const http = blocks.find(
    (block): block is Extract<BruBlock, { kind: 'dictionary' }> =>
      block.kind === 'dictionary' && (METHOD_BLOCKS.has(block.name) || block.name === 'http'),
  );
  if (http === undefined) return { kind: 'other', name, what: 'none' };
  const method = http.name === 'http' ? valueOf(http.pairs, 'method') || 'GET' : http.name;

  let url = valueOf(http.pairs, 'url');
  const query = dictionary(blocks, 'params:query') ?? dictionary(blocks, 'query');
  // Bruno keeps the query in the URL and lists it in params:query too; older files list it only.
  if (!url.includes('?')) url = appendQuery(url, enabledPairs(query));
  const path = fillPathParameters(
    url,
    new Map(enabledPairs(dictionary(blocks, 'params:path')).map((pair) => [pair.name, pair.value])),
  );

  const body = bodyOf(blocks, valueOf(http.pairs, 'body') || 'none');
  const parts: BrunoRequestParts = {
    name,
    seq: meta.seq,
    method: method.toUpperCase(),
    url: path.url,
    headers: headersOf(blocks),
    body: body.body,
    authMode: valueOf(http.pairs, 'auth') || 'none',
    variables: variablesOf(blocks),
    description: text(blocks, 'docs') ?? '',
    unfilledPath: path.unfilled.length > 0,
  };
  if (body.contentType !== undefined) parts.contentType = body.contentType;
  if (body.skipped !== undefined) parts.skippedBody = body.skipped;
  const awsv4 = readAwsV4(blocks);
  if (awsv4 !== undefined) parts.awsv4 = awsv4;
  return { kind: 'request', parts };
}

/** collection.bru's and folder.bru's `auth { mode: … }` ('inherit' when there is none). */
export function authModeOf(blocks: readonly BruBlock[]): string {
  return valueOf(dictionary(blocks, 'auth'), 'mode') || 'inherit';
}
