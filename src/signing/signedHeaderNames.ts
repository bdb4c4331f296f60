// The names a SignedHeaders list gives, as the verifier reads them: each name as written (a
// missing one is named as the client wrote it) and the lower-case set that picks header lines.
// The list stays as sent everywhere else: AWS hashes it as it is (canonicalizeWireRequest).

export interface SignedHeaderNames {
  /** Each name as written, once, in the order of its first appearance. */
  names: readonly string[];
  /**
   * The names lower-cased, each with its place among them (0, 1, …): header lines are matched
   * against these, and a verifier can mark each one found with a bit.
   */
  lowerCase: ReadonlyMap<string, number>;
}

/** Splits SignedHeaders at ';' ("host;x-amz-date"); an empty list is one empty name, as AWS reads it. */
export function getSignedHeaderNames(signedHeaders: string): SignedHeaderNames {
  const written = signedHeaders.split(';');
  const lowerCase = new Map<string, number>();
  for (const name of written) {
    const lower = name.toLowerCase();
    if (!lowerCase.has(lower)) lowerCase.set(lower, lowerCase.size);
  }
  return { names: [...new Set(written)], lowerCase };
}
