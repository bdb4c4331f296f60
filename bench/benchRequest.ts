// The request every implementation signs (one POST to API Gateway, execute-api in ca-central-1),
// its bodies and secrets, built deterministically so both environments sign the same inputs.
import { seededUint32 } from './seededRandom';

export const ACCESS_KEY_ID = 'AKIDEXAMPLE';
/** The secret of the agreement check and of the warm workloads. */
export const FIXED_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
export const REGION = 'ca-central-1';
export const SERVICE = 'execute-api';
export const SIGNING_DATE = new Date('2015-08-30T12:36:00Z');
export const AMZ_DATE = '20150830T123600Z';
export const DATE_STAMP = '20150830';
export const HOST = 'a1b2c3d4e5.execute-api.ca-central-1.amazonaws.com';
export const PATH = '/prod/orders';
const QUERY = 'limit=25&dryRun=false';
export const CONTENT_TYPE = 'application/json';
export const SMALL_BODY = JSON.stringify({
  orderId: 'ord-000123',
  items: [{ sku: 'A-42', qty: 2 }],
  note: 'leave at the door',
  rush: false,
});

const utf8Encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array<ArrayBuffer> => utf8Encoder.encode(text);

export interface BenchRequest {
  name: string;
  body: string | Uint8Array<ArrayBuffer>;
  /** What the floor hashes and signs, taken from a verified signing (the secret does not enter). */
  floor: {
    body: Uint8Array<ArrayBuffer>;
    canonicalRequest: Uint8Array<ArrayBuffer>;
    stringToSign: Uint8Array<ArrayBuffer>;
  };
}

export const URL_STRING = `https://${HOST}${PATH}?${QUERY}`;

/** One line for the report. */
export const REQUEST_DESCRIPTION =
  `POST ${URL_STRING} (${SERVICE}, ${REGION}), content-type: ${CONTENT_TYPE}, ` +
  `${utf8(SMALL_BODY).length}-byte JSON body (W2/W3: 1 / 10 MiB of random bytes)`;
export const HEADERS: Array<[string, string]> = [['content-type', CONTENT_TYPE]];

/** The request with this body; the floor's canonical request and string to sign come later. */
export function makeRequest(name: string, body: string | Uint8Array<ArrayBuffer>): BenchRequest {
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

export function randomBytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const next = seededUint32(seed);
  const words = new Uint32Array(Math.ceil(length / 4));
  for (let i = 0; i < words.length; i++) words[i] = next();
  return new Uint8Array(words.buffer, 0, length);
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export interface Secret {
  secret: string;
  /** UTF-8 of "AWS4" + secret, encoded up front: the floor does crypto and nothing else. */
  keyBytes: Uint8Array<ArrayBuffer>;
}

/** `count` distinct 40-character secrets, like real AWS secret access keys. */
export function makeSecrets(count: number, seed: number): Secret[] {
  const next = seededUint32(seed);
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

export const fixedSecret: Secret = { secret: FIXED_SECRET, keyBytes: utf8(`AWS4${FIXED_SECRET}`) };
