/**
 * The header lines as a browser's fetch sends them, when that differs from the lines typed: a name
 * given on several lines goes out on one, its values joined by ", " (what Fetch's Headers makes of
 * them), where a signer joins separate lines by "," alone. Undefined when fetch sends the lines as
 * typed, or refuses one (the validator and the send say why). The path: browserPath.ts.
 */
export function withBrowserHeaders(
  headers: Array<[string, string]>,
): Array<[string, string]> | undefined {
  try {
    const sent = [...new Headers(headers)];
    return sent.length < headers.length ? sent : undefined;
  } catch {
    return undefined;
  }
}
