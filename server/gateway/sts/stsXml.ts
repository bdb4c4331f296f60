// STS's successful answers, in the XML its query API sends (the shapes of botocore's STS model,
// the order of AWS's documented examples). Values are escaped: a session name or ARN from the
// configuration never breaks the document.
export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Characters XML 1.0 does not allow (controls, lone surrogates, U+FFFE/F) in echoed input. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text content escaped: quotes need no escape outside attributes (STS's texts have many), and
 * characters XML cannot carry become U+FFFD, so echoed input never breaks the document.
 */
export const xmlText = (text: string) =>
  text.replace(NOT_XML, '\uFFFD').replace(/[&<>]/g, (char) => XML_ESCAPES[char]!);

/** STS writes instants to the second: 2026-01-15T11:20:30Z. */
export const stsInstant = (epochMs: number) =>
  new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const metadata = (requestId: string) =>
  `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n`;

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
  assumedRoleArn: string;
  assumedRoleId: string;
}

export function assumeRoleXml(issued: IssuedCredentials, requestId: string): string {
  return (
    `<AssumeRoleResponse xmlns="${STS_XMLNS}">\n  <AssumeRoleResult>\n` +
    `    <AssumedRoleUser>\n      <AssumedRoleId>${xmlText(issued.assumedRoleId)}</AssumedRoleId>\n` +
    `      <Arn>${xmlText(issued.assumedRoleArn)}</Arn>\n    </AssumedRoleUser>\n` +
    `    <Credentials>\n      <AccessKeyId>${issued.accessKeyId}</AccessKeyId>\n` +
    `      <SecretAccessKey>${issued.secretAccessKey}</SecretAccessKey>\n` +
    `      <SessionToken>${issued.sessionToken}</SessionToken>\n` +
    `      <Expiration>${stsInstant(issued.expiresAt)}</Expiration>\n    </Credentials>\n` +
    `  </AssumeRoleResult>\n${metadata(requestId)}</AssumeRoleResponse>\n`
  );
}

export interface CallerIdentityXml {
  arn: string;
  userId: string;
  account: string;
}

export function getCallerIdentityXml(caller: CallerIdentityXml, requestId: string): string {
  return (
    `<GetCallerIdentityResponse xmlns="${STS_XMLNS}">\n  <GetCallerIdentityResult>\n` +
    `    <Arn>${xmlText(caller.arn)}</Arn>\n    <UserId>${xmlText(caller.userId)}</UserId>\n` +
    `    <Account>${caller.account}</Account>\n  </GetCallerIdentityResult>\n` +
    `${metadata(requestId)}</GetCallerIdentityResponse>\n`
  );
}
