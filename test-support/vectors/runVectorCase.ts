import type { SigningInput, SigningResult } from '../../src/signing';
import { parseRequestText, type RequestText } from './parseRequestText';

/** One test-suite case folder: its files by name (context.json, request.txt, header-*.txt, ...). */
export interface VectorCase {
  name: string;
  files: Record<string, string>;
}

export interface CheckFailure {
  check: string;
  detail: string;
}

/** The outcome of one case in one mode: passed when no check failed. */
export interface SetResult {
  name: string;
  mode: 'header' | 'query';
  failures: CheckFailure[];
}

interface VectorContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds?: number;
  normalize?: boolean;
  double_uri_encode?: boolean;
  omit_session_token?: boolean;
  region: string;
  service: string;
  sign_body?: boolean;
  signed_body_value?: string;
  payload_hash_header?: boolean;
  timestamp: string;
}

type Sign = (input: SigningInput) => Promise<SigningResult>;

/** Builds the signer input for one mode from context.json and request.txt. */
export function vectorSigningInput(
  context: VectorContext,
  request: RequestText,
  mode: 'header' | 'query',
): SigningInput {
  const host = request.headers.find(([name]) => name.toLowerCase() === 'host')?.[1] ?? 'localhost';
  const signBody = context.sign_body === true;
  const unsignedPayload = context.signed_body_value === 'UNSIGNED-PAYLOAD';
  if (context.signed_body_value !== undefined && !unsignedPayload) {
    throw new Error(
      `signed_body_value ${JSON.stringify(context.signed_body_value)} is not supported`,
    );
  }
  return {
    method: request.method,
    url: `https://${host}${request.target}`,
    headers: request.headers,
    // sign_body false: aws-c-auth signs the empty-payload hash whatever the body is.
    body: signBody ? request.body : undefined,
    credentials: {
      accessKeyId: context.credentials.access_key_id,
      secretAccessKey: context.credentials.secret_access_key,
      sessionToken: context.credentials.token,
    },
    region: context.region,
    service: context.service,
    signingDate: new Date(context.timestamp),
    mode,
    expiresIn: context.expiration_in_seconds ?? 3600,
    payload: unsignedPayload ? 'unsigned' : 'signed',
    contentSha256Header: signBody && context.payload_hash_header !== false,
    normalizePath: context.normalize ?? true,
    doubleEncodePath: context.double_uri_encode ?? true,
    signSessionToken: context.omit_session_token !== true,
  };
}

const visible = (line: string | undefined) =>
  line === undefined ? '(none)' : JSON.stringify(line);

/** "line N: expected X, got Y" for the first differing line; '' when equal. */
export function shortDiff(expected: string, actual: string): string {
  if (expected === actual) return '';
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  for (let i = 0; i < Math.max(expectedLines.length, actualLines.length); i++) {
    if (expectedLines[i] !== actualLines[i]) {
      return `line ${i + 1}: expected ${visible(expectedLines[i])}, got ${visible(actualLines[i])}`;
    }
  }
  return `expected ${visible(expected)}, got ${visible(actual)}`;
}

function splitTarget(target: string): { path: string; query: string[] } {
  const at = target.indexOf('?');
  if (at < 0) return { path: target, query: [] };
  return {
    path: target.slice(0, at),
    query: target
      .slice(at + 1)
      .split('&')
      .filter((piece) => piece !== '')
      .map((piece) => {
        const eq = piece.indexOf('=');
        return eq < 0 ? piece.toLowerCase() : piece.slice(0, eq).toLowerCase() + piece.slice(eq);
      })
      .sort(),
  };
}

const headerMultiset = (headers: ReadonlyArray<readonly [string, string]>) =>
  headers.map(([name, value]) => `${name.toLowerCase()}:${value}`).sort();

/**
 * The signed request compared as aws-c-auth's runner does: method and path exactly, query
 * parameters as a set with case-insensitive names, headers as a multiset with case-insensitive
 * names and exact values. Line order does not matter.
 */
export function compareSignedRequest(
  expectedText: string,
  result: SigningResult,
  method: string,
): string {
  const expected = parseRequestText(expectedText);
  const target = result.url.replace(/^[a-z]+:\/\/[^/?#]*/i, '');
  const problems: string[] = [];
  if (expected.method !== method)
    problems.push(`method: expected ${expected.method}, got ${method}`);
  const want = splitTarget(expected.target);
  const got = splitTarget(target);
  if (want.path !== got.path)
    problems.push(`path: expected ${visible(want.path)}, got ${visible(got.path)}`);
  const missingParams = want.query.filter((param) => !got.query.includes(param));
  const extraParams = got.query.filter((param) => !want.query.includes(param));
  if (missingParams.length || extraParams.length) {
    problems.push(
      `query: missing ${visible(missingParams.join('&'))}, unexpected ${visible(extraParams.join('&'))}`,
    );
  }
  const wantHeaders = headerMultiset(expected.headers);
  const gotHeaders = headerMultiset(result.headers);
  const missing = wantHeaders.filter(
    (h, i) =>
      wantHeaders.indexOf(h) === i &&
      wantHeaders.filter((x) => x === h).length > gotHeaders.filter((x) => x === h).length,
  );
  const extra = gotHeaders.filter(
    (h, i) =>
      gotHeaders.indexOf(h) === i &&
      gotHeaders.filter((x) => x === h).length > wantHeaders.filter((x) => x === h).length,
  );
  if (missing.length || extra.length) {
    problems.push(
      `headers: missing ${visible(missing.join(' | '))}, unexpected ${visible(extra.join(' | '))}`,
    );
  }
  return problems.join('; ');
}

/** Runs every mode of a case whose expected files exist; each check compares exact bytes. */
export async function runVectorCase(vector: VectorCase, sign: Sign): Promise<SetResult[]> {
  const context = JSON.parse(vector.files['context.json'] ?? 'null') as VectorContext | null;
  const requestText = vector.files['request.txt'];
  if (!context || requestText === undefined) return [];
  const results: SetResult[] = [];
  for (const mode of ['header', 'query'] as const) {
    const expected = (file: string) => vector.files[`${mode}-${file}`];
    if (expected('canonical-request.txt') === undefined) continue;
    const failures: CheckFailure[] = [];
    try {
      const request = parseRequestText(requestText);
      const result = await sign(vectorSigningInput(context, request, mode));
      const exact: Array<[string, string | undefined, string]> = [
        ['canonical request', expected('canonical-request.txt'), result.canonicalRequest],
        ['string to sign', expected('string-to-sign.txt'), result.stringToSign],
        ['signature', expected('signature.txt')?.trim(), result.signature],
      ];
      for (const [check, want, got] of exact) {
        if (want === undefined) continue;
        const diff = shortDiff(want, got);
        if (diff) failures.push({ check, detail: diff });
      }
      const signedRequest = expected('signed-request.txt');
      if (signedRequest !== undefined) {
        const diff = compareSignedRequest(signedRequest, result, request.method);
        if (diff) failures.push({ check: 'signed request', detail: diff });
      }
    } catch (error) {
      failures.push({
        check: 'signing',
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    results.push({ name: vector.name, mode, failures });
  }
  return results;
}

/** Runs cases and returns the report lines and the closing `N passed, M failed` line. */
export async function runVectorSuite(
  cases: readonly VectorCase[],
  sign: Sign,
): Promise<{ lines: string[]; passed: number; failed: number; results: SetResult[] }> {
  const lines: string[] = [];
  const results: SetResult[] = [];
  for (const vector of cases) results.push(...(await runVectorCase(vector, sign)));
  let passed = 0;
  for (const result of results) {
    if (result.failures.length === 0) passed++;
    for (const { check, detail } of result.failures) {
      lines.push(`FAIL ${result.name} [${result.mode}] ${check}: ${detail}`);
    }
  }
  const failed = results.length - passed;
  lines.push(`${passed} passed, ${failed} failed`);
  return { lines, passed, failed, results };
}
