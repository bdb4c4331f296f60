// How the relay writes sizes and page-given text into its messages and its log.

const MiB = 1024 * 1024;

/** A limit or size as people read it: "10 MiB", "1024 bytes (0.001 MiB)", "1.50 MiB (1572864 bytes)". */
export function formatBytes(bytes: number): string {
  if (bytes % MiB === 0) return `${bytes / MiB} MiB`;
  const mib =
    bytes >= MiB ? (bytes / MiB).toFixed(2) : String(Math.round((bytes / MiB) * 1000) / 1000);
  return bytes >= MiB ? `${mib} MiB (${bytes} bytes)` : `${bytes} bytes (${mib} MiB)`;
}

/** Text from the page, safe for a log line: no line breaks or other controls, bounded length. */
export function forLog(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}
