// Which part of the canonical request AWS rebuilt differs from ours, and why it likely does: the
// method, the path's encoding, the query, a signed header, the body hash.
import { EMPTY_SHA256, UNSIGNED_PAYLOAD } from '../signing';
import type { FixAction } from './fixAction';
import type { MismatchCause } from './mismatchCause';
import type { CanonicalParts } from './splitSigningTexts';

/** Headers a proxy or the HTTP stack may add, change or drop between hops (RFC 9110 §7.6.1). */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
]);

/** One level of percent-encoding undone: %25XX → %XX (the path encoded twice vs once). */
const decodeOnce = (path: string) => path.replace(/%25([0-9A-Fa-f]{2})/g, '%$1');

function pathCause(ours: string, theirs: string, s3PathRules: boolean): MismatchCause {
  const detail = `We signed the path ${ours}; AWS used ${theirs}.`;
  if (decodeOnce(ours) === theirs) {
    return {
      id: 'path-encoding',
      sentence:
        'AWS encoded the path once where we encoded it twice: this service uses the S3 path rules (each segment encoded once, no normalization).',
      detail,
      fix: { label: 'Use S3 path rules', action: { kind: 'set-s3-path-rules', value: true } },
    };
  }
  if (decodeOnce(theirs) === ours) {
    return {
      id: 'path-encoding',
      sentence:
        'AWS encoded the path twice where we encoded it once: this service wants every path segment encoded twice (the rule for all services but S3).',
      detail,
      fix: {
        label: 'Use standard path rules',
        action: { kind: 'set-s3-path-rules', value: false },
      },
    };
  }
  const normalizedByUs = !s3PathRules && /\/\/|\/\.\.?(\/|$)/.test(theirs);
  const cause: MismatchCause = {
    id: 'path-encoding',
    sentence: normalizedByUs
      ? 'AWS kept the empty or dot segments of the path that we removed: this service does not normalize paths (S3 path rules).'
      : 'AWS saw another path than we signed: something between us rewrote the URL (a proxy, a CDN, a client that re-encodes or normalizes paths), or the URL was changed after signing.',
    detail,
  };
  if (normalizedByUs)
    cause.fix = { label: 'Use S3 path rules', action: { kind: 'set-s3-path-rules', value: true } };
  return cause;
}

function queryEntries(query: string): string[] {
  return query === '' ? [] : query.split('&');
}

function queryCause(ours: string, theirs: string): MismatchCause {
  const oursList = queryEntries(ours);
  const theirsList = queryEntries(theirs);
  const notes: string[] = [];
  const plusOurs = /%2B/.test(ours) && !/%2B/.test(theirs) && /%20/.test(theirs);
  const plusTheirs = /%20/.test(ours) && /%2B/.test(theirs) && !/%2B/.test(ours);
  if (plusOurs)
    notes.push(
      "A '+' we signed as a plus (%2B) reached AWS as a space (%20): encode a literal plus as %2B in the URL.",
    );
  if (plusTheirs)
    notes.push(
      "A space we signed (%20) reached AWS as a plus (%2B): write spaces as %20 in the URL, not '+'.",
    );
  if (/\+/.test(theirs))
    notes.push(
      "AWS's canonical query has a raw '+': that server does not re-encode the query, so sign it exactly as sent.",
    );
  const sortedOurs = [...oursList].sort().join('&');
  const sortedTheirs = [...theirsList].sort().join('&');
  if (sortedOurs === sortedTheirs && ours !== theirs)
    notes.push('The same parameters in another order: one side did not sort them after encoding.');
  const names = (list: string[]) => list.map((entry) => entry.split('=')[0]!);
  const count = (list: string[]) => {
    const counts = new Map<string, number>();
    for (const name of names(list)) counts.set(name, (counts.get(name) ?? 0) + 1);
    return counts;
  };
  const oursCount = count(oursList);
  const theirsCount = count(theirsList);
  for (const [name, times] of oursCount) {
    const theirTimes = theirsCount.get(name) ?? 0;
    if (theirTimes === 0) notes.push(`AWS did not receive the parameter ${name}.`);
    else if (theirTimes !== times)
      notes.push(
        `The parameter ${name} is repeated: we signed it ${times} times, AWS received it ${theirTimes} times.`,
      );
  }
  for (const name of theirsCount.keys()) {
    if (!oursCount.has(name)) notes.push(`AWS received a parameter we did not sign: ${name}.`);
  }
  if (notes.length === 0) {
    const differing = oursList.filter((entry) => !theirsList.includes(entry));
    notes.push(
      `Values encoded differently: we signed ${differing.join('&') || '(none)'}, AWS has ${
        theirsList.filter((entry) => !oursList.includes(entry)).join('&') || '(none)'
      }.`,
    );
  }
  return {
    id: 'query-encoding',
    sentence:
      'AWS saw another query string than we signed: a parameter was encoded, ordered or repeated differently on the way.',
    detail: notes.join(' '),
  };
}

function headerCauses(ours: CanonicalParts, theirs: CanonicalParts): MismatchCause[] {
  const causes: MismatchCause[] = [];
  for (const [name, value] of ours.headers) {
    const theirValue = theirs.headers.get(name);
    if (theirValue === value) continue;
    const unsign = {
      label: `Stop signing ${name}`,
      action: { kind: 'unsign-header', name } as FixAction,
    };
    if (HOP_BY_HOP_HEADERS.has(name)) {
      causes.push({
        id: 'header-should-not-be-signed',
        sentence: `${name} is a hop-by-hop header: proxies and the HTTP stack set it per connection, so it must not be signed.`,
        detail:
          theirValue === undefined || theirValue === ''
            ? `We signed ${name}:${value}; AWS did not receive it.`
            : `We signed ${name}:${value}; AWS received ${name}:${theirValue}.`,
        fix: unsign,
      });
    } else if (theirValue === undefined || (theirValue === '' && value !== '')) {
      causes.push({
        id: 'header-missing-on-server',
        sentence: `We signed ${name}, but AWS received it ${theirValue === undefined ? 'not at all' : 'empty'}: something on the way dropped it (a browser, proxy or CDN).`,
        detail: `We signed ${name}:${value}.`,
        fix: unsign,
      });
    } else {
      causes.push({
        id: 'header-value-changed',
        sentence:
          name === 'host'
            ? 'AWS received another Host than we signed: a proxy or custom domain rewrote it, or the URL is not the endpoint AWS sees.'
            : `The ${name} header changed on the way: AWS received another value than we signed.`,
        detail: `We signed ${name}:${value}; AWS received ${name}:${theirValue}.`,
      });
    }
  }
  return causes;
}

function payloadCause(ours: string, theirs: string): MismatchCause {
  let sentence =
    'The body hash differs: the body changed after signing (re-serialized, re-encoded, compressed), or AWS expected another body.';
  if (theirs === EMPTY_SHA256)
    sentence =
      'AWS received no body, but we signed one: the client or a proxy dropped it (a GET or HEAD body is often dropped).';
  else if (ours === EMPTY_SHA256)
    sentence = 'AWS received a body, but we signed an empty one: a body was added after signing.';
  else if (theirs === UNSIGNED_PAYLOAD || ours === UNSIGNED_PAYLOAD)
    sentence =
      ours === UNSIGNED_PAYLOAD
        ? 'We signed UNSIGNED-PAYLOAD, but AWS hashed the body: this service wants the body hash.'
        : 'AWS expected UNSIGNED-PAYLOAD (from x-amz-content-sha256) where we signed the body hash.';
  return {
    id: 'payload-changed',
    sentence,
    detail: `We signed payload hash ${ours}; AWS computed ${theirs}.`,
    // Signing UNSIGNED-PAYLOAD is an option, not the body: the fix switches it back.
    fix:
      ours === UNSIGNED_PAYLOAD
        ? { label: 'Sign the payload', action: { kind: 'set-payload', value: 'signed' } }
        : { label: 'Check the body', action: { kind: 'focus-field', field: 'body' } },
  };
}

/** The causes the canonical requests' differences point to, in the order of their parts. */
export function canonicalRequestCauses(
  mine: CanonicalParts,
  theirs: CanonicalParts,
  s3PathRules: boolean,
): MismatchCause[] {
  const causes: MismatchCause[] = [];
  if (mine.method !== theirs.method) {
    causes.push({
      id: 'method',
      sentence: `AWS received a ${theirs.method} request, we signed ${mine.method}: a client or proxy changed the method (a redirect, a method override).`,
      fix: { label: 'Check the method', action: { kind: 'focus-field', field: 'method' } },
    });
  }
  if (mine.uri !== theirs.uri) causes.push(pathCause(mine.uri, theirs.uri, s3PathRules));
  if (mine.query !== theirs.query) causes.push(queryCause(mine.query, theirs.query));
  causes.push(...headerCauses(mine, theirs));
  if (mine.payloadHash !== theirs.payloadHash)
    causes.push(payloadCause(mine.payloadHash, theirs.payloadHash));
  return causes;
}
