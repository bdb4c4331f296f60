// The Node side of oracle.py: one Python process per test file, fed batches of cases as JSON lines
// (not a process per case). It runs on Debian's /usr/bin/python3, whose python3-awscrt,
// python3-cryptography and python3-botocore are what CI installs; a missing interpreter or module
// fails the test with the Debian package to install.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SigningResult } from '../../src/signing';
import { bodyBytes, requestTarget, sentHeaderLines, type RequestShape } from './requestShapes';

export const DEBIAN_PYTHON = '/usr/bin/python3';
const HELPER = fileURLToPath(new URL('./oracle.py', import.meta.url));

export type OracleName = 'awscrt' | 'botocore';

/** One request for oracle.py: the wire form and the signing options. */
export interface OracleCase {
  method: string;
  /** Request target: the path ('/' when the URL has none) and query, exactly as sent. */
  target: string;
  url: string;
  /** Header lines as sent, Host included. */
  headers: Array<[string, string]>;
  /** Base64, or null for no body. */
  body: string | null;
  rules: RequestShape['rules'];
  mode: RequestShape['mode'];
  expiresIn: number;
  payload: RequestShape['payload'];
  contentSha256Header: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string | null;
  signSessionToken: boolean;
  algorithm: RequestShape['algorithm'];
  regionSet: string[];
  region: string;
  service: string;
  /** Signing time, seconds since the epoch. */
  date: number;
  /** SigV4a: our signature and public key, which oracle.py verifies with python3-cryptography. */
  ours?: { signature: string; publicKey: { x: string; y: string } };
}

export interface OracleResult {
  canonicalRequest?: string;
  stringToSign?: string;
  signature?: string;
  /** SigV4a: whether python3-cryptography accepts our signature over the oracle's string to sign. */
  oursVerifies?: boolean;
  error?: string;
}

export function toOracleCase(shape: RequestShape, ours: SigningResult): OracleCase {
  const body = bodyBytes(shape.body);
  const target = requestTarget(shape);
  return {
    method: shape.method,
    target,
    url: `https://${shape.host}${target}`,
    headers: sentHeaderLines(shape),
    body: body === undefined ? null : Buffer.from(body).toString('base64'),
    rules: shape.rules,
    mode: shape.mode,
    expiresIn: shape.expiresIn,
    payload: shape.payload,
    contentSha256Header: shape.contentSha256Header,
    accessKeyId: shape.accessKeyId,
    secretAccessKey: shape.secretAccessKey,
    sessionToken: shape.sessionToken ?? null,
    signSessionToken: shape.signSessionToken,
    algorithm: shape.algorithm,
    regionSet: shape.regionSet,
    region: shape.region,
    service: shape.service,
    date: shape.signingDate.getTime() / 1000,
    ...(ours.sigv4a
      ? { ours: { signature: ours.signature, publicKey: ours.sigv4a.publicKey } }
      : {}),
  };
}

type Reply = { ready: true } | { fatal: string } | { results: OracleResult[] };

/** A running oracle.py: sign() sends one batch and resolves with its results. */
export class PythonOracle {
  private readonly waiting: Array<{ resolve(reply: Reply): void; reject(error: Error): void }> = [];
  private stderrTail = '';
  private failure: Error | undefined;

  private constructor(
    private readonly name: OracleName,
    private readonly child: ChildProcessWithoutNullStreams,
  ) {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      this.stderrTail = (this.stderrTail + text).slice(-4000);
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const next = this.waiting.shift();
      if (next === undefined) return;
      try {
        next.resolve(JSON.parse(line) as Reply);
      } catch {
        next.reject(new Error(`oracle.py ${name} wrote something that is not JSON: ${line}`));
      }
    });
    child.on('error', (error) => this.fail(this.spawnError(error)));
    child.on('exit', (code, signal) =>
      this.fail(
        new Error(
          `oracle.py ${name} exited (${signal ?? `code ${code}`}).` +
            (this.stderrTail ? `\n${this.stderrTail}` : ''),
        ),
      ),
    );
  }

  /** Starts oracle.py and waits until it has imported its modules. */
  static async start(name: OracleName): Promise<PythonOracle> {
    if (!existsSync(DEBIAN_PYTHON)) {
      throw new Error(
        `${DEBIAN_PYTHON} is missing: the ${name} differential test runs on Debian's Python ` +
          `(apt-get install python3 ${name === 'awscrt' ? 'python3-awscrt python3-cryptography' : 'python3-botocore'}).`,
      );
    }
    const child = spawn(DEBIAN_PYTHON, [HELPER, name], { stdio: ['pipe', 'pipe', 'pipe'] });
    const oracle = new PythonOracle(name, child);
    const first = await oracle.next();
    if ('fatal' in first) {
      await oracle.close();
      throw new Error(first.fatal);
    }
    return oracle;
  }

  async sign(cases: OracleCase[]): Promise<OracleResult[]> {
    const reply = this.next();
    this.child.stdin.write(JSON.stringify({ cases }) + '\n');
    const answer = await reply;
    if (!('results' in answer) || answer.results.length !== cases.length) {
      throw new Error(`oracle.py ${this.name} answered ${JSON.stringify(answer).slice(0, 300)}`);
    }
    return answer.results;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    await exited;
  }

  private next(): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
  }

  private spawnError(error: Error): Error {
    return new Error(`Cannot run ${DEBIAN_PYTHON} ${HELPER}: ${error.message}`);
  }
}
