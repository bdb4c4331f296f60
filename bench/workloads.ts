/**
 * The signing benchmark itself, shared by the Node round (bench/run.ts) and the Chromium round
 * (bench/browserEntry.ts). It measures how long one SigV4 signing takes with our signer, aws4fetch
 * and @smithy/signature-v4, next to a bare crypto.subtle "floor": the least WebCrypto work any
 * SigV4 signer has to do for the same request. The ratio floor / implementation says how much of
 * an implementation's time is unavoidable crypto (1.0 = nothing but the floor).
 *
 * Workloads (one POST to API Gateway, execute-api in ca-central-1):
 * - W1: ≈100-byte JSON body, a new secret every signing (cold: the signing key must be derived).
 *   Floor: 2 digests + 5 HMACs, each HMAC = importKey + sign, run one after another.
 * - W4: 1,000 signings with the same credentials (warm: signing keys cached).
 *   Floor: 2 digests + 1 HMAC with a CryptoKey imported once.
 * - W2 / W3: the same request with a 1 MiB / 10 MiB random body, warm keys.
 *   Floor: one crypto.subtle.digest('SHA-256', body).
 *
 * Every repeat runs each implementation once, in an order rotated by one per repeat, so drift in
 * the machine (frequency, GC, other processes) spreads over all of them; we report medians.
 *
 * Pure on purpose: no Node or DOM API is touched here. SubtleCrypto and the clock are parameters,
 * which is what lets the very same code run under tsx and bundled into a Chromium page. (aws4fetch
 * is the exception that proves the rule: it always uses the global crypto.subtle.)
 */
import { Sha256 } from '@aws-crypto/sha256-browser';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsV4Signer } from 'aws4fetch';
import {
  createSigner,
  createWebCryptoSigning,
  toHex,
  verifySigV4aSignature,
  type SigningCrypto,
  type SigningResult,
} from '../src/signing';

export type WorkloadId = 'W1' | 'W4' | 'W2' | 'W3';
export const WORKLOAD_IDS: readonly WorkloadId[] = ['W1', 'W4', 'W2', 'W3'];

export interface BenchConfig {
  /** Cold small POST: `repeats` samples of `batch` signings, each with a new secret. */
  w1: { repeats: number; batch: number; warmupRepeats: number };
  /** Warm: `repeats` samples of `signings` signings with the same credentials. */
  w4: { repeats: number; signings: number; warmupRepeats: number };
  /** 1 MiB body: `repeats` samples of one signing. */
  w2: { repeats: number; warmupRepeats: number };
  /** 10 MiB body: `repeats` samples of one signing. */
  w3: { repeats: number; warmupRepeats: number };
}

export const DEFAULT_CONFIG: BenchConfig = {
  w1: { repeats: 200, batch: 20, warmupRepeats: 10 },
  w4: { repeats: 15, signings: 1000, warmupRepeats: 1 },
  w2: { repeats: 25, warmupRepeats: 2 },
  w3: { repeats: 11, warmupRepeats: 1 },
};

/** A short run for trying the harness out (BENCH_QUICK=1); its numbers are noisy. */
export const QUICK_CONFIG: BenchConfig = {
  w1: { repeats: 20, batch: 10, warmupRepeats: 2 },
  w4: { repeats: 3, signings: 200, warmupRepeats: 1 },
  w2: { repeats: 3, warmupRepeats: 1 },
  w3: { repeats: 3, warmupRepeats: 1 },
};

/** Time per signing, in milliseconds, over the samples of one implementation and workload. */
export interface Cell {
  median: number;
  q1: number;
  q3: number;
  samples: number;
  /** Signings per sample. */
  perSample: number;
}

export interface ImplementationResult {
  id: string;
  label: string;
  isFloor: boolean;
  cells: Record<WorkloadId, Cell>;
}

/** SigV4 next to SigV4a (AWS4-ECDSA-P256-SHA256) for one of our signers: cold and warm. */
export interface SigV4aRow {
  id: string;
  label: string;
  /** The small POST with a new secret per signing (W1's inputs): key derivation included. */
  sigv4Cold: Cell;
  sigv4aCold: Cell;
  /** The small POST with the fixed secret (W4's inputs): keys cached. */
  sigv4Warm: Cell;
  sigv4aWarm: Cell;
  /** Whether a SigV4a signature of this signer verified with the derived public key. */
  verified: boolean;
}

export interface EnvironmentResult {
  implementations: ImplementationResult[];
  /** SigV4 vs SigV4a for our signers (measured after the main workloads). */
  sigv4a?: SigV4aRow[];
  /** Lines about the signature agreement check, ready to print. */
  agreement: string[];
  /** False if any implementation produced a different signature than ours. */
  agreed: boolean;
  notes: string[];
  elapsedMs: number;
}

/** Another SigningCrypto to run our signer on, e.g. node:crypto in the Node round. */
export interface ExtraSigner {
  id: string;
  label: string;
  crypto: SigningCrypto;
}

export interface RunOptions {
  subtle: SubtleCrypto;
  now: () => number;
  config: BenchConfig;
  extraSigners?: ExtraSigner[];
  log?: (line: string) => void;
}

// --- The request ------------------------------------------------------------------------------

const ACCESS_KEY_ID = 'AKIDEXAMPLE';
/** The secret of the agreement check and of the warm workloads. */
const FIXED_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const REGION = 'ca-central-1';
const SERVICE = 'execute-api';
const SIGNING_DATE = new Date('2015-08-30T12:36:00Z');
const AMZ_DATE = '20150830T123600Z';
const DATE_STAMP = '20150830';
const HOST = 'a1b2c3d4e5.execute-api.ca-central-1.amazonaws.com';
const PATH = '/prod/orders';
const QUERY = 'limit=25&dryRun=false';
const CONTENT_TYPE = 'application/json';
const SMALL_BODY = JSON.stringify({
  orderId: 'ord-000123',
  items: [{ sku: 'A-42', qty: 2 }],
  note: 'leave at the door',
  rush: false,
});

const utf8Encoder = new TextEncoder();
const utf8 = (text: string): Uint8Array<ArrayBuffer> => utf8Encoder.encode(text);
const HMAC_SHA256 = { name: 'HMAC', hash: { name: 'SHA-256' } } as const;
const SCOPE_PARTS = [DATE_STAMP, REGION, SERVICE, 'aws4_request'].map(utf8);

interface BenchRequest {
  name: string;
  body: string | Uint8Array<ArrayBuffer>;
  /** What the floor hashes and signs, taken from a verified signing (the secret does not enter). */
  floor: {
    body: Uint8Array<ArrayBuffer>;
    canonicalRequest: Uint8Array<ArrayBuffer>;
    stringToSign: Uint8Array<ArrayBuffer>;
  };
}

const URL_STRING = `https://${HOST}${PATH}?${QUERY}`;

/** One line for the report. */
export const REQUEST_DESCRIPTION =
  `POST ${URL_STRING} (${SERVICE}, ${REGION}), content-type: ${CONTENT_TYPE}, ` +
  `${utf8(SMALL_BODY).length}-byte JSON body (W2/W3: 1 / 10 MiB of random bytes)`;
const HEADERS: Array<[string, string]> = [['content-type', CONTENT_TYPE]];

function makeRequest(name: string, body: string | Uint8Array<ArrayBuffer>): BenchRequest {
  const empty = new Uint8Array(0);
  return {
    name,
    body,
    floor: {
      body: typeof body === 'string' ? utf8(body) : body,
      canonicalRequest: empty,
      stringToSign: empty,
    },
  };
}

// --- Deterministic random data ----------------------------------------------------------------

/** mulberry32: a tiny seeded PRNG, so both environments build their inputs the same way. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function randomBytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const next = prng(seed);
  const words = new Uint32Array(Math.ceil(length / 4));
  for (let i = 0; i < words.length; i++) words[i] = next();
  return new Uint8Array(words.buffer, 0, length);
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface Secret {
  secret: string;
  /** UTF-8 of "AWS4" + secret, encoded up front: the floor does crypto and nothing else. */
  keyBytes: Uint8Array<ArrayBuffer>;
}

/** `count` distinct 40-character secrets, like real AWS secret access keys. */
function makeSecrets(count: number, seed: number): Secret[] {
  const next = prng(seed);
  const seen = new Set<string>([FIXED_SECRET]);
  const secrets: Secret[] = [];
  while (secrets.length < count) {
    let secret = '';
    for (let i = 0; i < 40; i++) secret += SECRET_ALPHABET[next() & 63];
    if (seen.has(secret)) continue;
    seen.add(secret);
    secrets.push({ secret, keyBytes: utf8(`AWS4${secret}`) });
  }
  return secrets;
}

const fixedSecret: Secret = { secret: FIXED_SECRET, keyBytes: utf8(`AWS4${FIXED_SECRET}`) };

// --- Implementations --------------------------------------------------------------------------

interface Implementation {
  id: string;
  label: string;
  /** One signing, with the request in the implementation's own form, built per call. */
  sign(request: BenchRequest, secret: string): Promise<unknown>;
  /** The signature (hex) and signed headers in what `sign` resolved to. */
  inspect(output: unknown): { signature: string; signedHeaders: string };
}

function parseAuthorization(authorization: string | null | undefined): {
  signature: string;
  signedHeaders: string;
} {
  const match = /SignedHeaders=([^,]*), Signature=([0-9a-f]+)/.exec(authorization ?? '');
  return { signedHeaders: match?.[1] ?? '?', signature: match?.[2] ?? '?' };
}

function ourSigner(
  id: string,
  label: string,
  crypto: SigningCrypto,
  algorithm: 'sigv4' | 'sigv4a' = 'sigv4',
): Implementation {
  const signer = createSigner({ crypto });
  return {
    id,
    label,
    sign: (request, secret) =>
      signer.signRequest({
        method: 'POST',
        url: URL_STRING,
        headers: HEADERS,
        body: request.body,
        credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: secret },
        region: REGION,
        service: SERVICE,
        signingDate: SIGNING_DATE,
        algorithm,
      }),
    inspect: (output) => {
      const result = output as SigningResult;
      return { signature: result.signature, signedHeaders: result.signedHeaders };
    },
  };
}

/**
 * aws4fetch's AwsV4Signer, one per request as AwsClient.sign makes them, sharing one key cache as
 * an AwsClient does. `allHeaders` is needed for equal work: by default aws4fetch leaves
 * content-type unsigned, which the others (and AWS's own SDKs) sign.
 */
function aws4fetchSigner(allHeaders: boolean): Implementation {
  const cache = new Map<string, ArrayBuffer>();
  return {
    id: allHeaders ? 'aws4fetch' : 'aws4fetch-default',
    label: 'aws4fetch (AwsV4Signer)',
    sign: (request, secret) =>
      new AwsV4Signer({
        method: 'POST',
        url: URL_STRING,
        headers: HEADERS,
        body: request.body,
        accessKeyId: ACCESS_KEY_ID,
        secretAccessKey: secret,
        region: REGION,
        service: SERVICE,
        datetime: AMZ_DATE,
        cache,
        allHeaders,
      }).sign(),
    inspect: (output) =>
      parseAuthorization((output as { headers: Headers }).headers.get('authorization')),
  };
}

/**
 * @smithy/signature-v4 as the AWS SDK v3 uses it in browsers: SignatureV4 over Sha256 from
 * @aws-crypto/sha256-browser (WebCrypto in a browser, pure JS in Node). One signer whose
 * credential provider hands out the current secret; a new HttpRequest per call.
 * `applyChecksum: false`: by default it adds and signs x-amz-content-sha256, which execute-api
 * does not need and the others do not send.
 */
function smithySigner(applyChecksum: boolean): Implementation {
  let credentials = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: FIXED_SECRET };
  const signer = new SignatureV4({
    credentials: () => Promise.resolve(credentials),
    region: REGION,
    service: SERVICE,
    sha256: Sha256,
    applyChecksum,
  });
  return {
    id: applyChecksum ? 'smithy-default' : 'smithy',
    label: 'smithy (SignatureV4 + sha256-browser)',
    sign: (request, secret) => {
      credentials = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: secret };
      return signer.sign(
        new HttpRequest({
          method: 'POST',
          protocol: 'https:',
          hostname: HOST,
          path: PATH,
          query: { limit: '25', dryRun: 'false' },
          headers: { host: HOST, 'content-type': CONTENT_TYPE },
          body: request.body,
        }),
        { signingDate: SIGNING_DATE },
      );
    },
    inspect: (output) => parseAuthorization((output as HttpRequest).headers['authorization']),
  };
}

// --- The floor --------------------------------------------------------------------------------

/** The bare WebCrypto work of SigV4: only calls into crypto.subtle, inputs prepared up front. */
class Floor {
  private cachedKey: CryptoKey | undefined;

  constructor(private readonly subtle: SubtleCrypto) {}

  private async hmac(key: BufferSource, data: BufferSource): Promise<ArrayBuffer> {
    const cryptoKey = await this.subtle.importKey('raw', key, HMAC_SHA256, false, ['sign']);
    return this.subtle.sign('HMAC', cryptoKey, data);
  }

  /** 2 digests + 5 HMACs (importKey + sign each), one after another. */
  async cold(request: BenchRequest, keyBytes: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
    await this.subtle.digest('SHA-256', request.floor.body);
    await this.subtle.digest('SHA-256', request.floor.canonicalRequest);
    let key: BufferSource = keyBytes;
    for (const part of SCOPE_PARTS) key = await this.hmac(key, part);
    return this.hmac(key, request.floor.stringToSign);
  }

  /** Derives and imports kSigning for the warm workloads (not timed). */
  async prepareWarmKey(keyBytes: Uint8Array<ArrayBuffer>): Promise<void> {
    let key: BufferSource = keyBytes;
    for (const part of SCOPE_PARTS) key = await this.hmac(key, part);
    this.cachedKey = await this.subtle.importKey('raw', key, HMAC_SHA256, false, ['sign']);
  }

  /** 2 digests + 1 HMAC with the CryptoKey imported once. */
  async warm(request: BenchRequest): Promise<ArrayBuffer> {
    if (!this.cachedKey) throw new Error('Floor.prepareWarmKey() first');
    await this.subtle.digest('SHA-256', request.floor.body);
    await this.subtle.digest('SHA-256', request.floor.canonicalRequest);
    return this.subtle.sign('HMAC', this.cachedKey, request.floor.stringToSign);
  }

  /** One raw digest of the body. */
  digestOnly(request: BenchRequest): Promise<ArrayBuffer> {
    return this.subtle.digest('SHA-256', request.floor.body);
  }
}

// --- Timing -----------------------------------------------------------------------------------

interface Runner {
  id: string;
  /** Runs one sample (repeat number given) and returns how many signings it made. */
  sample(repeat: number): Promise<number>;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** Interleaved repeats: repeat r runs every runner once, starting at runner r mod n. */
async function measure(
  runners: Runner[],
  repeats: number,
  now: () => number,
): Promise<Map<string, { times: number[]; perSample: number }>> {
  const results = new Map<string, { times: number[]; perSample: number }>();
  for (const runner of runners) results.set(runner.id, { times: [], perSample: 0 });
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (let i = 0; i < runners.length; i++) {
      const runner = runners[(i + repeat) % runners.length]!;
      const start = now();
      const signings = await runner.sample(repeat);
      const elapsed = now() - start;
      const entry = results.get(runner.id)!;
      entry.times.push(elapsed / signings);
      entry.perSample = signings;
    }
  }
  return results;
}

function summarize(times: number[], perSample: number): Cell {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    samples: sorted.length,
    perSample,
  };
}

// --- The run ----------------------------------------------------------------------------------

export async function runBenchmarks(options: RunOptions): Promise<EnvironmentResult> {
  const { subtle, now, config } = options;
  const log = options.log ?? (() => {});
  const started = now();

  const implementations: Implementation[] = [
    ourSigner('ours', 'ours (createWebCryptoSigning)', createWebCryptoSigning(subtle)),
    ...(options.extraSigners ?? []).map((extra) => ourSigner(extra.id, extra.label, extra.crypto)),
    aws4fetchSigner(true),
    smithySigner(false),
  ];
  const floor = new Floor(subtle);
  const FLOOR_ID = 'floor';

  const small = makeRequest('small POST', SMALL_BODY);
  const oneMiB = makeRequest('1 MiB body', randomBytes(1 << 20, 1));
  const tenMiB = makeRequest('10 MiB body', randomBytes(10 << 20, 10));

  // Agreement: every implementation signs the same deterministic input (fixed date and secret);
  // the floor's inputs are the canonical request and string to sign of that signing.
  const agreement: string[] = [];
  const notes: string[] = [];
  let agreed = true;
  const reference = implementations[0]!;
  for (const request of [small, oneMiB, tenMiB]) {
    const ours = (await reference.sign(request, FIXED_SECRET)) as SigningResult;
    request.floor.canonicalRequest = utf8(ours.canonicalRequest);
    request.floor.stringToSign = utf8(ours.stringToSign);
    const payloadHash = toHex(new Uint8Array(await floor.digestOnly(request)));
    const canonicalHash = toHex(
      new Uint8Array(await subtle.digest('SHA-256', request.floor.canonicalRequest)),
    );
    if (payloadHash !== ours.payloadHash || canonicalHash !== ours.canonicalRequestHash) {
      agreed = false;
      agreement.push(`DISAGREE (${request.name}): floor digests differ from our artifacts`);
    }
    const mismatches: string[] = [];
    for (const implementation of implementations) {
      const { signature, signedHeaders } = implementation.inspect(
        await implementation.sign(request, FIXED_SECRET),
      );
      if (signature !== ours.signature || signedHeaders !== ours.signedHeaders) {
        mismatches.push(`${implementation.id} ${signature} (SignedHeaders=${signedHeaders})`);
      }
    }
    const floorCold = toHex(new Uint8Array(await floor.cold(request, fixedSecret.keyBytes)));
    await floor.prepareWarmKey(fixedSecret.keyBytes);
    const floorWarm = toHex(new Uint8Array(await floor.warm(request)));
    if (floorCold !== ours.signature) mismatches.push(`floor (cold) ${floorCold}`);
    if (floorWarm !== ours.signature) mismatches.push(`floor (warm) ${floorWarm}`);
    if (mismatches.length === 0) {
      agreement.push(
        `agree (${request.name}): ${implementations.map((i) => i.id).join(', ')} and the floor ` +
          `all produce ${ours.signature} over SignedHeaders=${ours.signedHeaders}`,
      );
    } else {
      agreed = false;
      agreement.push(
        `DISAGREE (${request.name}): ours ${ours.signature}; ${mismatches.join('; ')}`,
      );
    }
  }

  // What the competitors sign when left at their defaults (why they are configured as they are).
  const smallOurs = reference.inspect(await reference.sign(small, FIXED_SECRET));
  for (const [implementation, option] of [
    [aws4fetchSigner(false), 'allHeaders: true'],
    [smithySigner(true), 'applyChecksum: false'],
  ] as const) {
    const { signature, signedHeaders } = implementation.inspect(
      await implementation.sign(small, FIXED_SECRET),
    );
    notes.push(
      signature === smallOurs.signature
        ? `${implementation.id}: same signature at its defaults`
        : `${implementation.id.replace('-default', '')} at its defaults signs ` +
            `SignedHeaders=${signedHeaders} (signature ${signature.slice(0, 16)}…), not ` +
            `${smallOurs.signedHeaders}: benchmarked with ${option} so all do equal work`,
    );
  }

  const allIds = [FLOOR_ID, ...implementations.map((i) => i.id)];
  const cells = new Map<string, Partial<Record<WorkloadId, Cell>>>(allIds.map((id) => [id, {}]));
  const record = (
    workload: WorkloadId,
    results: Map<string, { times: number[]; perSample: number }>,
  ): void => {
    for (const [id, { times, perSample }] of results) {
      cells.get(id)![workload] = summarize(times, perSample);
    }
  };

  // W1: cold keys, a distinct secret per signing (warm-up secrets are separate).
  {
    const { repeats, batch, warmupRepeats } = config.w1;
    const warmupSecrets = makeSecrets(warmupRepeats * batch, 7);
    const secrets = makeSecrets(repeats * batch, 11);
    const runners = (pool: Secret[]): Runner[] => [
      {
        id: FLOOR_ID,
        sample: async (repeat) => {
          for (let j = 0; j < batch; j++) {
            await floor.cold(small, pool[repeat * batch + j]!.keyBytes);
          }
          return batch;
        },
      },
      ...implementations.map((implementation): Runner => ({
        id: implementation.id,
        sample: async (repeat) => {
          for (let j = 0; j < batch; j++) {
            await implementation.sign(small, pool[repeat * batch + j]!.secret);
          }
          return batch;
        },
      })),
    ];
    log(`W1: warm-up, then ${repeats} repeats × ${batch} cold signings`);
    await measure(runners(warmupSecrets), warmupRepeats, now);
    record('W1', await measure(runners(secrets), repeats, now));
  }

  // W4 / W2 / W3: warm keys, the fixed secret.
  await floor.prepareWarmKey(fixedSecret.keyBytes);
  const warmRunners = (
    request: BenchRequest,
    signings: number,
    floorWork: () => Promise<unknown>,
  ) => [
    {
      id: FLOOR_ID,
      sample: async () => {
        for (let j = 0; j < signings; j++) await floorWork();
        return signings;
      },
    },
    ...implementations.map((implementation): Runner => ({
      id: implementation.id,
      sample: async () => {
        for (let j = 0; j < signings; j++) await implementation.sign(request, FIXED_SECRET);
        return signings;
      },
    })),
  ];

  {
    const { repeats, signings, warmupRepeats } = config.w4;
    const runners = warmRunners(small, signings, () => floor.warm(small));
    log(`W4: warm-up, then ${repeats} repeats × ${signings} warm signings`);
    await measure(runners, warmupRepeats, now);
    record('W4', await measure(runners, repeats, now));
  }
  for (const [workload, request, { repeats, warmupRepeats }] of [
    ['W2', oneMiB, config.w2],
    ['W3', tenMiB, config.w3],
  ] as const) {
    const runners = warmRunners(request, 1, () => floor.digestOnly(request));
    log(`${workload}: warm-up, then ${repeats} repeats × 1 signing of the ${request.name}`);
    await measure(runners, warmupRepeats, now);
    record(workload, await measure(runners, repeats, now));
  }

  // SigV4a next to SigV4, our signers only (ECDSA signatures are randomized: no agreement check,
  // each signer's signature is verified with its derived public key instead).
  const sigv4aRows: SigV4aRow[] = [];
  {
    const ourCryptos: ExtraSigner[] = [
      {
        id: 'ours',
        label: 'ours (createWebCryptoSigning)',
        crypto: createWebCryptoSigning(subtle),
      },
      ...(options.extraSigners ?? []),
    ];
    const { repeats, batch, warmupRepeats } = config.w1;
    const warm = config.w4;
    const warmSignings = Math.max(1, Math.round(warm.signings / 10));
    const secrets = makeSecrets(repeats * batch, 13);
    const warmupSecrets = makeSecrets(warmupRepeats * batch, 17);
    for (const { id, label, crypto } of ourCryptos) {
      const v4 = ourSigner(`${id}-v4`, label, crypto);
      const v4a = ourSigner(`${id}-v4a`, label, crypto, 'sigv4a');
      const sample = (await v4a.sign(small, FIXED_SECRET)) as SigningResult;
      const verified =
        sample.algorithm === 'sigv4a' &&
        (await verifySigV4aSignature(
          sample.sigv4a.publicKey,
          sample.stringToSign,
          sample.signature,
          crypto,
        ));
      const coldRunners = (pool: Secret[]): Runner[] =>
        [v4, v4a].map((implementation) => ({
          id: implementation.id,
          sample: async (repeat) => {
            for (let j = 0; j < batch; j++) {
              await implementation.sign(small, pool[repeat * batch + j]!.secret);
            }
            return batch;
          },
        }));
      const warmRunners: Runner[] = [v4, v4a].map((implementation) => ({
        id: implementation.id,
        sample: async () => {
          for (let j = 0; j < warmSignings; j++) await implementation.sign(small, FIXED_SECRET);
          return warmSignings;
        },
      }));
      log(`SigV4a (${id}): cold ${repeats} × ${batch}, warm ${warm.repeats} × ${warmSignings}`);
      await measure(coldRunners(warmupSecrets), warmupRepeats, now);
      const cold = await measure(coldRunners(secrets), repeats, now);
      await measure(warmRunners, warm.warmupRepeats, now);
      const warmResults = await measure(warmRunners, warm.repeats, now);
      const cell = (results: typeof cold, key: string) => {
        const { times, perSample } = results.get(key)!;
        return summarize(times, perSample);
      };
      sigv4aRows.push({
        id,
        label,
        sigv4Cold: cell(cold, v4.id),
        sigv4aCold: cell(cold, v4a.id),
        sigv4Warm: cell(warmResults, v4.id),
        sigv4aWarm: cell(warmResults, v4a.id),
        verified,
      });
    }
  }

  const labels = new Map<string, string>([
    [FLOOR_ID, 'crypto.subtle floor'],
    ...implementations.map((i): [string, string] => [i.id, i.label]),
  ]);
  return {
    implementations: allIds.map((id) => ({
      id,
      label: labels.get(id)!,
      isFloor: id === FLOOR_ID,
      cells: cells.get(id) as Record<WorkloadId, Cell>,
    })),
    sigv4a: sigv4aRows,
    agreement,
    agreed,
    notes,
    elapsedMs: now() - started,
  };
}
