// The gateway's request log: one record per request, formatted once (a text line of today's shape,
// or a JSON line), written without blocking the answer (lineWriter.ts).
import { createLineWriter, type LineWriter, type LineWriterOptions } from '../lineWriter';

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

export interface RequestLogOptions extends Pick<
  LineWriterOptions,
  'destination' | 'maxBufferBytes' | 'sync'
> {
  format?: LogFormat;
}

export type RequestLog = RequestLogSink & Omit<LineWriter, 'write'>;

export function createRequestLog(options: RequestLogOptions = {}): RequestLog {
  const json = options.format === 'json';
  const format = json ? formatJson : formatText;
  const lines = createLineWriter({
    ...options,
    name: "the gateway's request log",
    droppedNotice: (count) =>
      json
        ? JSON.stringify({ time: new Date().toISOString(), droppedLines: count })
        : `gateway log: ${count} line${count === 1 ? '' : 's'} dropped (the destination could not keep up)`,
  });
  return {
    get dropped() {
      return lines.dropped;
    },
    write: (record) => lines.write(format(record)),
    close: () => lines.close(),
    flushSync: () => lines.flushSync(),
  };
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
