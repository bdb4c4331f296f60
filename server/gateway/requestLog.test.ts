// The gateway's request log (requestLog.ts): the text line and the JSON line of one record; to a
// pipe or a terminal (written through the thread pool: `sync: false` here, on a file) lines queued
// rather than written in the caller's turn, all written on close, and a destination that cannot
// keep up bounded: lines dropped and counted, in the log itself; to a file, blocks written at once.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isRegularFile } from '../lineWriter';
import { logOptionsOf } from './logOptions';
import { createRequestLog, formatJson, formatText, type RequestRecord } from './requestLog';

const ARN = 'arn:aws:iam::850047500507:user/demo';
const record = (overrides: Partial<RequestRecord> = {}): RequestRecord => ({
  time: Date.parse('2026-01-15T10:20:30.123Z'),
  method: 'POST',
  path: '/prod/hello',
  callerArn: ARN,
  status: 200,
  errorType: null,
  durationMs: 0.42,
  ...overrides,
});

const dirs: string[] = [];
function logFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'request-log-'));
  dirs.push(dir);
  return join(dir, 'gateway.log');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('formatting a record', () => {
  it('text: method, path, caller or -, status, error type or -, then the detail (today’s line)', () => {
    expect(formatText(record())).toBe(`POST /prod/hello ${ARN} 200 -`);
    expect(
      formatText(
        record({ callerArn: null, status: 403, errorType: 'MissingAuthenticationTokenException' }),
      ),
    ).toBe('POST /prod/hello - 403 MissingAuthenticationTokenException');
    expect(formatText(record({ callerArn: null, status: null, errorType: 'aborted' }))).toBe(
      'POST /prod/hello - - aborted',
    );
    expect(
      formatText({
        ...record({ method: null, path: null, callerArn: null, status: 400 }),
        errorType: 'BadRequestException',
        durationMs: null,
        detail: 'HPE_INVALID_METHOD',
      }),
    ).toBe('- - - 400 BadRequestException HPE_INVALID_METHOD');
  });

  it('json: the fields a user filters on, time in ISO 8601', () => {
    expect(
      JSON.parse(formatJson(record({ status: 403, errorType: 'AccessDeniedException' }))),
    ).toEqual({
      time: '2026-01-15T10:20:30.123Z',
      method: 'POST',
      path: '/prod/hello',
      callerArn: ARN,
      status: 403,
      errorType: 'AccessDeniedException',
      durationMs: 0.42,
    });
  });
});

describe('writing the log', () => {
  it('a regular file: each full block is written at once, and close writes the rest', async () => {
    const file = logFile();
    const log = createRequestLog({ destination: file });
    for (let i = 0; i < 1000; i++) log.write(record({ path: `/prod/hello/${i}` }));
    // Some 60 KB of lines: full blocks are in the file already, in the caller's turn.
    const written = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(written.length).toBeGreaterThan(100);
    expect(written.length).toBeLessThan(1000);
    expect(written[0]).toBe(`POST /prod/hello/0 ${ARN} 200 -`);
    await log.close();
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(1000);
    expect(log.dropped).toBe(0);
  });

  it('through the thread pool: queues the lines instead of writing them in the caller’s turn, and close writes them all', async () => {
    const file = logFile();
    const log = createRequestLog({ destination: file, sync: false });
    for (let i = 0; i < 1000; i++) log.write(record({ path: `/prod/hello/${i}` }));
    // The file is opened asynchronously: nothing can have been written while the caller ran.
    expect(() => readFileSync(file, 'utf8')).toThrow(/ENOENT/);
    await log.close();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    expect(lines[999]).toBe(`POST /prod/hello/999 ${ARN} 200 -`);
    expect(log.dropped).toBe(0);
  });

  it('--log-format json writes one JSON object per line', async () => {
    const file = logFile();
    const log = createRequestLog({ destination: file, format: 'json' });
    log.write(record());
    log.write(record({ status: 403, errorType: 'InvalidSignatureException' }));
    await log.close();
    const lines = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.status, line.errorType, line.callerArn])).toEqual([
      [200, null, ARN],
      [403, 'InvalidSignatureException', ARN],
    ]);
  });

  it('a destination that cannot keep up: lines past the bound are dropped and counted in the log', async () => {
    const file = logFile();
    // A bound of a few lines, all written in one turn: the file cannot take any of them meanwhile.
    const log = createRequestLog({ destination: file, maxBufferBytes: 200, sync: false });
    for (let i = 0; i < 100; i++) log.write(record({ path: `/p/${i}` }));
    expect(log.dropped).toBeGreaterThan(90);
    await log.close();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const notice = /^gateway log: (\d+) lines? dropped \(the destination could not keep up\)$/;
    const notices = lines.filter((line) => notice.test(line));
    expect(notices.length).toBeGreaterThan(0);
    const counted = notices.reduce((sum, line) => sum + Number(notice.exec(line)![1]), 0);
    // Every line is either written or counted: none is lost silently.
    expect(counted).toBe(log.dropped);
    expect(lines.length - notices.length + log.dropped).toBe(100);
  });

  it('the count of dropped lines is a JSON line in --log-format json', async () => {
    const file = logFile();
    const log = createRequestLog({
      destination: file,
      format: 'json',
      maxBufferBytes: 300,
      sync: false,
    });
    for (let i = 0; i < 50; i++) log.write(record());
    await log.close();
    const lines = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const notices = lines.filter((line) => 'droppedLines' in line);
    expect(notices.reduce((sum, line) => sum + line.droppedLines, 0)).toBe(log.dropped);
    expect(lines.length - notices.length + log.dropped).toBe(50);
  });

  it('writes nothing after close', async () => {
    const file = logFile();
    const log = createRequestLog({ destination: file });
    log.write(record());
    await log.close();
    log.write(record());
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('the log options', () => {
  it('text by default, json on request, quiet; anything else is refused in a sentence', () => {
    expect(logOptionsOf(undefined, undefined)).toEqual({ format: 'text', quiet: false });
    expect(logOptionsOf('json', undefined)).toEqual({ format: 'json', quiet: false });
    expect(logOptionsOf(undefined, true)).toEqual({ format: 'text', quiet: true });
    expect(() => logOptionsOf('xml', undefined)).toThrow(
      '--log-format must be text or json, not "xml".',
    );
  });
});

describe('which destinations are written at once', () => {
  it('a file, or a path that will be one; not a device or a folder', () => {
    const file = logFile();
    expect(isRegularFile(file)).toBe(true);
    writeFileSync(file, '');
    expect(isRegularFile(file)).toBe(true);
    expect(isRegularFile('/dev/null')).toBe(false);
    expect(isRegularFile(tmpdir())).toBe(false);
  });
});
