// Every official SigV4 test vector replayed byte for byte against the local API Gateway; the
// vector reading and mutating is in gatewayTestVectors.ts.
// The clients, the gateway harness, the identities, the signing and the answer checks are in
// gatewayTest*.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGatewayConfig } from './gatewayConfig';
import {
  expectGatewayError,
  expectSuccess,
  mismatchMessage,
  readMismatch,
} from './gatewayTestAnswers';
import { TestGateway } from './gatewayTestRunner';
import {
  VECTOR_TIME,
  VECTORS,
  contextOf,
  type Mode,
  type Outcome,
  outcomeOf,
  type RawRequest,
  readSignedRequest,
  vectorWire,
  differingLines,
  mutationsOf,
} from './gatewayTestVectors';

describe('the SigV4 test suite, replayed byte for byte (clock 2015-08-30T12:36:00Z)', () => {
  // One gateway per session token: the suite uses AKIDEXAMPLE throughout, with no token, with
  // 6e86291e… (get-vanilla-with-session-token) and with AQoDYXdz… (post-sts-*).
  const gateways = new Map<string, TestGateway>();
  const gatewayFor = (name: string) => gateways.get(contextOf(name).credentials.token ?? '')!;

  beforeAll(async () => {
    for (const name of VECTORS.keys()) {
      const { credentials } = contextOf(name);
      const token = credentials.token ?? '';
      if (gateways.has(token)) continue;
      const config = parseGatewayConfig({
        apiId: 'suite',
        region: 'us-east-1',
        account: '111122223333',
        stage: '',
        service: 'service',
        routes: [
          { method: 'ANY', path: '/{proxy+}', handler: 'echo' },
          { method: 'ANY', path: '/', handler: 'echo' },
        ],
        identities: [
          {
            name: 'suite',
            accessKeyId: credentials.access_key_id,
            secretAccessKey: credentials.secret_access_key,
            sessionToken: credentials.token ?? null,
            arn: 'arn:aws:iam::111122223333:user/suite',
            policy: [
              {
                Effect: 'Allow',
                Action: 'execute-api:Invoke',
                Resource: 'arn:aws:execute-api:us-east-1:111122223333:suite/*',
              },
            ],
          },
        ],
      });
      gateways.set(token, await TestGateway.start(config, () => VECTOR_TIME));
    }
  });
  afterAll(async () => {
    for (const gateway of gateways.values()) await gateway.close();
  });

  const table = [...VECTORS.keys()].flatMap((name) =>
    (['header', 'query'] as const)
      .filter((mode) => VECTORS.get(name)![`${mode}-signed-request.txt`] !== undefined)
      .map((mode) => ({ name, mode, outcome: outcomeOf(name, mode) })),
  );

  it('covers all 38 cases in both modes', () => {
    expect(VECTORS.size).toBe(38);
    expect(table).toHaveLength(76);
    // What the table below expects, in one place (also in the report).
    const byKind = (kind: Outcome['kind']) =>
      table.filter((row) => row.outcome.kind === kind).map((row) => `${row.name} [${row.mode}]`);
    expect(byKind('unparseable')).toHaveLength(10);
    expect(byKind('mismatch')).toEqual([
      'get-relative-relative-unnormalized [header]',
      'get-relative-relative-unnormalized [query]',
      'get-relative-unnormalized [header]',
      'get-relative-unnormalized [query]',
      'get-slash-dot-slash-unnormalized [header]',
      'get-slash-dot-slash-unnormalized [query]',
      'get-slash-pointless-dot-unnormalized [header]',
      'get-slash-pointless-dot-unnormalized [query]',
      'get-slash-unnormalized [header]',
      'get-slash-unnormalized [query]',
      'get-slashes-unnormalized [header]',
      'get-slashes-unnormalized [query]',
      'post-sts-header-after [query]',
    ]);
    expect(byKind('accepted')).toHaveLength(53);
  });

  describe.each(table)('$name [$mode]', ({ name, mode, outcome }) => {
    const files = VECTORS.get(name)!;
    const request = readSignedRequest(files[`${mode}-signed-request.txt`]!);

    if (outcome.kind === 'accepted') {
      it('is accepted, and the integration sees the request as sent', async () => {
        const reply = await gatewayFor(name).sendRaw(vectorWire(request));
        expectSuccess(reply);
        const echo = JSON.parse(reply.body) as {
          caller: string;
          method: string;
          target: string;
          bodyBase64: string;
        };
        expect(echo).toMatchObject({
          caller: 'arn:aws:iam::111122223333:user/suite',
          method: request.method,
          target: request.target,
        });
        expect(Buffer.from(echo.bodyBase64, 'base64').toString('utf8')).toBe(request.body);
      });

      for (const mutation of mutationsOf(request, mode)) {
        it(`rejects it with one byte changed: ${mutation.what}`, async () => {
          const reply = await gatewayFor(name).sendRaw(vectorWire(mutation.request));
          const { expected } = mutation;
          if (expected.kind === 'error') {
            expectGatewayError(reply, expected.type, expected.message);
            return;
          }
          const message = expectGatewayError(reply, 'InvalidSignatureException');
          const original = files[`${mode}-canonical-request.txt`]!;
          const { canonicalRequest } = readMismatch(message);
          expect(differingLines(original, canonicalRequest)).toEqual(expected.lines(original));
          expected.check?.(message);
        });
      }
    } else if (outcome.kind === 'mismatch') {
      it(`is rejected as AWS would (${outcome.reason}) with ${outcome.as}'s canonical request`, async () => {
        const reply = await gatewayFor(name).sendRaw(vectorWire(request));
        const twin = VECTORS.get(outcome.as)!;
        expect(twin['request.txt']).toBeDefined();
        expectGatewayError(
          reply,
          'InvalidSignatureException',
          mismatchMessage(
            twin[`${mode}-canonical-request.txt`]!,
            twin[`${mode}-string-to-sign.txt`]!,
          ),
        );
      });
    } else {
      it(`cannot be parsed by node's HTTP server: 400 (${outcome.reason})`, async () => {
        const reply = await gatewayFor(name).sendRaw(vectorWire(request));
        expect(reply.status).toBe(400);
        expect(reply.headers['x-amzn-errortype']).toBe('BadRequestException');
        expect(reply.headers['content-type']).toBe('application/json');
        expect(JSON.parse(reply.body)).toEqual({ message: 'Bad Request' });
      });
    }
  });

  describe('the unparseable cases in a form that can go on the wire', () => {
    const replay = (name: string, mode: Mode, change: (request: RawRequest) => RawRequest) =>
      gatewayFor(name).sendRaw(
        vectorWire(change(readSignedRequest(VECTORS.get(name)![`${mode}-signed-request.txt`]!))),
      );

    it.each(['header', 'query'] as const)(
      'get-header-value-multiline [%s]: unfolded to one line (RFC 9112 §5.2) it is accepted',
      async (mode) => {
        const unfold = (request: RawRequest): RawRequest => ({
          ...request,
          headerLines: request.headerLines.reduce<string[]>((lines, line) => {
            if (/^[ \t]/.test(line)) lines[lines.length - 1] += ` ${line.trim()}`;
            else lines.push(line);
            return lines;
          }, []),
        });
        expectSuccess(await replay('get-header-value-multiline', mode, unfold));
      },
    );

    it.each(['header', 'query'] as const)(
      'get-vanilla-utf8-query [%s]: with the query name percent-encoded it is accepted (the canonical query encodes anyway)',
      async (mode) => {
        const encode = (request: RawRequest): RawRequest => ({
          ...request,
          target: request.target.replace('ሴ', '%E1%88%B4'),
        });
        expectSuccess(await replay('get-vanilla-utf8-query', mode, encode));
      },
    );

    it.each([
      ['get-utf8', 'ሴ', '%E1%88%B4', '/%25E1%2588%25B4'],
      ['get-space-normalized', ' ', '%20', '/example%2520space/'],
    ])(
      '%s: with the path percent-encoded the signature no longer matches, since execute-api encodes the wire path once more',
      async (name, raw, encoded, canonicalUri) => {
        for (const mode of ['header', 'query'] as const) {
          const reply = await replay(name, mode, (request) => ({
            ...request,
            target: request.target.replace(raw, encoded),
          }));
          const message = expectGatewayError(reply, 'InvalidSignatureException');
          expect(readMismatch(message).canonicalRequest.split('\n')[1]).toBe(canonicalUri);
        }
      },
    );
  });
});
