// The signers under test, each behind one interface: ours (on any SigningCrypto), aws4fetch and
// @smithy/signature-v4, configured so that all of them sign exactly the same headers.
import { Sha256 } from '@aws-crypto/sha256-browser';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsV4Signer } from 'aws4fetch';
import { createSigner, type SigningCrypto, type SigningResult } from '../src/signing';
import {
  ACCESS_KEY_ID,
  AMZ_DATE,
  CONTENT_TYPE,
  FIXED_SECRET,
  HEADERS,
  HOST,
  PATH,
  REGION,
  SERVICE,
  SIGNING_DATE,
  URL_STRING,
  type BenchRequest,
} from './benchRequest';

export interface Implementation {
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

export function ourSigner(
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
export function aws4fetchSigner(allHeaders: boolean): Implementation {
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
export function smithySigner(applyChecksum: boolean): Implementation {
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
