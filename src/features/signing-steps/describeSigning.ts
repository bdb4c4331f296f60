import {
  ALGORITHM,
  AMZ_DATE_HEADER,
  CONTENT_SHA256_HEADER,
  EMPTY_SHA256,
  encodePathCanonically,
  REGION_SET_HEADER,
  SECURITY_TOKEN_HEADER,
  SIGV4A_ALGORITHM,
  UNSIGNED_PAYLOAD,
  type EffectiveSigningOptions,
  type SigningResult,
} from '../../signing';

/** One line of an artifact with what it is and the rule that produced it. */
export interface AnnotatedLine {
  text: string;
  label: string;
  rule: string;
}

// Canonical header names are lower case.
const AMZ_DATE = AMZ_DATE_HEADER.toLowerCase();
const SECURITY_TOKEN = SECURITY_TOKEN_HEADER.toLowerCase();
const CONTENT_SHA256 = CONTENT_SHA256_HEADER.toLowerCase();
const REGION_SET = REGION_SET_HEADER.toLowerCase();

function signerAdded(name: string, options: EffectiveSigningOptions): string | undefined {
  if (name === 'host') return 'from the URL';
  const byName =
    options.mode === 'header' &&
    (name === AMZ_DATE ||
      (name === SECURITY_TOKEN && options.sessionToken === 'signed') ||
      (name === CONTENT_SHA256 && options.contentSha256Header));
  return byName ? 'added by the signer' : undefined;
}

/**
 * The first segment the second encoding changed, shown before and after each encoding: the
 * double-encoded text has %25 where the once-encoded one has %. Empty when no segment changed.
 */
function doubleEncodingExample(canonicalUri: string): string {
  const segment = canonicalUri.split('/').find((part) => part.includes('%25'));
  if (segment === undefined) return '';
  const once = segment.replaceAll('%25', '%');
  let raw = once;
  try {
    raw = decodeURIComponent(once);
  } catch {
    // Not UTF-8 once decoded: the once-encoded form is the readable one.
  }
  return raw === once ? ` (${once} → ${segment})` : ` (${raw} → ${once} → ${segment})`;
}

function pathRule(
  { normalizePath, doubleEncodePath }: EffectiveSigningOptions,
  canonicalUri: string,
): string {
  const normalized =
    "'.', '..' and doubled '/' removed, a final '/' kept only where the path ends in one";
  if (doubleEncodePath) {
    const twice = `each segment URI-encoded twice, as all services but S3 require${doubleEncodingExample(canonicalUri)}`;
    return normalizePath ? `${twice}; ${normalized}` : twice;
  }
  // Single encoding signs the bytes as sent; say when those are not what AWS's SDKs would send.
  const canonical = encodePathCanonically(canonicalUri);
  const encoding =
    canonical === canonicalUri
      ? ''
      : `; signed as written, not in AWS's canonical encoding (${canonical})`;
  return normalizePath
    ? `${normalized}; not re-encoded${encoding}`
    : `the path exactly as sent, not re-encoded or normalized: the S3 rule${encoding}`;
}

function payloadRule(payloadHash: string): AnnotatedLine {
  if (payloadHash === UNSIGNED_PAYLOAD) {
    return {
      text: payloadHash,
      label: 'UNSIGNED-PAYLOAD',
      rule: 'the literal UNSIGNED-PAYLOAD: the body is not covered by the signature',
    };
  }
  return {
    text: payloadHash,
    label: 'payload hash',
    rule:
      payloadHash === EMPTY_SHA256
        ? 'hex SHA-256 of the empty body'
        : 'hex SHA-256 of the body bytes',
  };
}

/**
 * The canonical request line by line, each labelled, with the rules the signer applied
 * (result.options). Built from the signer's own parts and checked against its canonicalRequest,
 * so a label can never sit next to bytes the signer did not produce; if they ever disagree the
 * lines come back unlabelled rather than wrong.
 */
export function describeCanonicalRequest(result: SigningResult): AnnotatedLine[] {
  const { options } = result;
  const method = result.canonicalRequest.slice(0, result.canonicalRequest.indexOf('\n'));
  const headerLines = result.canonicalHeaders.split('\n');
  if (headerLines[headerLines.length - 1] === '') headerLines.pop();
  const lines: AnnotatedLine[] = [
    { text: method, label: 'method', rule: 'the HTTP method, upper case, as sent' },
    { text: result.canonicalUri, label: 'path', rule: pathRule(options, result.canonicalUri) },
    {
      text: result.canonicalQuery,
      label: 'query',
      rule:
        result.canonicalQuery === ''
          ? 'empty: the request has no query parameters'
          : options.mode === 'query'
            ? `names and values URI-encoded, sorted by name then value; the presigned URL's X-Amz-* parameters included${result.algorithm === 'sigv4a' ? ' (X-Amz-Region-Set too)' : ''}`
            : 'names and values URI-encoded, sorted by name then value',
    },
    ...headerLines.map((line) => {
      const name = line.slice(0, line.indexOf(':'));
      if (name === REGION_SET && result.algorithm === 'sigv4a') {
        return {
          text: line,
          label: 'region set',
          rule: `SigV4A: the regions this signature is valid in, comma-separated, signed in place of the scope's region${options.mode === 'header' ? ' (added by the signer)' : ''}`,
        };
      }
      const added = signerAdded(name, options);
      return {
        text: line,
        label: 'header',
        rule: `name lower-cased, value trimmed, spaces folded${added ? ` (${added})` : ''}`,
      };
    }),
    {
      text: '',
      label: 'empty line',
      rule: 'every header line ends in a newline, so the block ends with an empty line',
    },
    {
      text: result.signedHeaders,
      label: 'signed headers',
      rule: "the header names above, in the same order, joined with ';'",
    },
    payloadRule(result.payloadHash),
  ];
  const rebuilt = lines.map((line) => line.text).join('\n');
  if (rebuilt === result.canonicalRequest) return lines;
  return result.canonicalRequest.split('\n').map((text) => ({ text, label: '', rule: '' }));
}

/** The four lines of the string to sign, labelled. */
export function describeStringToSign(result: SigningResult): AnnotatedLine[] {
  const isSigV4a = result.algorithm === 'sigv4a';
  const lines: AnnotatedLine[] = [
    isSigV4a
      ? {
          text: SIGV4A_ALGORITHM,
          label: 'algorithm',
          rule: `always ${SIGV4A_ALGORITHM} for SigV4A`,
        }
      : { text: ALGORITHM, label: 'algorithm', rule: `always ${ALGORITHM} for SigV4` },
    {
      text: result.amzDate,
      label: 'request date',
      rule: 'the signing time in UTC, basic ISO 8601: the X-Amz-Date value',
    },
    {
      text: result.credentialScope,
      label: 'credential scope',
      rule: isSigV4a
        ? 'date / service / aws4_request: no region, X-Amz-Region-Set says where it is valid'
        : 'date / region / service / aws4_request',
    },
    {
      text: result.canonicalRequestHash,
      label: 'canonical request hash',
      rule: 'hex SHA-256 of the canonical request above',
    },
  ];
  return lines.map((line) => line.text).join('\n') === result.stringToSign
    ? lines
    : result.stringToSign.split('\n').map((text) => ({ text, label: '', rule: '' }));
}
