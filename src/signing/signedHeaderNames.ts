// The names a SignedHeaders list gives, as the verifier reads them: each name as written (a
// missing one is named as the client wrote it) and the lower-case set that picks header lines.
// The list stays as sent everywhere else: AWS hashes it as it is (canonicalizeWireRequest).

export interface SignedHeaderNames {
  /** Each name as written, once, in the order of its first appearance. */
  names: readonly string[];
  /**
   * The names lower-cased, each with its place in `sorted` (0, 1, …): header lines are matched
   * against these, and a verifier can mark each one found with a bit.
   */
  lowerCase: ReadonlyMap<string, number>;
  /** The lower-case names once each, sorted: the order of the canonical headers. */
  sorted: readonly string[];
}

/** Splits SignedHeaders at ';' ("host;x-amz-date"); an empty list is one empty name, as AWS reads it. */
export function getSignedHeaderNames(signedHeaders: string): SignedHeaderNames {
  const written = signedHeaders.split(';');
  const sorted = [...new Set(written.map((name) => name.toLowerCase()))].sort();
  return {
    names: [...new Set(written)],
    lowerCase: new Map(sorted.map((name, place) => [name, place])),
    sorted,
  };
}
