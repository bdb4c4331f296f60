// The gateway holds real keys and shares a process with the page server and the relay, so
// nothing a client sends may freeze it, widen what a policy allows, or make it take in more than
// its limits. Every case here goes over a real socket, as a browser page or a curl would send it.
// The answers are API Gateway's (docs/api-gateway-iam-errors.md); where its text is unknown,
// server/README.md ("Security") says which one the gateway gives instead.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayConfig, GatewayIdentity } from './gatewayConfig';
import { MAX_BODY_BYTES } from './gatewayServer';
import { expectGatewayError, expectSuccess, helloBody, readMismatch } from './gatewayTestAnswers';
import { ANSWER_TIMEOUT_MS, readResponse, wireBytes, type WireReply } from './gatewayTestClients';
import { ADMIN, DEFAULT_CONFIG, DEMO, keysOf, NOW } from './gatewayTestFixtures';
import { TestGateway } from './gatewayTestRunner';
import { headerOf, sign, withHeader } from './gatewayTestSigning';

const API = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg';
const ADMIN_ARN = ADMIN.arn;

const custom = (changes: (config: GatewayConfig) => void) => {
  const config = structuredClone(DEFAULT_CONFIG);
  changes(config);
  return config;
};

const caseSeven = (regionSet: string) =>
  `Credential should be scoped to a valid region, not '${regionSet}'. `;

// ---------------------------------------------------------------------------------------------
// 1. Nothing a client sends makes the gateway backtrack
// ---------------------------------------------------------------------------------------------

describe('X-Amz-Region-Set is matched in linear time, before any key or signature check', () => {
  // Each '*' used to become '.*' of a regular expression: 20 of them took seconds against
  // 'ca-central-1', each one more ×1.6. The gateway runs in a child process here, so that the
  // old behaviour fails the test (no answer in time) instead of freezing the test run itself.
  const ADVERSARIAL = [
    `${'*'.repeat(40)}x`,
    `${'*a'.repeat(30)}*x`,
    `${'*-'.repeat(30)}*x`,
    `us-east-1,${'*'.repeat(4000)}x`,
  ];
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.startInChild(DEFAULT_CONFIG, NOW);
  });
  afterAll(() => gateway.close());

  it.each(ADVERSARIAL.map((set) => [set.length, set]))(
    'header mode, a %i-character set: case 7 naming the set',
    async (_, regionSet) => {
      const signed = await sign(gateway, { method: 'GET', algorithm: 'sigv4a' });
      const request = withHeader(signed, 'X-Amz-Region-Set', regionSet);
      expectGatewayError(
        await gateway.sendRaw(wireBytes(request)),
        'InvalidSignatureException',
        caseSeven(regionSet),
      );
    },
  );

  it.each(ADVERSARIAL.map((set) => [set.length, set]))(
    'a presigned URL (what an <img src> sends), a %i-character set: case 7 naming the set',
    async (_, regionSet) => {
      const signed = await sign(gateway, { method: 'GET', algorithm: 'sigv4a', mode: 'query' });
      const target = signed.target.replace(
        'X-Amz-Region-Set=ca-central-1',
        `X-Amz-Region-Set=${encodeURIComponent(regionSet)}`,
      );
      expect(target).not.toBe(signed.target);
      expectGatewayError(
        await gateway.sendRaw(wireBytes({ ...signed, target })),
        'InvalidSignatureException',
        caseSeven(regionSet),
      );
    },
  );

  it('refuses a set over the bounds (4096 characters, 128 entries) without looking at it', async () => {
    for (const regionSet of [`ca-central-1,${'x'.repeat(4096)}`, `${'a,'.repeat(200)}*`]) {
      const signed = await sign(gateway, { method: 'GET', algorithm: 'sigv4a' });
      expectGatewayError(
        await gateway.sendRaw(wireBytes(withHeader(signed, 'X-Amz-Region-Set', regionSet))),
        'InvalidSignatureException',
        caseSeven(regionSet),
      );
    }
  });

  it("answers a 100,000-character set with node's 400: the head is over 16 KiB", async () => {
    const signed = await sign(gateway, { method: 'GET', algorithm: 'sigv4a' });
    const request = withHeader(signed, 'X-Amz-Region-Set', `${'*'.repeat(100_000)}x`);
    const reply = await gateway.sendRaw(wireBytes(request));
    expect(reply.status).toBe(400);
    expect(reply.headers['x-amzn-errortype']).toBe('BadRequestException');
  });

  it('still answers signed requests afterwards', async () => {
    for (const regionSet of [['ca-*'], ['*'], ['us-east-1', 'ca-central-1']]) {
      const request = await sign(gateway, {
        method: 'GET',
        credentials: keysOf(ADMIN),
        algorithm: 'sigv4a',
        regionSet,
      });
      expectSuccess(await gateway.sendRaw(wireBytes(request)), helloBody(ADMIN_ARN, 'GET'));
    }
  });
});

describe('policy wildcards are matched without regular expressions', () => {
  // Policies are configuration, but the resource ARN they are matched against carries the
  // request's path: a pattern with many stars against a long path used to backtrack for ever.
  let gateway: TestGateway;
  beforeAll(async () => {
    const config = custom((config) => {
      config.routes.push({ method: 'ANY', path: '/{proxy+}', handler: 'echo' });
      const admin = config.identities.find((entry) => entry.name === 'admin')!;
      admin.policy.push({
        Effect: 'Deny',
        Action: 'execute-api:Invoke',
        Resource: `${API}/*/GET/${'*a'.repeat(30)}*b`,
      });
    });
    gateway = await TestGateway.startInChild(config, NOW);
  });
  afterAll(() => gateway.close());

  it('decides on a 300-character path at once (the Deny needs a final b: allowed)', async () => {
    const target = `/prod/${'a'.repeat(300)}`;
    const request = await sign(gateway, { method: 'GET', target, credentials: keysOf(ADMIN) });
    const reply = await gateway.sendRaw(wireBytes(request));
    expect(reply.status, reply.body).toBe(200);
    expect(reply.log).toEqual([`GET ${target} ${ADMIN_ARN} 200 -`]);
  });

  it('and still denies what the pattern names', async () => {
    const target = `/prod/${'a'.repeat(300)}b`;
    const request = await sign(gateway, { method: 'GET', target, credentials: keysOf(ADMIN) });
    expectGatewayError(
      await gateway.sendRaw(wireBytes(request)),
      'AccessDeniedException',
      `User: ${ADMIN_ARN} is not authorized to perform: execute-api:Invoke on resource: ${API}/prod/GET/${'a'.repeat(300)}b with an explicit deny`,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 3. One path for the route, the resource ARN and the log
// ---------------------------------------------------------------------------------------------

describe('the policy sees the path that was routed', () => {
  const reader: GatewayIdentity = {
    name: 'reader',
    accessKeyId: 'AKIAREADEREXAMPLE',
    secretAccessKey: 'readerSecretKeyEXAMPLEEXAMPLEEXAMPLE0000',
    arn: 'arn:aws:iam::850047500507:user/reader',
    policy: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `${API}/*/GET/public/*` }],
  };
  const readerKeys = { accessKeyId: reader.accessKeyId, secretAccessKey: reader.secretAccessKey };
  let gateway: TestGateway;
  beforeAll(async () => {
    const config = custom((config) => {
      config.routes.push(
        { method: 'GET', path: '/items/{id}', handler: 'echo' },
        { method: 'ANY', path: '/{proxy+}', handler: 'echo' },
      );
      const admin = config.identities.find((entry) => entry.name === 'admin')!;
      admin.policy.push({
        Effect: 'Deny',
        Action: 'execute-api:Invoke',
        Resource: `${API}/*/GET/items/secret`,
      });
      config.identities.push(reader);
    });
    gateway = await TestGateway.start(config, () => NOW);
  });
  afterAll(() => gateway.close());

  const denied = (arn: string, explicit: boolean, caller = ADMIN_ARN) =>
    `User: ${caller} is not authorized to perform: execute-api:Invoke on resource: ${arn}${explicit ? ' with an explicit deny' : ''}`;

  it.each([
    '/prod/items/secret',
    '/prod/items/%73ecret',
    '/prod/items/%73%65%63%72%65%74',
    '/prod/%69tems/secret',
    '/prod/items/./secret',
    '/prod/items/%2e/secret',
    '/prod/items/x/../secret',
    '/prod/items/x/%2e%2e/secret',
    '/prod/items/x/%2E%2E/secret',
    '/prod/items/x/.%2e/secret',
    '/prod/items//secret',
    '/prod//items/secret',
    '/prod/items/secret/',
    '/prod/./items/secret',
    '/dev/../prod/items/secret',
    '/%70rod/items/secret',
  ])('an explicit Deny on GET/items/secret holds for %s', async (target) => {
    const request = await sign(gateway, { method: 'GET', target, credentials: keysOf(ADMIN) });
    expect(request.target).toBe(target);
    const reply = await gateway.sendRaw(wireBytes(request));
    expectGatewayError(
      reply,
      'AccessDeniedException',
      denied(`${API}/prod/GET/items/secret`, true),
    );
    expect(reply.log).toEqual([`GET /prod/items/secret ${ADMIN_ARN} 403 AccessDeniedException`]);
  });

  it.each([
    // Another letter case is another resource (paths are case-sensitive): it is routed to
    // {proxy+} and its ARN names it as such.
    ['/prod/items/SECRET', '/prod/items/SECRET'],
    ['/prod/Items/secret', '/prod/Items/secret'],
    // An encoded '/' is part of its segment, not a separator: one segment, routed to {proxy+}.
    ['/prod/items%2Fsecret', '/prod/items%2Fsecret'],
  ])('%s is another resource, logged and authorized as %s', async (target, path) => {
    const request = await sign(gateway, { method: 'GET', target, credentials: keysOf(ADMIN) });
    const reply = await gateway.sendRaw(wireBytes(request));
    expect(reply.status, reply.body).toBe(200);
    expect(reply.log).toEqual([`GET ${path} ${ADMIN_ARN} 200 -`]);
  });

  it('an Allow on GET/public/* lets the reader read under /public', async () => {
    const request = await sign(gateway, {
      method: 'GET',
      target: '/prod/public/data',
      credentials: readerKeys,
    });
    expect((await gateway.sendRaw(wireBytes(request))).status).toBe(200);
  });

  it.each([
    ['/prod/public/../private/data', '/prod/private/data'],
    ['/prod/public/%2e%2e/private/data', '/prod/private/data'],
    ['/prod/public/%2E%2E/private/data', '/prod/private/data'],
    ['/prod/public/./../private/data', '/prod/private/data'],
    ['/prod/public/x/../../private/data', '/prod/private/data'],
    ['/prod/public//../private/data', '/prod/private/data'],
    ['/prod/%70ublic/../private/data', '/prod/private/data'],
    // One segment 'public/../private' (the slashes are encoded): not under /public/.
    ['/prod/public%2F..%2Fprivate', '/prod/public%2F..%2Fprivate'],
    ['/prod/public%2f%2e%2e%2fprivate', '/prod/public%2F..%2Fprivate'],
    ['/prod/PUBLIC/data', '/prod/PUBLIC/data'],
  ])('an Allow on GET/public/* does not reach %s (resource %s)', async (target, path) => {
    const request = await sign(gateway, { method: 'GET', target, credentials: readerKeys });
    expect(request.target).toBe(target);
    const reply = await gateway.sendRaw(wireBytes(request));
    expectGatewayError(
      reply,
      'AccessDeniedException',
      denied(`${API}/prod/GET${path.slice('/prod'.length)}`, false, reader.arn),
    );
    expect(reply.log).toEqual([`GET ${path} ${reader.arn} 403 AccessDeniedException`]);
  });

  it('logs a decoded line break or space escaped, on the one line of its request', async () => {
    const target = '/prod/public/a%0AGET%20/prod/hello%20-%20200%20-%0D';
    const request = await sign(gateway, { method: 'GET', target, credentials: readerKeys });
    const reply = await gateway.sendRaw(wireBytes(request));
    expect(reply.status).toBe(200);
    expect(reply.log).toEqual([
      `GET /prod/public/a%0AGET%20/prod/hello%20-%20200%20-%0D ${reader.arn} 200 -`,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Bodies: never more than the limit taken in; a client that leaves is an abort
// ---------------------------------------------------------------------------------------------

interface HeldConnection {
  /** Everything the gateway sent until it closed the connection. */
  reply: WireReply;
  /** The raw bytes, for interim (1xx) answers. */
  raw: string;
}

/**
 * Writes bytes and keeps the connection open (no end): resolves when the gateway closes it.
 * A gateway that waits for more instead fails the test after ANSWER_TIMEOUT_MS.
 */
function sendAndHold(port: number, chunks: Buffer[]): Promise<HeldConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`The gateway neither answered nor closed within ${ANSWER_TIMEOUT_MS} ms`));
    }, ANSWER_TIMEOUT_MS);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    // Writes cut short by the close are expected: the gateway stops reading at the limit.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(received);
      const text = all.toString('latin1');
      const finalAt = text.startsWith('HTTP/1.1 100') ? text.indexOf('\r\n\r\n') + 4 : 0;
      try {
        resolve({ reply: readResponse(all.subarray(finalAt)), raw: text });
      } catch (error) {
        reject(error as Error);
      }
    });
    for (const chunk of chunks) socket.write(chunk);
  });
}

const MiB = 1024 * 1024;

describe('request bodies over the 10 MB limit', () => {
  let gateway: TestGateway;
  let host: string;
  beforeAll(async () => {
    gateway = await TestGateway.start(DEFAULT_CONFIG, () => NOW);
    host = new URL(gateway.url).host;
  });
  afterAll(() => gateway.close());

  const head = (target: string, headers: string[]) =>
    Buffer.from([`POST ${target} HTTP/1.1`, `Host: ${host}`, ...headers, '', ''].join('\r\n'));

  const expectTooLong = (held: HeldConnection) => {
    expect(held.reply.status, held.raw.slice(0, 200)).toBe(413);
    expect(held.reply.headers['x-amzn-errortype']).toBe('RequestTooLongException');
    expect(JSON.parse(held.reply.body)).toEqual({ message: 'Request Too Long' });
  };

  it('a Content-Length over the limit: 413 and the connection closed, before any body byte is read', async () => {
    const before = gateway.lines.length;
    const held = await sendAndHold(gateway.port, [
      head('/prod/hello', [`Content-Length: ${20 * MiB}`]),
      Buffer.alloc(1024, 'a'),
    ]);
    expectTooLong(held);
    expect(gateway.lines.slice(before)).toEqual(['POST /prod/hello - 413 RequestTooLongException']);
  });

  it('a chunked body that grows past the limit: 413 and the connection closed at the limit', async () => {
    const chunk = Buffer.concat([
      Buffer.from(`${MiB.toString(16)}\r\n`),
      Buffer.alloc(MiB, 'a'),
      Buffer.from('\r\n'),
    ]);
    // 11 MiB and no final chunk: the gateway must stop at 10 MiB, not wait for the end.
    const held = await sendAndHold(gateway.port, [
      head('/prod/hello', ['Transfer-Encoding: chunked']),
      ...Array.from({ length: 11 }, () => chunk),
    ]);
    expectTooLong(held);
  });

  it('Expect: 100-continue with a Content-Length over the limit: 413 at once, never a 100', async () => {
    const held = await sendAndHold(gateway.port, [
      head('/prod/hello', [`Content-Length: ${MAX_BODY_BYTES + 1}`, 'Expect: 100-continue']),
    ]);
    expect(held.raw.startsWith('HTTP/1.1 100')).toBe(false);
    expectTooLong(held);
  });

  it('no such route, with a Content-Length over the limit: case 1, and the body is not read', async () => {
    const held = await sendAndHold(gateway.port, [
      head('/prod/nope', [`Content-Length: ${20 * MiB}`]),
      Buffer.alloc(1024, 'a'),
    ]);
    expect(held.reply.status).toBe(403);
    expect(held.reply.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });

  it('still takes a signed body of exactly the limit', async () => {
    const body = Buffer.alloc(MAX_BODY_BYTES, 'a');
    const request = await sign(gateway, { body, credentials: keysOf(ADMIN) });
    const reply = await gateway.sendRaw(wireBytes(request));
    expect(reply.status, reply.body.slice(0, 200)).toBe(200);
  });

  it('logs a client that leaves mid-body as an abort, not as a 500', async () => {
    const before = gateway.lines.length;
    await new Promise<void>((resolve, reject) => {
      const socket = connect(gateway.port, '127.0.0.1', () => {
        socket.write(head('/prod/hello', ['Content-Length: 1000']));
        socket.write('only ten b', () => socket.destroy());
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    await gateway.waitForLines(before + 1);
    expect(gateway.lines.slice(before)).toEqual(['POST /prod/hello - - aborted']);
  });

  it('answers a body that breaks HTTP midway with one 400 line, not also an abort', async () => {
    const before = gateway.lines.length;
    const reply = await gateway.sendRaw(
      Buffer.concat([
        head('/prod/hello', ['Transfer-Encoding: chunked']),
        Buffer.from('5\r\nhello\r\nzz\r\n'),
      ]),
    );
    expect(reply.status).toBe(400);
    expect(reply.headers['x-amzn-errortype']).toBe('BadRequestException');
    // A request after it, so that any line the broken one still had coming is in by then.
    expectSuccess(
      await gateway.sendRaw(wireBytes(await sign(gateway, { body: '{}' }))),
      helloBody(DEMO.arn, 'POST', '{}'),
    );
    expect(gateway.lines.slice(before)).toEqual([
      '- - - 400 BadRequestException HPE_INVALID_CHUNK_SIZE',
      `POST /prod/hello ${DEMO.arn} 200 -`,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// 5. Where the gateway used to be looser than API Gateway
// ---------------------------------------------------------------------------------------------

describe('fidelity', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    const config = custom((config) => {
      config.routes.push({ method: 'DELETE', path: '/items/{id}', handler: 'echo' });
    });
    gateway = await TestGateway.start(config, () => NOW);
  });
  afterAll(() => gateway.close());

  it('refuses two Authorization headers instead of reading the first one', async () => {
    const signed = await sign(gateway, { body: '{}' });
    for (const headers of [
      [...signed.headers, ['Authorization', 'AWS4-HMAC-SHA256 Credential=x']],
      [['Authorization', 'Bearer abc'], ...signed.headers],
      [...signed.headers, ['authorization', headerOf(signed, 'authorization')!]],
    ] as Array<Array<[string, string]>>) {
      expectGatewayError(
        await gateway.sendRaw(wireBytes({ ...signed, headers })),
        'IncompleteSignatureException',
        'Authorization header must appear once, got 2 Authorization headers.',
      );
    }
  });

  it.each([
    '2026',
    '2026-01-15',
    'Jan 15 2026',
    '2026-01-15T10:20:30Z',
    'Thu, 15 Jan 2026 10:20:30 +0000',
    'Thu, 15 Jan 26 10:20:30 GMT',
    'Mon, 30 Feb 2026 10:20:30 GMT',
  ])('reads a Date header of %j as no date (case 10)', async (date) => {
    const signed = await sign(gateway, { body: '{}' });
    const request = withHeader(withHeader(signed, 'X-Amz-Date', null), 'Date', date);
    expectGatewayError(
      await gateway.sendRaw(wireBytes(request)),
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${date}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  });

  it('reads an IMF-fixdate Date header as the instant it names', async () => {
    const signed = await sign(gateway, { body: '{}' });
    const authorization = headerOf(signed, 'authorization')!;
    const list = /SignedHeaders=([^,]+)/.exec(authorization)![1]!;
    const withDate = list.replace('x-amz-date', 'date').split(';').sort().join(';');
    const request = withHeader(
      withHeader(
        withHeader(signed, 'X-Amz-Date', null),
        'Authorization',
        authorization.replace(list, withDate),
      ),
      'Date',
      'Thu, 15 Jan 2026 10:20:30 GMT',
    );
    // Signed over X-Amz-Date, not Date: a mismatch, but one that shows the instant was read.
    const message = expectGatewayError(
      await gateway.sendRaw(wireBytes(request)),
      'InvalidSignatureException',
    );
    const { canonicalRequest, stringToSign } = readMismatch(message);
    expect(stringToSign.split('\n')[1]).toBe('20260115T102030Z');
    expect(canonicalRequest).toContain('\ndate:Thu, 15 Jan 2026 10:20:30 GMT\n');
  });

  it('hashes SignedHeaders as written: upper case, unsorted or repeated names fail', async () => {
    const signed = await sign(gateway, { body: '{}' });
    const authorization = headerOf(signed, 'authorization')!;
    const list = /SignedHeaders=([^,]+)/.exec(authorization)![1]!;
    const names = list.split(';');
    expect(names.length).toBeGreaterThan(1);
    for (const written of [
      list.toUpperCase(),
      names.map((name, i) => (i === 0 ? name.toUpperCase() : name)).join(';'),
      [...names].reverse().join(';'),
      [names[0], ...names].join(';'),
      `${list};${names[names.length - 1]}`,
    ]) {
      const request = withHeader(
        signed,
        'Authorization',
        authorization.replace(`SignedHeaders=${list}`, `SignedHeaders=${written}`),
      );
      const message = expectGatewayError(
        await gateway.sendRaw(wireBytes(request)),
        'InvalidSignatureException',
      );
      const lines = readMismatch(message).canonicalRequest.split('\n');
      expect(lines[lines.length - 2], written).toBe(written);
    }
  });

  it('answers a preflight with its configured headers and the resource’s methods only', async () => {
    const reply = await gateway.send({
      method: 'OPTIONS',
      target: '/prod/hello',
      headers: [
        ['host', new URL(gateway.url).host],
        ['Origin', 'http://localhost:5173'],
        ['Access-Control-Request-Method', 'POST'],
        ['Access-Control-Request-Headers', 'content-type,x-amz-date,x-evil-header'],
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['access-control-allow-headers']).toBe(
      DEFAULT_CONFIG.cors.allowHeaders.join(','),
    );
    expect(reply.headers['access-control-allow-headers']).not.toMatch(/x-evil-header/i);
    expect(reply.headers['access-control-allow-methods']).toBe('POST,GET,OPTIONS');
  });

  it('still accepts what it accepted', async () => {
    expectSuccess(
      await gateway.sendRaw(wireBytes(await sign(gateway, { body: '{}' }))),
      helloBody(DEMO.arn, 'POST', '{}'),
    );
  });
});
