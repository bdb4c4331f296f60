// The gateway's request log: one record per request, formatted once (a text line of today's shape,
// or a JSON line), written without blocking the answer. sonic-boom (pino's writer) queues the lines
// and writes them from libuv's thread pool in blocks (BLOCK_BYTES, or what is there every
// FLUSH_INTERVAL_MS), so a busy gateway makes few large writes instead of one per request.
import SonicBoom from 'sonic-boom';

import type { LogFormat, LogOptions } from './logOptions';

/** What a user filters on, for one request. Never a secret: no header, query or body. */
export interface RequestRecord {
  /** When the answer went out, epoch ms (real time, not the gateway's pinned clock). */
  time: number;
  /** null when the request was not HTTP enough to have one (a 400 from clientError). */
  method: string | null;
  path: string | null;
  callerArn: string | null;
  /** null when nobody was answered: the client left before its body was complete. */
  status: number | null;
  /** x-amzn-ErrorType (or STS's error code); 'aborted' for a client that left; null on success. */
  errorType: string | null;
  /** From the request's arrival to its answer; null when unknown (a 400 from clientError). */
  durationMs: number | null;
  /** More about an error: node's parse error code, or the message of a bug of ours. */
  detail?: string;
}

/**
 * Today's line: method, path, caller or -, status, error type or -, then the detail if any. The
 * duration is in the JSON lines only, so the text shape that users and tests read is unchanged.
 */
export function formatText(record: RequestRecord): string {
  const line = `${record.method ?? '-'} ${record.path ?? '-'} ${record.callerArn ?? '-'} ${record.status ?? '-'} ${record.errorType ?? '-'}`;
  return record.detail ? `${line} ${record.detail}` : line;
}

export function formatJson(record: RequestRecord): string {
  return JSON.stringify({
    time: new Date(record.time).toISOString(),
    method: record.method,
    path: record.path,
    callerArn: record.callerArn,
    status: record.status,
    errorType: record.errorType,
    durationMs: record.durationMs,
    ...(record.detail ? { detail: record.detail } : {}),
  });
}

/** Where records go: a RequestLog, or (in tests) a function given each formatted text line. */
export interface RequestLogSink {
  write(record: RequestRecord): void;
}

export interface RequestLogOptions {
  format?: LogFormat;
  /** A file descriptor (default 1, standard output) or a file path (appended to). */
  destination?: number | string;
  /**
   * Bytes queued while the destination is slower than the gateway. Past it, lines are dropped,
   * never the answers delayed: the log says how many, in a line of its own, once it can.
   */
  maxBufferBytes?: number;
}

export const DEFAULT_MAX_BUFFER_BYTES = 1024 * 1024;
/** Lines are written once this many bytes are queued, or every FLUSH_INTERVAL_MS. */
const BLOCK_BYTES = 8 * 1024;
const FLUSH_INTERVAL_MS = 50;

export interface RequestLog extends RequestLogSink {
  /** Lines dropped so far because the destination could not keep up. */
  readonly dropped: number;
  /** Writes what is queued, then closes the destination (not standard output). */
  close(): Promise<void>;
  /** Last resort at process exit: writes what is queued synchronously. */
  flushSync(): void;
}

/** Every open log, flushed synchronously if the process exits without closing them. */
const openLogs = new Set<RequestLog>();
let exitHookInstalled = false;
function flushAtExit(log: RequestLog) {
  openLogs.add(log);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const open of openLogs) open.flushSync();
  });
}

export function createRequestLog(options: RequestLogOptions = {}): RequestLog {
  const format = options.format === 'json' ? formatJson : formatText;
  const json = options.format === 'json';
  const destination = options.destination ?? 1;
  const maxBufferBytes = options.maxBufferBytes ?? DEFAULT_MAX_BUFFER_BYTES;
  const boom = new SonicBoom({
    ...(typeof destination === 'number' ? { fd: destination } : { dest: destination }),
    // A busy gateway writes in blocks of BLOCK_BYTES, not one write (and one trip to the thread
    // pool) per line; a quiet one's lines wait FLUSH_INTERVAL_MS at most, as a user watches live.
    minLength: Math.min(BLOCK_BYTES, Math.floor(maxBufferBytes / 4)),
    periodicFlush: FLUSH_INTERVAL_MS,
    maxLength: maxBufferBytes,
    sync: false,
    mkdir: typeof destination === 'string',
  });
  let dropped = 0;
  /** Dropped lines not yet reported in the log itself. */
  let unreported = 0;
  let closed = false;
  /** The notice of dropped lines is being written: its own drop is not a request line's. */
  let writingNotice = false;
  let noticeDropped = false;
  boom.on('drop', () => {
    if (writingNotice) {
      noticeDropped = true;
      return;
    }
    dropped++;
    unreported++;
  });
  // A destination that fails (a closed pipe, a full disk) must not crash the gateway: say so once.
  let failed = false;
  boom.on('error', (error: Error) => {
    if (failed) return;
    failed = true;
    process.stderr.write(`The gateway's request log cannot be written: ${error.message}\n`);
  });

  const droppedNotice = (count: number) =>
    json
      ? JSON.stringify({ time: new Date().toISOString(), droppedLines: count })
      : `gateway log: ${count} line${count === 1 ? '' : 's'} dropped (the destination could not keep up)`;

  /** The count of dropped lines, in the log, once there is room for it. */
  function reportDrops() {
    writingNotice = true;
    noticeDropped = false;
    boom.write(`${droppedNotice(unreported)}\n`);
    writingNotice = false;
    // Still no room: the next write tries again.
    if (!noticeDropped) unreported = 0;
  }

  const log: RequestLog = {
    get dropped() {
      return dropped;
    },
    write(record) {
      if (closed || failed) return;
      if (unreported > 0) reportDrops();
      boom.write(`${format(record)}\n`);
    },
    flushSync() {
      if (closed || failed) return;
      try {
        if (unreported > 0) reportDrops();
        boom.flushSync();
      } catch {
        // At exit there is nobody left to tell.
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      openLogs.delete(log);
      if (failed) return;
      // The queue first, so that the count of dropped lines finds room after it.
      await new Promise<void>((resolve) => boom.flush(() => resolve()));
      if (unreported > 0) reportDrops();
      await new Promise<void>((resolve) => {
        // Standard output is flushed but stays open; a file is closed once written (end()).
        if (destination === 1 || destination === 2) return boom.flush(() => resolve());
        boom.once('close', () => resolve());
        boom.once('error', () => resolve());
        boom.end();
      });
    },
  };
  flushAtExit(log);
  return log;
}

/** A sink that hands each text line to a function (tests, and callers that collect lines). */
export function lineSink(write: (line: string) => void): RequestLogSink {
  return { write: (record) => write(formatText(record)) };
}

/** The log the options ask for, on standard output; undefined when quiet. */
export function openRequestLog(options: LogOptions): RequestLog | undefined {
  return options.quiet ? undefined : createRequestLog({ format: options.format });
}

/** What a quiet gateway logs: nothing. */
export const NO_REQUEST_LOG: RequestLogSink = { write() {} };
