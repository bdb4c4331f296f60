// Why AWS computed another signature: compares the canonical request and string to sign we signed
// with the ones a signature-mismatch answer says AWS computed, line by line, and names the likely
// causes with a one-click fix where the playground has one.
import { diffLines, type LineDiff } from './diffText';

export type FixAction =
  | { kind: 'set-s3-path-rules'; value: boolean }
  | { kind: 'set-region'; value: string }
  | { kind: 'set-service'; value: string }
  /** ISO 8601, or '' for "now". */
  | { kind: 'set-signing-time'; value: string }
  /** Sign with the server's clock: seconds to add to the local one. */
  | { kind: 'set-clock-offset'; seconds: number }
  | { kind: 'unsign-header'; name: string }
  | {
      kind: 'focus-field';
      field: 'secretAccessKey' | 'sessionToken' | 'accessKeyId' | 'url' | 'method' | 'body';
    };

export type MismatchCauseId =
  | 'path-encoding'
  | 'query-encoding'
  | 'header-value-changed'
  | 'header-missing-on-server'
  | 'header-should-not-be-signed'
  | 'payload-changed'
  | 'scope-date'
  | 'scope-region'
  | 'scope-service'
  | 'access-key'
  | 'secret-key'
  | 'method'
  | 'cannot-tell'
  | 'unknown';

export interface MismatchCause {
  id: MismatchCauseId;
  sentence: string;
  detail?: string;
  fix?: { label: string; action: FixAction };
}

export interface MismatchDiagnosis {
  causes: MismatchCause[];
  canonicalRequest?: LineDiff[];
  stringToSign?: LineDiff[];
}

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

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

interface CanonicalParts {
  method: string;
  uri: string;
  query: string;
  headers: Map<string, string>;
  signedHeaders: string;
  payloadHash: string;
}

/** The six parts of a canonical request; the header block is the lines between query and ''. */
function splitCanonical(text: string): CanonicalParts {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const headers = new Map<string, string>();
  const headerLines = lines.length >= 6 ? lines.slice(3, -3) : lines.slice(3);
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return {
    method: lines[0] ?? '',
    uri: lines[1] ?? '',
    query: lines[2] ?? '',
    headers,
    signedHeaders: lines.length >= 6 ? lines.at(-2)! : '',
    payloadHash: lines.length >= 6 ? lines.at(-1)! : '',
  };
}

interface StringToSignParts {
  algorithm: string;
  amzDate: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  scope: string;
  hash: string;
}

function splitStringToSign(text: string): StringToSignParts {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const scope = lines[2] ?? '';
  const [date = '', region = '', service = '', terminator = ''] = scope.split('/');
  return {
    algorithm: lines[0] ?? '',
    amzDate: lines[1] ?? '',
    date,
    region,
    service,
    terminator,
    scope,
    hash: lines[3] ?? '',
  };
}

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
    fix: { label: 'Check the body', action: { kind: 'focus-field', field: 'body' } },
  };
}

function stringToSignCauses(ours: StringToSignParts, theirs: StringToSignParts): MismatchCause[] {
  const causes: MismatchCause[] = [];
  if (ours.amzDate !== theirs.amzDate || ours.date !== theirs.date) {
    causes.push({
      id: 'scope-date',
      sentence:
        'AWS used another signing date or time: the X-Amz-Date header or the credential scope date changed, or they do not agree.',
      detail: `We signed ${ours.amzDate} with scope date ${ours.date}; AWS used ${theirs.amzDate} and ${theirs.date}.`,
      fix: { label: 'Sign with the current time', action: { kind: 'set-signing-time', value: '' } },
    });
  }
  if (ours.region !== theirs.region && theirs.region !== '') {
    causes.push({
      id: 'scope-region',
      sentence: `AWS signs for region ${theirs.region}, we signed for ${ours.region}.`,
      fix: {
        label: `Use region ${theirs.region}`,
        action: { kind: 'set-region', value: theirs.region },
      },
    });
  }
  if (ours.service !== theirs.service && theirs.service !== '') {
    causes.push({
      id: 'scope-service',
      sentence: `AWS signs for service ${theirs.service}, we signed for ${ours.service}.`,
      fix: {
        label: `Use service ${theirs.service}`,
        action: { kind: 'set-service', value: theirs.service },
      },
    });
  }
  return causes;
}

const cannotTell: MismatchCause = {
  id: 'cannot-tell',
  sentence:
    'AWS computed another signature but did not say from what, so this answer cannot tell which part differs.',
  detail:
    'Either the secret key is not the one AWS has for this access key ID, or any part of the canonical request AWS rebuilt (method, path, query, a signed header, the body) differs from what we signed. Lambda function URLs and some configurations never show the canonical string. To narrow it down, compare with a known-good signer: sign the same request with curl’s own signer (curl --aws-sigv4) or botocore (the AWS CLI, boto3). If that one works, the request changes on the way or is signed under other rules; if it fails too, check the secret key. Sending the exported curl command from a terminal tells whether the browser changes the request.',
  fix: { label: 'Check the secret key', action: { kind: 'focus-field', field: 'secretAccessKey' } },
};

/** Likely causes of a signature mismatch, from what we signed and what AWS says it computed. */
export function diagnoseMismatch(
  ours: { canonicalRequest: string; stringToSign: string; s3PathRules: boolean },
  theirs: { canonicalRequest?: string; stringToSign?: string },
): MismatchDiagnosis {
  const theirCanonical = theirs.canonicalRequest?.replace(/\r\n/g, '\n');
  const theirStringToSign = theirs.stringToSign?.replace(/\r\n/g, '\n');
  const hasCanonical = theirCanonical !== undefined && theirCanonical !== '';
  const hasStringToSign = theirStringToSign !== undefined && theirStringToSign !== '';
  if (!hasCanonical && !hasStringToSign) return { causes: [cannotTell] };

  const diagnosis: MismatchDiagnosis = { causes: [] };
  const causes = diagnosis.causes;
  let canonicalDiffers = false;
  if (hasCanonical) {
    diagnosis.canonicalRequest = diffLines(ours.canonicalRequest, theirCanonical);
    canonicalDiffers = ours.canonicalRequest !== theirCanonical;
    const mine = splitCanonical(ours.canonicalRequest);
    const theirsParts = splitCanonical(theirCanonical);
    if (mine.method !== theirsParts.method) {
      causes.push({
        id: 'method',
        sentence: `AWS received a ${theirsParts.method} request, we signed ${mine.method}: a client or proxy changed the method (a redirect, a method override).`,
        fix: { label: 'Check the method', action: { kind: 'focus-field', field: 'method' } },
      });
    }
    if (mine.uri !== theirsParts.uri)
      causes.push(pathCause(mine.uri, theirsParts.uri, ours.s3PathRules));
    if (mine.query !== theirsParts.query) causes.push(queryCause(mine.query, theirsParts.query));
    causes.push(...headerCauses(mine, theirsParts));
    if (mine.payloadHash !== theirsParts.payloadHash)
      causes.push(payloadCause(mine.payloadHash, theirsParts.payloadHash));
    if (canonicalDiffers && causes.length === 0) {
      causes.push({
        id: 'unknown',
        sentence:
          'The canonical requests differ in a way not recognized here: compare them line by line below.',
      });
    }
  }
  if (hasStringToSign) {
    diagnosis.stringToSign = diffLines(ours.stringToSign, theirStringToSign);
    const mine = splitStringToSign(ours.stringToSign);
    const theirsParts = splitStringToSign(theirStringToSign);
    causes.push(...stringToSignCauses(mine, theirsParts));
    const scopeOnly = causes.some((cause) => cause.id.startsWith('scope-'));
    if (
      !canonicalDiffers &&
      !scopeOnly &&
      mine.hash !== theirsParts.hash &&
      ours.stringToSign !== theirStringToSign
    ) {
      causes.push({
        id: 'unknown',
        sentence: hasCanonical
          ? 'The canonical requests are equal but their hashes differ: one side hashed other bytes (a character encoding difference).'
          : 'AWS hashed another canonical request than we did, but this answer does not show it.',
      });
    }
  }
  if (causes.length === 0) {
    // Everything AWS signed is what we signed: only the key can differ.
    causes.push(
      {
        id: 'secret-key',
        sentence:
          'AWS built exactly the canonical request and string to sign we did, so the signing key differs: the secret access key is not the one AWS has for this access key ID.',
        detail:
          'Check for a secret from another key pair, a stray space or a missing character at its ends.',
        fix: {
          label: 'Check the secret key',
          action: { kind: 'focus-field', field: 'secretAccessKey' },
        },
      },
      {
        id: 'access-key',
        sentence:
          'Or the access key ID is not the one that belongs to this secret: AWS looked up the secret by the key ID.',
        fix: {
          label: 'Check the access key ID',
          action: { kind: 'focus-field', field: 'accessKeyId' },
        },
      },
    );
  }
  return diagnosis;
}
