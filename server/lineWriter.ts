// Lines a server logs (the gateway's one per request, the relay's one per relayed request),
// written without blocking the answers. Lines are gathered here into blocks (BLOCK_BYTES, or what
// is there after FLUSH_INTERVAL_MS), and sonic-boom (pino's writer) writes the blocks from libuv's
// thread pool, so a busy server makes few large writes instead of one per line, and a terminal or
// a pipe that is slow to read never holds an answer back: on Linux, console.log to a terminal or
// a pipe is a synchronous write. The blocks are made here rather than by sonic-boom's minLength:
// its write() measures the UTF-8 length of its whole pending block for every line appended, which
// made each line cost several times what the rest of the logging did.
//
// A regular file is the exception: its blocks are written at once, from the server's own thread
// (sonic-boom's sync mode). A write to a file ends in the page cache and never waits for a reader,
// so it takes a few microseconds; handing it to the thread pool and back cost more than that
// (bench:gateway at the same offered load: 54.6 µs of server CPU per answer logging to a file
// through the pool, 52.0 writing at once, 51.9 with --quiet).
import { fstatSync, statSync } from 'node:fs';
import SonicBoom from 'sonic-boom';

export interface LineWriterOptions {
  /** A file descriptor (default 1, standard output) or a file path (appended to). */
  destination?: number | string;
  /**
   * Bytes queued while the destination is slower than the server. Past it, lines are dropped,
   * never the answers delayed: the log says how many, in a line of its own, once it can.
   */
  maxBufferBytes?: number;
  /** The line that says how many lines were dropped. */
  droppedNotice: (count: number) => string;
  /** Names the log in the one message said when it cannot be written ("the gateway's request log"). */
  name: string;
  /**
   * Each block written at once, from this thread, rather than through the thread pool. Default:
   * for a regular file (isRegularFile), never for a pipe or a terminal.
   */
  sync?: boolean;
}

export interface LineWriter {
  /** One line, without its newline. */
  write(line: string): void;
  /** Lines dropped so far because the destination could not keep up. */
  readonly dropped: number;
  /** Writes what is queued, then closes the destination (not standard output). */
  close(): Promise<void>;
  /** Last resort at process exit: writes what is queued synchronously. */
  flushSync(): void;
}

export const DEFAULT_MAX_BUFFER_BYTES = 1024 * 1024;
/**
 * Lines are handed to the writer once this many characters are gathered, or FLUSH_INTERVAL_MS after
 * the first. Each hand-over to the thread pool costs a wake-up of one of its threads and one of
 * this one: 32 KiB makes them a few dozen a second at the bench's loads (8 KiB: some 55 a second at
 * 7,500 answers a second), while a terminal still shows every line within FLUSH_INTERVAL_MS.
 */
const BLOCK_BYTES = 32 * 1024;
const FLUSH_INTERVAL_MS = 50;

/** Every open writer, flushed synchronously if the process exits without closing them. */
const openWriters = new Set<LineWriter>();
let exitHookInstalled = false;
function flushAtExit(writer: LineWriter) {
  openWriters.add(writer);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const open of openWriters) open.flushSync();
  });
}

/**
 * Whether the destination is a regular file (a path that does not exist yet becomes one): not a
 * pipe, a terminal or a device, whose reader may be slow to take what is written.
 */
export function isRegularFile(destination: number | string): boolean {
  try {
    const stats =
      typeof destination === 'number'
        ? fstatSync(destination)
        : statSync(destination, { throwIfNoEntry: false });
    return stats === undefined ? true : stats.isFile();
  } catch {
    return false;
  }
}

export function createLineWriter(options: LineWriterOptions): LineWriter {
  const destination = options.destination ?? 1;
  const maxBufferBytes = options.maxBufferBytes ?? DEFAULT_MAX_BUFFER_BYTES;
  // A busy server hands over blocks of blockChars, not one write (and one trip to the thread
  // pool) per line; a quiet one's lines wait FLUSH_INTERVAL_MS at most, as a user watches live.
  const blockChars = Math.min(BLOCK_BYTES, Math.floor(maxBufferBytes / 4));
  const boom = new SonicBoom({
    ...(typeof destination === 'number' ? { fd: destination } : { dest: destination }),
    // Each block is written as soon as the previous write is done; to a file, at once.
    minLength: 0,
    maxLength: maxBufferBytes,
    sync: options.sync ?? isRegularFile(destination),
    mkdir: typeof destination === 'string',
  });
  /** Lines not yet handed to sonic-boom, each with its newline, and how many. */
  let block = '';
  let blockLines = 0;
  /** Lines in the block being handed over: what a drop of it loses. */
  let handingLines = 0;
  let handOverTimer: NodeJS.Timeout | undefined;
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
    dropped += handingLines;
    unreported += handingLines;
  });
  // A destination that fails (a closed pipe, a full disk) must not crash the server: say so once.
  let failed = false;
  boom.on('error', (error: Error) => {
    if (failed) return;
    failed = true;
    process.stderr.write(`${capitalized(options.name)} cannot be written: ${error.message}\n`);
  });

  /** The count of dropped lines, in the log, once there is room for it. */
  function reportDrops() {
    writingNotice = true;
    noticeDropped = false;
    boom.write(`${options.droppedNotice(unreported)}\n`);
    writingNotice = false;
    // Still no room: the next write tries again.
    if (!noticeDropped) unreported = 0;
  }

  /** The gathered lines to sonic-boom, as one write (dropped whole when its queue is full). */
  function handOver() {
    if (handOverTimer !== undefined) {
      clearTimeout(handOverTimer);
      handOverTimer = undefined;
    }
    if (blockLines === 0 || failed) return;
    if (unreported > 0) reportDrops();
    const lines = block;
    handingLines = blockLines;
    block = '';
    blockLines = 0;
    boom.write(lines);
    handingLines = 0;
  }

  const writer: LineWriter = {
    get dropped() {
      return dropped;
    },
    write(line) {
      if (closed || failed) return;
      block += `${line}\n`;
      blockLines++;
      if (block.length >= blockChars) handOver();
      else if (handOverTimer === undefined) {
        handOverTimer = setTimeout(handOver, FLUSH_INTERVAL_MS);
        // Lines still gathered at exit are written by flushSync.
        handOverTimer.unref();
      }
    },
    flushSync() {
      if (closed || failed) return;
      try {
        handOver();
        if (unreported > 0) reportDrops();
        boom.flushSync();
      } catch {
        // At exit there is nobody left to tell.
      }
    },
    async close() {
      if (closed) return;
      handOver();
      closed = true;
      openWriters.delete(writer);
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
  flushAtExit(writer);
  return writer;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
