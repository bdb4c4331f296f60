// What a server checks about a signature before it computes anything: the date, the credential
// scope, the signed header names and the clock, in the order API Gateway checks them
// (api-gateway-iam-errors.md). Each failed check is a typed problem; the gateway answers the
// first, "Check a signature" lists them all.
import {
  HOST_HEADER,
  MAX_PRESIGN_EXPIRES,
  MIN_PRESIGN_EXPIRES,
  REGION_SET_HEADER,
  SCOPE_TERMINATOR,
  SIGV4A_ALGORITHM,
} from './constants';
import type { HeaderList } from './getCanonicalHeaders';
import type { CredentialScope } from './parseCredential';
import type { WireSignature } from './readWireSignature';
import { readAmzDate, readCredential, readSignedHeaderNames } from './wireTextMemos';

/** The scope a server is: its region and service. */
export interface ExpectedScope {
  region: string;
  service: string;
  /** SigV4A: whether an X-Amz-Region-Set value includes `region` (its wildcards are the server's). */
  regionSetIncludes(regionSet: string, region: string): boolean;
}

/** Why the scope's region part is refused; SigV4 names a region, SigV4A a region set. */
export type ScopeRegionProblem =
  | { reason: 'other-region'; region: string; expected: string }
  | { reason: 'region-set-missing' }
  /** Header mode: X-Amz-Region-Set is sent but not signed, so anyone could widen it. */
  | { reason: 'region-set-unsigned'; regionSet: string }
  | { reason: 'region-set-excludes'; regionSet: string; expected: string };

export type WireCheckProblem =
  | { kind: 'malformed-date'; amzDate: string; dateHeader?: string }
  | { kind: 'malformed-credential'; credential: string; expectedParts: 4 | 5 }
  | { kind: 'wrong-terminator'; terminator: string }
  | {
      kind: 'wrong-scope';
      region?: ScopeRegionProblem;
      service?: { service: string; expected: string };
    }
  | { kind: 'scope-date-mismatch'; scopeDate: string; amzDate: string }
  | { kind: 'host-not-signed' }
  /** Names of SignedHeaders (as written) that the request does not carry. */
  | { kind: 'signed-header-missing'; names: string[] }
  /** X-Amz-Expires absent, or not a whole number from 1. */
  | { kind: 'malformed-expires'; expires?: string }
  | { kind: 'expires-too-long'; expires: number }
  /** Past the window: X-Amz-Expires after X-Amz-Date (query), or the clock window (header). */
  | {
      kind: 'expired';
      source: 'header' | 'query';
      amzDate: string;
      signedAt: number;
      now: number;
      windowMs: number;
    }
  /** X-Amz-Date further ahead of the server's clock than the clock window. */
  | { kind: 'not-yet-current'; amzDate: string; signedAt: number; now: number; windowMs: number };

export interface WireCheckOptions {
  now: number;
  /** The header-mode clock window, either way. */
  clockWindowMs: number;
  expected?: ExpectedScope;
  /** Stop at the first problem, as a server does. */
  firstProblemOnly: boolean;
}

export interface WireCheck {
  problems: WireCheckProblem[];
  /** The parsed Credential, when it has the algorithm's number of parts. */
  credential?: CredentialScope;
}

/** Runs the checks in API Gateway's order; later checks that need a failed one's value are skipped. */
export function checkWireSignature(
  signature: WireSignature,
  headers: HeaderList,
  options: WireCheckOptions,
): WireCheck {
  const problems: WireCheckProblem[] = [];
  const result: WireCheck = { problems };
  const stop = () => options.firstProblemOnly && problems.length > 0;

  const signedAt = readAmzDate(signature.amzDate);
  if (signedAt === undefined) {
    problems.push({
      kind: 'malformed-date',
      amzDate: signature.amzDate,
      ...(signature.dateHeader === undefined ? {} : { dateHeader: signature.dateHeader }),
    });
    if (stop()) return result;
  }

  const parsed = readCredential(signature.credential, signature.algorithm);
  if (!parsed.ok) {
    problems.push({
      kind: 'malformed-credential',
      credential: signature.credential,
      expectedParts: parsed.expected,
    });
  } else {
    const credential = parsed.credential;
    result.credential = credential;
    if (credential.terminator !== SCOPE_TERMINATOR) {
      problems.push({ kind: 'wrong-terminator', terminator: credential.terminator });
      if (stop()) return result;
    }
    const scope = scopeProblem(signature, credential, options.expected);
    if (scope !== undefined) {
      problems.push(scope);
      if (stop()) return result;
    }
    if (signedAt !== undefined && credential.dateStamp !== signature.amzDate.slice(0, 8)) {
      problems.push({
        kind: 'scope-date-mismatch',
        scopeDate: credential.dateStamp,
        amzDate: signature.amzDate,
      });
    }
  }
  if (stop()) return result;

  const signed = readSignedHeaderNames(signature.signedHeaders);
  if (!signed.lowerCase.has(HOST_HEADER)) {
    problems.push({ kind: 'host-not-signed' });
    if (stop()) return result;
  }
  if (!carriesEveryQuickly(headers, signed.lowerCase)) {
    const present = new Set(headers.map(([name]) => name.toLowerCase()));
    const missing = signed.names.filter((name) => !present.has(name.toLowerCase()));
    if (missing.length > 0) {
      problems.push({ kind: 'signed-header-missing', names: missing });
      if (stop()) return result;
    }
  }

  if (signedAt !== undefined) problems.push(...clockProblems(signature, signedAt, options));
  return result;
}

const REGION_SET = REGION_SET_HEADER.toLowerCase();

/**
 * True when the header lines carry every one of the names (lower case, each with its place), found
 * with a bit per name and no set of the request's names: the answer for nearly every request. False
 * when one is missing, or when there are more names than bits (then the caller looks name by name).
 */
function carriesEveryQuickly(headers: HeaderList, names: ReadonlyMap<string, number>): boolean {
  if (names.size > 30) return false;
  let found = 0;
  for (const [name] of headers) {
    const place = names.get(name.toLowerCase());
    if (place !== undefined) found |= 1 << place;
  }
  return found === (1 << names.size) - 1;
}

/** The region (or region set) and service of the scope, against the server's. */
function scopeProblem(
  signature: WireSignature,
  credential: CredentialScope,
  expected: ExpectedScope | undefined,
): WireCheckProblem | undefined {
  let region: ScopeRegionProblem | undefined;
  if (signature.algorithm === SIGV4A_ALGORITHM) {
    const regionSet = signature.regionSet;
    const signed = readSignedHeaderNames(signature.signedHeaders).lowerCase.has(REGION_SET);
    if (regionSet === undefined) region = { reason: 'region-set-missing' };
    else if (expected !== undefined && !expected.regionSetIncludes(regionSet, expected.region))
      region = { reason: 'region-set-excludes', regionSet, expected: expected.region };
    else if (signature.source === 'header' && !signed)
      region = { reason: 'region-set-unsigned', regionSet };
  } else if (expected !== undefined && credential.region !== expected.region) {
    region = { reason: 'other-region', region: credential.region ?? '', expected: expected.region };
  }
  const service =
    expected !== undefined && credential.service !== expected.service
      ? { service: credential.service, expected: expected.service }
      : undefined;
  if (region === undefined && service === undefined) return undefined;
  return {
    kind: 'wrong-scope',
    ...(region === undefined ? {} : { region }),
    ...(service === undefined ? {} : { service }),
  };
}

/**
 * Header mode: X-Amz-Date within the clock window either way. Presigned URL: X-Amz-Expires from
 * 1 to 604800 seconds, not past X-Amz-Date + X-Amz-Expires, and not ahead of the clock window.
 */
function clockProblems(
  signature: WireSignature,
  signedAt: number,
  options: WireCheckOptions,
): WireCheckProblem[] {
  const { now, clockWindowMs } = options;
  const at = { amzDate: signature.amzDate, signedAt, now };
  const problems: WireCheckProblem[] = [];
  if (signature.source === 'query') {
    const text = signature.expires;
    const expires = Number(text);
    if (text === undefined || !/^\d+$/.test(text) || expires < MIN_PRESIGN_EXPIRES)
      problems.push({
        kind: 'malformed-expires',
        ...(text === undefined ? {} : { expires: text }),
      });
    else if (expires > MAX_PRESIGN_EXPIRES) problems.push({ kind: 'expires-too-long', expires });
    else if (now > signedAt + expires * 1000)
      problems.push({ kind: 'expired', source: 'query', ...at, windowMs: expires * 1000 });
  } else if (signedAt < now - clockWindowMs) {
    problems.push({ kind: 'expired', source: 'header', ...at, windowMs: clockWindowMs });
  }
  if (signedAt > now + clockWindowMs)
    problems.push({ kind: 'not-yet-current', ...at, windowMs: clockWindowMs });
  return options.firstProblemOnly ? problems.slice(0, 1) : problems;
}
