// Runs the text the page hands out against a local API Gateway whose /echo route reflects what
// arrived: each curl command goes through real bash and real curl, the raw HTTP over a socket,
// and the gateway checks the signature. Every case here once broke a signature or would have.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../server/gateway/gatewayConfig';
import { startGateway, type RunningServer } from '../../server/gateway/gatewayServer';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { checkSignature } from '../diagnosis/checkSignature';
import { LOCAL_IDENTITIES } from '../request/defaults';
import { createSigner, type SigningInput } from '../signing';
import { buildExports } from './exports';
import { toCurl, toHttpText, type CurlOptions, type RequestToRender } from './requestText';

interface Echo {
  status: number;
  /** What the echo route saw; undefined when the gateway refused the request. */
  seen?: { method: string; target: string; headers: Array<[string, string]>; body: Buffer };
  output: string;
}

let gateway: RunningServer;
let workDir: string;
beforeAll(async () => {
  const config = loadGatewayConfig();
  config.routes = [...config.routes, { method: 'ANY', path: '/echo', handler: 'echo' }];
  gateway = await startGateway({ config, port: 0, log: () => {} });
  workDir = mkdtempSync(join(tmpdir(), 'request-text-'));
});
afterAll(async () => {
  await gateway.close();
  rmSync(workDir, { recursive: true, force: true });
});

const temp = LOCAL_IDENTITIES.find((entry) => entry.name === 'temp')!;

async function sign(overrides: Partial<SigningInput>) {
  const input: SigningInput = {
    method: 'POST',
    url: `${gateway.url}/prod/echo`,
    headers: [],
    credentials: {
      accessKeyId: temp.accessKeyId,
      secretAccessKey: temp.secretAccessKey,
      sessionToken: temp.sessionToken!,
    },
    region: 'ca-central-1',
    service: 'execute-api',
    signingDate: new Date(),
    ...overrides,
  };
  const signed = await createSigner({ crypto: nodeSigningCrypto }).signRequest(input);
  const request: RequestToRender = {
    method: input.method,
    url: signed.url,
    headers: signed.headers,
    body: input.body,
  };
  return { input, signed, request };
}

/** The echo route's answer; `seen` is left out for any other answer (a refusal, a HEAD). */
function readEcho(status: number, body: string, output: string): Echo {
  let echoed: {
    method: string;
    target: string;
    headers: Array<[string, string]>;
    bodyBase64: string;
  };
  try {
    echoed = JSON.parse(body) as typeof echoed;
  } catch {
    return { status, output };
  }
  if (status !== 200 || typeof echoed?.bodyBase64 !== 'string') return { status, output };
  return { status, output, seen: { ...echoed, body: Buffer.from(echoed.bodyBase64, 'base64') } };
}

let scripts = 0;

/**
 * Runs a command as a bash script, as if pasted into a terminal (a script has no length limit
 * where one argument has); curl prints the answer, then its status on a line of its own.
 */
function runCurl(command: string): Promise<Echo> {
  const script = join(workDir, `command-${++scripts}.sh`);
  writeFileSync(
    script,
    // The command's curl, not the word in a comment line before it.
    command.replace(/^((?:[^#\n].*)?)\bcurl /m, "$1curl -s -S --max-time 10 -w '\\n%{http_code}' "),
  );
  return new Promise((resolve) => {
    execFile(
      'bash',
      [script],
      { cwd: workDir, timeout: 20_000, maxBuffer: 64 * 1024 * 1024 },
      (_error, stdout, stderr) => {
        const statusAt = stdout.lastIndexOf('\n');
        const status = Number(stdout.slice(statusAt + 1));
        const shown = command.length > 2000 ? `${command.slice(0, 2000)}…` : command;
        resolve(readEcho(status, stdout.slice(0, statusAt), `${shown}\n${stdout}${stderr}`));
      },
    );
  });
}

/** Sends HTTP text over a socket, with the CRLF line ends HTTP/1.1 wants in the head. */
function sendHttpText(text: string): Promise<Echo> {
  const blank = text.indexOf('\n\n');
  const head = text.slice(0, blank).replace(/\n/g, '\r\n');
  const wire = Buffer.from(`${head}\r\nConnection: close\r\n\r\n${text.slice(blank + 2)}`);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(gateway.url).port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const answer = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
      resolve(readEcho(status, body, `${text}\n---\n${answer}`));
    });
    socket.end(wire);
  });
}

/** Signs, renders as curl (Copy as curl), runs it, and expects the gateway to take it. */
async function roundTrip(overrides: Partial<SigningInput>, options: CurlOptions = {}) {
  const { request } = await sign(overrides);
  const echo = await runCurl(toCurl(request, options));
  expect(echo.status, echo.output).toBe(200);
  return echo.seen!;
}

/** A header's value as the gateway saw it, by name in any case. */
const seenHeader = (seen: NonNullable<Echo['seen']>, name: string) =>
  seen.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

const bodyOf = (body: SigningInput['body']) =>
  typeof body === 'string' ? Buffer.from(body) : Buffer.from(body as Uint8Array);

describe('the bugs of issue 12, run', () => {
  it("Copy as curl sends a body starting with '@' as it is, not the file it names", async () => {
    writeFileSync(join(workDir, 'named.txt'), 'the file, not the body');
    const seen = await roundTrip({ body: '@named.txt' });
    expect(seen.body.toString()).toBe('@named.txt');
  });

  it('the signed curl export sends a header with an empty value, which is signed', async () => {
    const { input, signed } = await sign({ headers: [['X-Empty', '']], body: '{}' });
    expect(signed.signedHeaders).toContain('x-empty');
    const curl = buildExports({ signed, input, signedAt: input.signingDate, inlineSecret: true });
    const echo = await runCurl(curl[0]!.code);
    expect(echo.status, echo.output).toBe(200);
    expect(seenHeader(echo.seen!, 'x-empty')).toBe('');
  });

  it('Check a signature accepts the signed curl export as it is, comment line and all', async () => {
    const { input, signed } = await sign({ body: '{"a":1}' });
    const code = buildExports({
      signed,
      input,
      signedAt: input.signingDate,
      inlineSecret: true,
    })[0]!.code;
    expect(code.startsWith('# Signed ')).toBe(true);
    const check = await checkSignature(code, temp.secretAccessKey, {
      now: input.signingDate,
      crypto: nodeSigningCrypto,
    });
    expect(check.findings[0]?.message).toMatch(/^The signature matches/);
    expect(check.valid).toBe(true);
    expect((await runCurl(code)).status).toBe(200);
  });
});

describe('curl commands carry every value as signed', () => {
  it("header values with quotes, $, backticks, '!', backslashes and non-ASCII", async () => {
    const headers: Array<[string, string]> = [
      ['X-Quote', `it's "quoted"`],
      ['X-Shell', '$HOME `id` $(id) !! \\n'],
      ['X-Accents', 'café ünïcode'],
    ];
    const seen = await roundTrip({ headers, body: 'x' });
    // The gateway reads header bytes as Latin-1, as Node does: é arrives as one byte, as sent.
    for (const [name, value] of headers) expect(seenHeader(seen, name)).toBe(value);
  });

  it('a text body with line breaks, a carriage return, tabs, quotes, $ and non-ASCII', async () => {
    const body = 'line 1\nline 2\r\n\ttab \'quote\' "dq" $HOME `id` ! é 😀\n\n';
    const seen = await roundTrip({ body });
    expect(seen.body.toString()).toBe(body);
  });

  it('a text body holding NUL, which no shell argument can carry', async () => {
    const body = 'before\u0000after';
    expect((await roundTrip({ body })).body.toString()).toBe(body);
  });

  it('bytes that are not UTF-8, inline (Export) and read from their file (Copy as curl)', async () => {
    const bytes = new Uint8Array([0xff, 0x00, 0xfe, 0x0a, 0x80, 0x40]);
    expect((await roundTrip({ body: bytes })).body).toEqual(bodyOf(bytes));
    writeFileSync(join(workDir, 'body file.bin'), bytes);
    const fromFile = await roundTrip({ body: bytes }, { bodyFileName: 'body file.bin' });
    expect(fromFile.body).toEqual(bodyOf(bytes));
  });

  it('a body too long for one argument, and large enough for curl to add Expect: 100-continue', async () => {
    const body = `{"data":"${'é'.repeat(800_000)}"}`;
    const seen = await roundTrip({ body, headers: [['Content-Type', 'application/json']] });
    expect(seen.body.toString()).toBe(body);
    // curl's Expect header is not signed, so it does not matter to the signature.
    expect(seenHeader(seen, 'expect')).toBe('100-continue');
  });

  it('no Content-Type is added when the request has none', async () => {
    const seen = await roundTrip({ body: 'a=1' });
    expect(seenHeader(seen, 'content-type')).toBeUndefined();
  });

  it('signed Content-Length and Transfer-Encoding: curl sends them as given', async () => {
    const body = 'sized';
    const sized = await roundTrip({ body, headers: [['Content-Length', '5']] });
    expect(seenHeader(sized, 'content-length')).toBe('5');
    const chunked = await roundTrip({ body, headers: [['Transfer-Encoding', 'chunked']] });
    expect(chunked.body.toString()).toBe(body);
    expect(seenHeader(chunked, 'transfer-encoding')).toBe('chunked');
  });

  it('HEAD, and GET without a body', async () => {
    const head = await sign({ method: 'HEAD' });
    const headEcho = await runCurl(toCurl(head.request));
    expect(headEcho.status, headEcho.output).toBe(200);
    expect((await roundTrip({ method: 'GET' })).method).toBe('GET');
  });
});

describe('curl commands keep the URL as signed', () => {
  it('dot segments (curl removes them without --path-as-is)', async () => {
    for (const path of ['/prod/x/../echo', '/prod/./echo'])
      expect((await roundTrip({ url: `${gateway.url}${path}` })).target).toBe(path);
  });

  it('[] and {} in the query (curl reads them as globs without -g)', async () => {
    const seen = await roundTrip({ url: `${gateway.url}/prod/echo?a=[1]&b={x,y}` });
    expect(seen.target).toBe('/prod/echo?a=[1]&b={x,y}');
  });

  it('a query with spaces and non-ASCII (curl refuses the one, re-encodes the other)', async () => {
    const seen = await roundTrip({ url: `${gateway.url}/prod/echo?q=a b&r=é` });
    expect(seen.target).toBe('/prod/echo?q=a%20b&r=%C3%A9');
  });

  it('a presigned URL', async () => {
    const seen = await roundTrip({ method: 'GET', mode: 'query', expiresIn: 60 });
    expect(seen.target).toMatch(/X-Amz-Signature=/);
  });
});

describe('the raw HTTP export, sent over a socket', () => {
  it('is accepted as it is, with its Content-Length', async () => {
    const body = 'line 1\né\n';
    const { input, signed } = await sign({ body, headers: [['X-Empty', '']] });
    const exported = buildExports({
      signed,
      input,
      signedAt: input.signingDate,
      inlineSecret: true,
    });
    const echo = await sendHttpText(exported.find(({ id }) => id === 'http')!.code);
    expect(echo.status, echo.output).toBe(200);
    expect(echo.seen!.body.toString()).toBe(body);
  });

  it('the wire form of Copy as text is too', async () => {
    const { request } = await sign({ url: `${gateway.url}/prod/x/../echo?a=[1]`, body: '{}' });
    const echo = await sendHttpText(toHttpText(request, { form: 'wire' }));
    expect(echo.status, echo.output).toBe(200);
  });
});

describe('curl --aws-sigv4, signing by itself', () => {
  const sigv4Curl = async (overrides: Partial<SigningInput>) => {
    const { input, signed } = await sign(overrides);
    return buildExports({ signed, input, signedAt: input.signingDate, inlineSecret: true }).find(
      ({ id }) => id === 'curl-sigv4',
    )!;
  };

  it('a body without Content-Type: curl signs the form type it sends', async () => {
    const echo = await runCurl((await sigv4Curl({ body: '@x' })).code);
    expect(echo.status, echo.output).toBe(200);
    expect(echo.seen!.body.toString()).toBe('@x');
  });

  it('a header sent empty is left out, and the note says so', async () => {
    const exported = await sigv4Curl({ headers: [['X-Empty', '']], method: 'GET' });
    expect(exported.note).toContain('Left out: X-Empty');
    const echo = await runCurl(exported.code);
    expect(echo.status, echo.output).toBe(200);
  });

  it('HEAD', async () => {
    const echo = await runCurl((await sigv4Curl({ method: 'HEAD' })).code);
    expect(echo.status, echo.output).toBe(200);
  });
});
