// A gateway for the socket tests, on 127.0.0.1 at a random port with its log captured, in this
// process or in a child of its own (gatewayTestChild.ts).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GatewayConfig } from './gatewayConfig';
import { startGateway } from './gatewayServer';
import {
  ANSWER_TIMEOUT_MS,
  viaCurl,
  viaHttp,
  viaSocket,
  type Reply,
  type WireReply,
  type WireRequest,
} from './gatewayTestClients';

/** The script TestGateway.startInChild runs (under tsx). */
const CHILD_SCRIPT = fileURLToPath(new URL('./gatewayTestChild.ts', import.meta.url));

/** What the child process sends back: its URL once listening, then one message per log line. */
export type ChildMessage = { url: string } | { error: string } | { log: string };

/**
 * A gateway on 127.0.0.1 at a random port, its log captured. `start` runs it in this process;
 * `startInChild` in a process of its own, for requests that might block the gateway's event
 * loop (a regular expression that backtracks for minutes): in this process that would also
 * stop the timers that are to fail the test, so a hang would stall the run instead.
 */
export class TestGateway {
  readonly lines: string[] = [];
  private running!: { url: string; close(): Promise<void> };
  private inChild = false;
  private lineWaiters: Array<() => void> = [];

  private constructor(readonly config: GatewayConfig) {}

  static async start(config: GatewayConfig, now?: () => number): Promise<TestGateway> {
    const gateway = new TestGateway(config);
    gateway.running = await startGateway({
      config,
      port: 0,
      log: (line) => gateway.record(line),
      ...(now ? { now } : {}),
    });
    return gateway;
  }

  /** In a child process, its clock pinned to `now` (epoch ms). */
  static async startInChild(config: GatewayConfig, now: number): Promise<TestGateway> {
    const gateway = new TestGateway(config);
    gateway.inChild = true;
    const child = fork(CHILD_SCRIPT, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const url = await new Promise<string>((resolve, reject) => {
      child.on('message', (message: ChildMessage) => {
        if ('log' in message) gateway.record(message.log);
        else if ('url' in message) resolve(message.url);
        else reject(new Error(`The gateway child did not start: ${message.error}`));
      });
      child.once('exit', (code) => reject(new Error(`The gateway child exited (${code})`)));
      child.send({ config, now });
    });
    gateway.running = {
      url,
      close: () => {
        child.kill('SIGKILL');
        return exited;
      },
    };
    return gateway;
  }

  private record(line: string) {
    this.lines.push(line);
    for (const wake of this.lineWaiters.splice(0)) wake();
  }

  /** Resolves once the log holds `count` lines; a gateway that never logs them fails the test. */
  waitForLines(count: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`The gateway logged ${this.lines.length} lines, not ${count}, in time`)),
        ANSWER_TIMEOUT_MS,
      );
      const check = () => {
        if (this.lines.length < count) this.lineWaiters.push(check);
        else {
          clearTimeout(timer);
          resolve();
        }
      };
      check();
    });
  }

  get url(): string {
    return this.running.url;
  }

  get port(): number {
    return Number(new URL(this.running.url).port);
  }

  /** The stage's base URL, e.g. http://127.0.0.1:1234/prod. */
  get base(): string {
    return this.config.stage === '' ? this.url : `${this.url}/${this.config.stage}`;
  }

  private async logged(answer: Promise<WireReply>): Promise<Reply> {
    const before = this.lines.length;
    const reply = await answer;
    // In this process the line is written before the answer is read; a child's comes over IPC.
    if (this.inChild) await this.waitForLines(before + 1);
    return { ...reply, log: this.lines.slice(before) };
  }

  send(request: WireRequest): Promise<Reply> {
    return this.logged(viaHttp(this.port, request));
  }

  sendRaw(bytes: Buffer): Promise<Reply> {
    return this.logged(viaSocket(this.port, bytes));
  }

  curl(args: string[]): Promise<Reply> {
    return this.logged(viaCurl(args));
  }

  close(): Promise<void> {
    return this.running.close();
  }
}
