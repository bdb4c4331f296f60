// The local API Gateway on 127.0.0.1 against a real client: curl's own SigV4 signer.
// The clients, the gateway harness, the identities, the signing and the answer checks are in
// gatewayTest*.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayIdentity } from './gatewayConfig';
import { expectGatewayError, expectSuccess, helloBody, readMismatch } from './gatewayTestAnswers';
import { DEFAULT_CONFIG, DEMO, TEMP, TEMP_TOKEN } from './gatewayTestFixtures';
import { TestGateway } from './gatewayTestRunner';

describe('a real client: curl --aws-sigv4', () => {
  // curl signs with the machine's clock, so this gateway reads real time.
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.start(DEFAULT_CONFIG, Date.now);
  });
  afterAll(() => gateway.close());

  const curlAs = (who: GatewayIdentity, secret = who.secretAccessKey) => [
    '--aws-sigv4',
    'aws:amz:ca-central-1:execute-api',
    '--user',
    `${who.accessKeyId}:${secret}`,
  ];

  it("answers demo's POST /prod/hello with the Lambda's JSON string", async () => {
    const reply = await gateway.curl([
      ...curlAs(DEMO),
      '--data',
      '{"hello":"world"}',
      `${gateway.url}/prod/hello`,
    ]);
    expectSuccess(
      reply,
      '"arn:aws:iam::850047500507:user/demo sent a POST with body: {\\"hello\\":\\"world\\"}"',
    );
    expect(JSON.parse(reply.body)).toBe(
      'arn:aws:iam::850047500507:user/demo sent a POST with body: {"hello":"world"}',
    );
  });

  it("denies demo's GET (its policy allows POST only), naming the resource ARN", async () => {
    const reply = await gateway.curl([...curlAs(DEMO), `${gateway.url}/prod/hello`]);
    expectGatewayError(
      reply,
      'AccessDeniedException',
      'User: arn:aws:iam::850047500507:user/demo is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/prod/GET/hello',
    );
  });

  it('rejects a wrong secret with the canonical request it expected', async () => {
    const reply = await gateway.curl([
      ...curlAs(DEMO, 'not-the-secret'),
      '--data',
      '{"hello":"world"}',
      `${gateway.url}/prod/hello`,
    ]);
    const message = expectGatewayError(reply, 'InvalidSignatureException');
    expect(message).toContain('The Canonical String for this request should have been');
    const { canonicalRequest } = readMismatch(message);
    expect(canonicalRequest.split('\n').slice(0, 3)).toEqual(['POST', '/prod/hello', '']);
  });

  it('accepts the temporary identity with its session token', async () => {
    const reply = await gateway.curl([
      ...curlAs(TEMP),
      '--header',
      `x-amz-security-token: ${TEMP_TOKEN}`,
      `${gateway.url}/prod/hello`,
    ]);
    expectSuccess(reply, helloBody(TEMP.arn, 'GET'));
  });
});
