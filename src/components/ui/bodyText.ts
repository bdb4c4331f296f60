export type JsonCheck =
  { kind: 'not-json' } | { kind: 'valid'; pretty: string } | { kind: 'invalid'; message: string };

/** Whether a request body looks like JSON, and if so whether it parses. */
export function checkJson(text: string): JsonCheck {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { kind: 'not-json' };
  try {
    return { kind: 'valid', pretty: JSON.stringify(JSON.parse(trimmed), null, 2) };
  } catch (error) {
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
}

export interface DecodedBody {
  /** The body as UTF-8 text, or null when it is not valid UTF-8 (binary). */
  text: string | null;
  /** Pretty-printed JSON when the body parses as JSON. */
  prettyJson: string | null;
}

/** A response body for display: text when it is UTF-8, pretty JSON when it parses. */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): DecodedBody {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { text: null, prettyJson: null };
  }
  const looksJson = /json/i.test(contentType ?? '') || /^\s*[{[]/.test(text);
  if (!looksJson) return { text, prettyJson: null };
  try {
    return { text, prettyJson: JSON.stringify(JSON.parse(text), null, 2) };
  } catch {
    return { text, prettyJson: null };
  }
}

/** The first header of that name, any case (HTTP/2 sends x-amzn-errortype in lower case). */
export function getHeader(
  headers: ReadonlyArray<readonly [string, string]>,
  name: string,
): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}

/** 1 B, 17 B, 1.5 KiB, 52.4 MiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
