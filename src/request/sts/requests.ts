// STS's query API requests (AssumeRole, GetCallerIdentity) in the playground's request shape, so the
// page signs them like any other request and a learner sees SigV4 sign SigV4's own keys.
import { uriEncode } from '../../signing';
import { STS_API_VERSION, STS_GLOBAL_ENDPOINT, STS_GLOBAL_SIGNING_REGION } from './endpoints';

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

/** What the page signs and sends: the same fields as any request it builds. */
export interface StsRequest {
  method: 'POST';
  url: string;
  headers: Array<[name: string, value: string]>;
  body: string;
  region: string;
  service: 'sts';
}

export interface AssumeRoleParams {
  roleArn: string;
  roleSessionName: string;
  /** 900..43200 seconds; STS's default (3600) when left out. */
  durationSeconds?: number | undefined;
  externalId?: string | undefined;
  /** The MFA device's serial number or ARN; tokenCode is needed with it. */
  serialNumber?: string | undefined;
  tokenCode?: string | undefined;
}

export interface EndpointOption {
  /** A region picks its regional endpoint (sts.<region>.amazonaws.com); none picks the global one. */
  region?: string | undefined;
}

export type StsRequestResult = { ok: true; request: StsRequest } | { ok: false; errors: string[] };

// AWS's documented limits (STS API reference, AssumeRole).
// Role name up to 64 characters after an optional path of '/'-ended segments.
const ROLE_ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso(?:-[a-z])?):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const SERIAL_NUMBER = /^[\w+=/:,.@-]{9,256}$/;
const TOKEN_CODE = /^\d{6}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
export const MIN_DURATION_SECONDS = 900;
export const MAX_DURATION_SECONDS = 43200;
/** Inputs longer than this are refused before any regex sees them. */
const MAX_FIELD_LENGTH = 2048;

/** Quoted for a message, shortened so a pasted blob does not flood it. */
function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
}

function checkRegion(region: string | undefined, errors: string[]): void {
  if (region === undefined || region === '') return;
  if (region.length > 64 || !REGION.test(region))
    errors.push(`Region ${quote(region)} is not a region name like us-east-1.`);
}

function endpointOf(region: string | undefined): { url: string; region: string } {
  return region
    ? { url: `https://sts.${region}.amazonaws.com/`, region }
    : { url: STS_GLOBAL_ENDPOINT, region: STS_GLOBAL_SIGNING_REGION };
}

/** The form body in the order botocore writes it: Action, Version, then the members. */
function formBody(pairs: ReadonlyArray<[string, string]>): string {
  return pairs.map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`).join('&');
}

function build(
  action: string,
  members: ReadonlyArray<[string, string]>,
  region: string | undefined,
): StsRequest {
  const endpoint = endpointOf(region);
  return {
    method: 'POST',
    url: endpoint.url,
    headers: [['content-type', FORM_CONTENT_TYPE]],
    body: formBody([['Action', action], ['Version', STS_API_VERSION], ...members]),
    region: endpoint.region,
    service: 'sts',
  };
}

function tooLong(name: string, value: string, errors: string[]): boolean {
  if (value.length <= MAX_FIELD_LENGTH) return false;
  errors.push(`${name} is ${value.length} characters long; STS takes far fewer.`);
  return true;
}

/** Checks the parameters and builds the AssumeRole request; every problem gets its own sentence. */
export function buildAssumeRoleRequest(
  params: AssumeRoleParams,
  options: EndpointOption = {},
): StsRequestResult {
  const errors: string[] = [];
  const { roleArn, roleSessionName, durationSeconds, externalId, serialNumber, tokenCode } = params;
  if (!tooLong('The role ARN', roleArn, errors) && !ROLE_ARN.test(roleArn))
    errors.push(
      `The role ARN ${quote(roleArn)} is not a role ARN: it looks like arn:aws:iam::123456789012:role/name (12-digit account, optional path).`,
    );
  if (!tooLong('The session name', roleSessionName, errors) && !SESSION_NAME.test(roleSessionName))
    errors.push(
      `The session name ${quote(roleSessionName)} must be 2 to 64 characters of letters, digits and _+=,.@-.`,
    );
  if (
    durationSeconds !== undefined &&
    (!Number.isInteger(durationSeconds) ||
      durationSeconds < MIN_DURATION_SECONDS ||
      durationSeconds > MAX_DURATION_SECONDS)
  )
    errors.push(
      `The duration must be a whole number of seconds from ${MIN_DURATION_SECONDS} (15 minutes) to ${MAX_DURATION_SECONDS} (12 hours); ${String(durationSeconds)} is not.`,
    );
  if (
    externalId !== undefined &&
    externalId !== '' &&
    !tooLong('The external ID', externalId, errors) &&
    !EXTERNAL_ID.test(externalId)
  )
    errors.push(
      `The external ID ${quote(externalId)} must be 2 to 1224 characters of letters, digits and _+=,.@:/-.`,
    );
  const hasSerial = serialNumber !== undefined && serialNumber !== '';
  const hasCode = tokenCode !== undefined && tokenCode !== '';
  if (hasSerial && !tooLong('The MFA serial number', serialNumber, errors)) {
    if (!SERIAL_NUMBER.test(serialNumber))
      errors.push(
        `The MFA serial number ${quote(serialNumber)} must be a device ARN such as arn:aws:iam::123456789012:mfa/user (9 to 256 characters).`,
      );
  }
  if (hasSerial && !hasCode)
    errors.push('An MFA serial number needs the 6-digit code the device shows now.');
  if (hasCode && !hasSerial)
    errors.push('An MFA code needs the MFA device’s serial number (its ARN) with it.');
  // The code is a secret of sorts (valid for 30 s): the message never repeats it.
  if (hasCode && !TOKEN_CODE.test(tokenCode)) errors.push('The MFA code must be exactly 6 digits.');
  checkRegion(options.region, errors);
  if (errors.length > 0) return { ok: false, errors };

  const members: Array<[string, string]> = [
    ['RoleArn', roleArn],
    ['RoleSessionName', roleSessionName],
  ];
  if (durationSeconds !== undefined) members.push(['DurationSeconds', String(durationSeconds)]);
  if (externalId) members.push(['ExternalId', externalId]);
  if (hasSerial && hasCode) members.push(['SerialNumber', serialNumber], ['TokenCode', tokenCode]);
  return { ok: true, request: build('AssumeRole', members, options.region || undefined) };
}

/** The GetCallerIdentity request: "who am I?" for whatever credentials sign it. */
export function buildGetCallerIdentityRequest(options: EndpointOption = {}): StsRequestResult {
  const errors: string[] = [];
  checkRegion(options.region, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, request: build('GetCallerIdentity', [], options.region || undefined) };
}
