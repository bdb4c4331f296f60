import type { SigningInput, SigningResult } from '../../src/signing';
import { parseRequestText, type RequestText } from './parseRequestText';

/**
 * One test-suite case folder: its files by name (context.json, request.txt, header-*.txt, ...),
 * each as the exact bytes on disk, so a request body with CR or non-UTF-8 bytes survives.
 */
export interface VectorCase {
  name: string;
  files: Record<string, Uint8Array>;
}

const utf8Text = new TextDecoder('utf-8', { fatal: true });

/** A case file as UTF-8 text; undefined when the case has no such file. */
export function vectorFileText(vector: VectorCase, file: string): string | undefined {
  const bytes = vector.files[file];
  if (bytes === undefined) return undefined;
  try {
    return utf8Text.decode(bytes);
  } catch {
    throw new Error(`${vector.name}/${file} is not UTF-8 text`);
  }
}

/** Every file of a case as UTF-8 text, for readers that only need the text files. */
export function vectorCaseTexts(vector: VectorCase): Record<string, string> {
  return Object.fromEntries(
    Object.keys(vector.files).map((file) => [file, vectorFileText(vector, file)!]),
  );
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

/** Verifies a SigV4a DER signature (hex) over a string to sign with a public key (hex x, y). */
export type VerifySigV4a = (
  publicKey: { x: string; y: string },
  stringToSign: string,
  derHexSignature: string,
) => Promise<boolean>;

/**
 * A case is SigV4a when its folder holds public-key.json (the suite's context.json has no
 * algorithm field; every v4a case with expected results has the key and no v4 case does).
 */
export const isSigV4aCase = (vector: VectorCase) => vector.files['public-key.json'] !== undefined;

const SIGNATURE_IN_TEXT = /(Signature=)([0-9a-fA-F]+)/g;

/** The signatures written in a signed request (Authorization header or X-Amz-Signature). */
export function signaturesInText(text: string): string[] {
  return Array.from(text.matchAll(SIGNATURE_IN_TEXT), (match) => match[2]!);
}

const withoutSignatures = (text: string) => text.replace(SIGNATURE_IN_TEXT, '$1<signature>');

/** The signatures in a parsed signed request's target and header values. */
const signaturesInRequest = (request: RequestText) =>
  signaturesInText([request.target, ...request.headers.map(([, value]) => value)].join('\n'));

const requestWithoutSignatures = (request: RequestText): RequestText => ({
  ...request,
  target: withoutSignatures(request.target),
  headers: request.headers.map(([name, value]) => [name, withoutSignatures(value)]),
});

/** Builds the signer input for one mode from context.json and request.txt. */
export function vectorSigningInput(
  context: VectorContext,
  request: RequestText,
  mode: 'header' | 'query',
  algorithm: 'sigv4' | 'sigv4a' = 'sigv4',
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
    ...(algorithm === 'sigv4a' ? { algorithm, regionSet: [context.region] } : {}),
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

/**
 * Path and query parameters of a request target. Each parameter is a `name=value` pair with the
 * name lower-cased, so a bare `k` is the pair `k=` (aws-c-auth parses both into key k, empty value).
 */
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
        const [name, value] = eq < 0 ? [piece, ''] : [piece.slice(0, eq), piece.slice(eq + 1)];
        return `${name.toLowerCase()}=${value}`;
      })
      .sort(),
  };
}

const headerMultiset = (headers: ReadonlyArray<readonly [string, string]>) =>
  headers.map(([name, value]) => `${name.toLowerCase()}:${value}`).sort();

/** The distinct items of `from` that occur there more often than in `other` (multiset difference). */
function surplus(from: readonly string[], other: readonly string[]): string[] {
  const count = (list: readonly string[], item: string) => list.filter((x) => x === item).length;
  return from.filter(
    (item, i) => from.indexOf(item) === i && count(from, item) > count(other, item),
  );
}

/**
 * The signed request compared as aws-c-auth's runner does: method and path exactly; query
 * parameters as parsed name/value pairs, names case-insensitive (so `k` equals `k=`); headers as a
 * multiset with case-insensitive names. Values are compared exactly (aws-c-auth ignores the case of
 * query values) and so are the counts of repeated parameters. Line order does not matter.
 */
export function compareSignedRequest(
  expected: RequestText,
  result: SigningResult,
  method: string,
): string {
  const target = result.url.replace(/^[a-z]+:\/\/[^/?#]*/i, '');
  const problems: string[] = [];
  if (expected.method !== method)
    problems.push(`method: expected ${expected.method}, got ${method}`);
  const want = splitTarget(expected.target);
  const got = splitTarget(target);
  if (want.path !== got.path)
    problems.push(`path: expected ${visible(want.path)}, got ${visible(got.path)}`);
  const missingParams = surplus(want.query, got.query);
  const extraParams = surplus(got.query, want.query);
  if (missingParams.length || extraParams.length) {
    problems.push(
      `query: missing ${visible(missingParams.join('&'))}, unexpected ${visible(extraParams.join('&'))}`,
    );
  }
  const wantHeaders = headerMultiset(expected.headers);
  const gotHeaders = headerMultiset(result.headers);
  const missing = surplus(wantHeaders, gotHeaders);
  const extra = surplus(gotHeaders, wantHeaders);
  if (missing.length || extra.length) {
    problems.push(
      `headers: missing ${visible(missing.join(' | '))}, unexpected ${visible(extra.join(' | '))}`,
    );
  }
  return problems.join('; ');
}

/**
 * Runs every mode of a case whose expected files exist; each check compares exact bytes. SigV4a
 * signatures are randomized, so for those cases the signatures are verified instead (ours, the
 * suite's *-signature.txt and those in *-signed-request.txt, all with public-key.json), the
 * derived public key is compared with public-key.json, and the signed request is compared with the
 * signatures masked.
 */
export async function runVectorCase(
  vector: VectorCase,
  sign: Sign,
  verify?: VerifySigV4a,
): Promise<SetResult[]> {
  const context = JSON.parse(
    vectorFileText(vector, 'context.json') ?? 'null',
  ) as VectorContext | null;
  const requestBytes = vector.files['request.txt'];
  if (!context || requestBytes === undefined) return [];
  const v4a = isSigV4aCase(vector);
  const suiteKey = v4a
    ? (JSON.parse(vectorFileText(vector, 'public-key.json')!) as { X: string; Y: string })
    : undefined;
  const publicKey = suiteKey && { x: suiteKey.X.toLowerCase(), y: suiteKey.Y.toLowerCase() };
  const results: SetResult[] = [];
  for (const mode of ['header', 'query'] as const) {
    if (vector.files[`${mode}-canonical-request.txt`] === undefined) continue;
    const failures: CheckFailure[] = [];
    try {
      const expected = (file: string) => vectorFileText(vector, `${mode}-${file}`);
      const request = parseRequestText(requestBytes);
      const result = await sign(
        vectorSigningInput(context, request, mode, v4a ? 'sigv4a' : 'sigv4'),
      );
      const exact: Array<[string, string | undefined, string]> = [
        ['canonical request', expected('canonical-request.txt'), result.canonicalRequest],
        ['string to sign', expected('string-to-sign.txt'), result.stringToSign],
      ];
      if (!v4a) exact.push(['signature', expected('signature.txt')?.trim(), result.signature]);
      for (const [check, want, got] of exact) {
        if (want === undefined) continue;
        const diff = shortDiff(want, got);
        if (diff) failures.push({ check, detail: diff });
      }
      // Parsed from bytes like request.txt: it ends with the same body, which need not be UTF-8.
      const signedRequestBytes = vector.files[`${mode}-signed-request.txt`];
      const signedRequest =
        signedRequestBytes === undefined ? undefined : parseRequestText(signedRequestBytes);
      if (publicKey !== undefined) {
        await checkSigV4a(failures, {
          publicKey,
          result,
          verify,
          expectedStringToSign: expected('string-to-sign.txt') ?? result.stringToSign,
          suiteSignatures: [
            ...(expected('signature.txt') === undefined ? [] : [expected('signature.txt')!.trim()]),
            ...(signedRequest === undefined ? [] : signaturesInRequest(signedRequest)),
          ],
        });
      }
      if (signedRequest !== undefined) {
        const diff = v4a
          ? compareSignedRequest(
              requestWithoutSignatures(signedRequest),
              {
                ...result,
                url: withoutSignatures(result.url),
                headers: result.headers.map(([name, value]) => [name, withoutSignatures(value)]),
              },
              request.method,
            )
          : compareSignedRequest(signedRequest, result, request.method);
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

async function checkSigV4a(
  failures: CheckFailure[],
  check: {
    publicKey: { x: string; y: string };
    result: SigningResult;
    verify: VerifySigV4a | undefined;
    expectedStringToSign: string;
    suiteSignatures: string[];
  },
): Promise<void> {
  const { publicKey, result, verify } = check;
  if (result.algorithm !== 'sigv4a') {
    failures.push({ check: 'algorithm', detail: `expected sigv4a, got ${result.algorithm}` });
    return;
  }
  const derived = result.sigv4a.publicKey;
  if (derived.x !== publicKey.x || derived.y !== publicKey.y) {
    failures.push({
      check: 'public key',
      detail: `expected ${publicKey.x}/${publicKey.y}, derived ${derived.x}/${derived.y}`,
    });
  }
  if (verify === undefined) {
    failures.push({ check: 'signature', detail: 'a SigV4a case needs a signature verifier' });
    return;
  }
  if (!(await verify(publicKey, result.stringToSign, result.signature))) {
    failures.push({
      check: 'signature',
      detail: `our signature ${result.signature} does not verify with public-key.json`,
    });
  }
  if (check.suiteSignatures.length === 0) {
    failures.push({ check: 'suite signature', detail: 'the case has no signature to verify' });
  }
  for (const signature of check.suiteSignatures) {
    if (!(await verify(publicKey, check.expectedStringToSign, signature))) {
      failures.push({
        check: 'suite signature',
        detail: `the suite's signature ${signature} does not verify with our verifier`,
      });
    }
  }
}

/** Runs cases and returns the report lines and the closing `N passed, M failed` line. */
export async function runVectorSuite(
  cases: readonly VectorCase[],
  sign: Sign,
  verify?: VerifySigV4a,
): Promise<{ lines: string[]; passed: number; failed: number; results: SetResult[] }> {
  const lines: string[] = [];
  const results: SetResult[] = [];
  for (const vector of cases) results.push(...(await runVectorCase(vector, sign, verify)));
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
