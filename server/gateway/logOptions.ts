// The gateway's log options, as `sigv4-playground gateway` and the playground command take them
// (the playground passes them on to its gateway child). The log itself is requestLog.ts.

export type LogFormat = 'text' | 'json';
export const LOG_FORMATS: readonly LogFormat[] = ['text', 'json'];

/** How the gateway logs: `--log-format text|json`, `--quiet` (no line at all). */
export interface LogOptions {
  format: LogFormat;
  quiet: boolean;
}

export const LOG_USAGE = `  --log-format F   one line per request as text (default) or json: time, method, path,
                   callerArn, status, errorType, durationMs
  --quiet          no line per request`;

/** The options from the command line's values, or an Error saying what is wrong. */
export function logOptionsOf(format: string | undefined, quiet: boolean | undefined): LogOptions {
  if (format !== undefined && !(LOG_FORMATS as readonly string[]).includes(format)) {
    throw new Error(`--log-format must be text or json, not "${format}".`);
  }
  return { format: (format as LogFormat | undefined) ?? 'text', quiet: quiet === true };
}
