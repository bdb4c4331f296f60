import type { SigningInput } from '../signing';

function samePairs(
  a: ReadonlyArray<readonly [string, string]> | undefined,
  b: ReadonlyArray<readonly [string, string]> | undefined,
): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return (
    left.length === right.length &&
    left.every((pair, i) => pair[0] === right[i]![0] && pair[1] === right[i]![1])
  );
}

/**
 * Whether two inputs sign the same request apart from the date: then the page can show the
 * signing Send made (with the clock) instead of its own live one. Binary bodies compare by
 * identity, which is what the store hands out for an unchanged file.
 */
export function sameRequestApartFromDate(a: SigningInput, b: SigningInput): boolean {
  const {
    signingDate: _a,
    headers: ha,
    credentials: ca,
    unsignedHeaders: ua,
    regionSet: ra,
    ...restA
  } = a;
  const {
    signingDate: _b,
    headers: hb,
    credentials: cb,
    unsignedHeaders: ub,
    regionSet: rb,
    ...restB
  } = b;
  void _a;
  void _b;
  const keys = new Set([...Object.keys(restA), ...Object.keys(restB)]);
  for (const key of keys) {
    if (restA[key as keyof typeof restA] !== restB[key as keyof typeof restB]) return false;
  }
  return (
    samePairs(ha, hb) &&
    ca.accessKeyId === cb.accessKeyId &&
    ca.secretAccessKey === cb.secretAccessKey &&
    (ca.sessionToken ?? '') === (cb.sessionToken ?? '') &&
    (ua ?? []).join('\n') === (ub ?? []).join('\n') &&
    (ra ?? []).join(',') === (rb ?? []).join(',')
  );
}
