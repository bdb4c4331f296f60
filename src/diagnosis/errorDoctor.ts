// What an AWS error answer means for the request just sent, and what to do about it, with one-click
// fixes where the playground has them. One entry per answer of api-gateway-iam-errors.md.
import { detectScope } from '../request/detectScope';
import { explainErrorType } from './explainErrorType';
import { ALGORITHM, parseAmzDate, parseUrl, SIGV4A_ALGORITHM } from '../signing';
import { clockSkewSeconds } from './clockSkew';
import type { FixAction } from './diagnoseMismatch';
import type { ParsedAwsError } from './parseAwsError';
import { allowStatement } from './suggestStatement';

export interface DoctorAdvice {
  title: string;
  meaning: string;
  steps: string[];
  actions: Array<{ label: string; action: FixAction }>;
  resourceArn?: string;
  policyStatement?: string;
}

export interface DoctorContext {
  accessKeyId: string;
  hasSessionToken: boolean;
  method: string;
  url: string;
  region: string;
  service: string;
  /** The response's Date header. */
  serverDate?: string;
  /** Epoch ms when the answer arrived. */
  receivedAt?: number;
}

type Action = { label: string; action: FixAction };

/**
 * "Who am I?" (sts:GetCallerIdentity with the same keys), offered whenever the answer is about the
 * identity: the first question when AWS does not know the key, or knows it and still says no.
 */
const whoAmI: Action = { label: 'Who am I?', action: { kind: 'who-am-i' } };

const focus = (label: string, field: Extract<FixAction, { kind: 'focus-field' }>['field']) => ({
  label,
  action: { kind: 'focus-field', field } as FixAction,
});

/** Stage, resource path and whether the URL is an execute-api one, as API Gateway reads it. */
function readInvokeUrl(url: string): { stage: string; resourcePath: string; host: string } {
  const parsed = parseUrl(url.trim());
  const segments = parsed.path.split('/').filter((segment) => segment !== '');
  let decoded = segments;
  try {
    decoded = segments.map((segment) => decodeURIComponent(segment));
  } catch {
    // keep them as written
  }
  return {
    host: parsed.host,
    stage: decoded[0] ?? '',
    resourcePath: '/' + decoded.slice(1).join('/'),
  };
}

/** The resource ARN API Gateway checks: arn:aws:execute-api:region:account:api/stage/METHOD/path. */
function invokedResourceArn(context: DoctorContext, callerArn: string | undefined): string {
  const { host, stage, resourcePath } = readInvokeUrl(context.url);
  const apiId = /^([a-z0-9]+)(?:-vpce-[a-z0-9]+)?\.execute-api\./.exec(host)?.[1] ?? '*';
  const account = /^arn:aws[\w-]*:[^:]*:[^:]*:(\d{12}):/.exec(callerArn ?? '')?.[1] ?? '*';
  const region = context.region || '*';
  return `arn:aws:execute-api:${region}:${account}:${apiId}/${stage || '*'}/${context.method.toUpperCase()}/${resourcePath.replace(/^\//, '')}`;
}

/** Seconds to add to the local clock to sign with the server's, from the best evidence there is. */
function serverClockOffset(error: ParsedAwsError, context: DoctorContext): number | undefined {
  if (context.receivedAt !== undefined) {
    const fromHeader = clockSkewSeconds(context.serverDate, context.receivedAt);
    if (fromHeader !== undefined) return fromHeader;
    const serverTime = parseAmzDate(error.serverTime ?? '');
    if (serverTime !== undefined) return Math.round((serverTime - context.receivedAt) / 1000);
  }
  return undefined;
}

function describeOffset(seconds: number): string {
  const abs = Math.abs(seconds);
  const amount =
    abs >= 3600
      ? `${(abs / 3600).toFixed(1)} h`
      : abs >= 60
        ? `${Math.round(abs / 60)} min`
        : `${abs} s`;
  return seconds === 0
    ? 'Your clock agrees with the server’s'
    : `The server’s clock is ${amount} ${seconds > 0 ? 'ahead of' : 'behind'} yours`;
}

function clockAdvice(error: ParsedAwsError, context: DoctorContext): DoctorAdvice {
  const expired = error.kind === 'signature-expired';
  const offset = serverClockOffset(error, context);
  const presigned = error.window !== undefined && /sec/.test(error.window);
  const steps: string[] = [];
  if (error.requestTime !== undefined && error.serverTime !== undefined) {
    steps.push(
      `The request was signed for ${error.requestTime}; the server’s time was ${error.serverTime}.`,
    );
  }
  if (offset !== undefined) steps.push(`${describeOffset(offset)}.`);
  if (presigned) {
    steps.push(
      'A presigned URL is only valid for X-Amz-Expires seconds after X-Amz-Date: presign it again.',
    );
  } else {
    steps.push(
      'If you set a fixed signing time, go back to signing with the current time.',
      'If your computer’s clock is off, set it from the network (NTP), or sign with the server’s clock.',
    );
  }
  const actions: Action[] = [
    { label: 'Sign with the current time', action: { kind: 'set-signing-time', value: '' } },
  ];
  if (offset !== undefined && offset !== 0) {
    actions.push({
      label: 'Sign with the server’s clock',
      action: { kind: 'set-clock-offset', seconds: offset },
    });
  }
  return {
    title: expired ? 'Signature expired' : 'Signature not yet valid',
    meaning: expired
      ? presigned
        ? 'The presigned URL is past its expiry (X-Amz-Date plus X-Amz-Expires).'
        : 'X-Amz-Date is more than 5 minutes before the server’s clock: the request was signed too long ago, with a fixed signing time in the past, or your clock is behind.'
      : 'X-Amz-Date is more than 5 minutes after the server’s clock: a fixed signing time in the future, or your clock is ahead.',
    steps,
    actions,
  };
}

function missingTokenAdvice(context: DoctorContext): DoctorAdvice {
  const { stage, resourcePath } = readInvokeUrl(context.url);
  const method = context.method.toUpperCase();
  const steps = [
    'The request carries a signature (an Authorization header, or X-Amz-Signature in a presigned URL); a proxy or the browser may have dropped the header.',
    stage === ''
      ? 'The URL names a stage: https://{api-id}.execute-api.{region}.amazonaws.com/{stage}/{path} (an HTTP API’s $default stage has none).'
      : `The stage “${stage}” exists and is deployed (the first path segment is the stage, unless the API uses $default or a custom domain).`,
    `The resource “${resourcePath}” exists in that stage’s deployment (paths are case-sensitive; redeploy after adding it).`,
    `The method ${method} is defined on “${resourcePath}” (or ANY is), with AWS_IAM authorization.`,
  ];
  if (method === 'OPTIONS')
    steps.push('OPTIONS is the CORS preflight: it needs its own method without IAM authorization.');
  return {
    title: 'Missing Authentication Token',
    meaning:
      'Unsigned, or no such stage, path or method: API Gateway answers an unsigned request and a request for a stage, path or method that does not exist the same way, so check both.',
    steps,
    actions: [focus('Check the URL', 'url'), focus('Check the method', 'method')],
  };
}

function unrecognizedAdvice(context: DoctorContext): DoctorAdvice {
  const temporary = context.accessKeyId.startsWith('ASIA');
  const steps: string[] = [];
  const actions: Action[] = [];
  if (temporary && !context.hasSessionToken) {
    steps.push(
      'The access key starts with ASIA: it is a temporary key and only works with its session token. Paste the token into Session token.',
    );
    actions.push(focus('Add the session token', 'sessionToken'));
  } else if (temporary) {
    steps.push(
      'The key is temporary (ASIA…): check that the session token belongs to this very key (copy key, secret and token from the same credentials).',
    );
    actions.push(focus('Check the session token', 'sessionToken'));
  } else {
    if (context.hasSessionToken)
      steps.push(
        'A long-term key (AKIA…) takes no session token: remove it, or use the temporary key it belongs to.',
      );
    steps.push(
      'Check the access key ID: it must exist and be active in the account, and belong to the partition of the endpoint (aws, aws-cn, aws-us-gov).',
    );
    actions.push(focus('Check the access key ID', 'accessKeyId'));
    if (context.hasSessionToken) actions.push(focus('Check the session token', 'sessionToken'));
  }
  return {
    title: 'Unrecognized access key or session token',
    meaning:
      'AWS does not know this access key ID, or temporary credentials came without their session token or with one that is not theirs.',
    steps,
    actions: [...actions, whoAmI],
  };
}

function accessDeniedAdvice(error: ParsedAwsError, context: DoctorContext): DoctorAdvice {
  const resourceArn = error.resourceArn ?? invokedResourceArn(context, error.callerArn);
  const caller = error.callerArn ?? 'the caller';
  const advice: DoctorAdvice = {
    title: error.explicitDeny ? 'Access denied by an explicit Deny' : 'Access denied',
    meaning: error.explicitDeny
      ? `The signature is valid, but a policy explicitly denies ${caller} execute-api:Invoke on ${resourceArn}; no Allow can override it.`
      : `The signature is valid and AWS knows ${caller}, but no policy allows it execute-api:Invoke on ${resourceArn}.`,
    steps: [
      // Which policy denied, when AWS's message says: the first thing to check.
      ...(error.explanation !== undefined ? [error.explanation] : []),
      ...(error.explicitDeny
        ? [
            'Find the Deny statement that matches: the caller’s identity policies, permission boundary, SCPs, and the API’s resource policy.',
            'Narrow or remove that Deny; adding an Allow does not help.',
          ]
        : [
            `Attach a policy to ${caller} that allows execute-api:Invoke on ${resourceArn} (the statement below), or on a pattern that matches it (* and ? wildcards).`,
            'If the API has a resource policy, it must allow the caller too (or not deny it).',
            'Check that the ARN’s stage, method and path are the ones you mean to call.',
          ]),
    ],
    actions: [whoAmI],
    resourceArn,
  };
  // Ready to copy: the same statement the IAM decision view suggests.
  if (!error.explicitDeny)
    advice.policyStatement = JSON.stringify(
      allowStatement('execute-api:Invoke', resourceArn),
      null,
      2,
    );
  return advice;
}

function wrongScopeAdvice(error: ParsedAwsError, context: DoctorContext): DoctorAdvice {
  const steps: string[] = [];
  const actions: Action[] = [];
  const detected = detectScope(context.url);
  if (error.region !== undefined) {
    const region =
      detected.region !== undefined && detected.region !== error.region
        ? detected.region
        : undefined;
    steps.push(
      region === undefined
        ? `The region “${error.region}” is not the API’s: use the region the API is deployed in (in its host name, {api-id}.execute-api.{region}.amazonaws.com).`
        : `The region “${error.region}” is not the API’s; the URL says ${region}.`,
    );
    if (region !== undefined)
      actions.push({
        label: `Use region ${region}`,
        action: { kind: 'set-region', value: region },
      });
  }
  if (error.expectedService !== undefined) {
    steps.push(
      `The service (signing name) must be “${error.expectedService}”, not “${context.service}”.`,
    );
    actions.push({
      label: `Use service ${error.expectedService}`,
      action: { kind: 'set-service', value: error.expectedService },
    });
  }
  if (error.terminator !== undefined)
    steps.push(`The credential scope must end in aws4_request, not “${error.terminator}”.`);
  if (error.scopeDate !== undefined) {
    steps.push(
      `The Credential’s date ${error.scopeDate} must be the date of X-Amz-Date (${error.requestDate ?? '?'}): sign again so both come from the same instant.`,
    );
    actions.push({
      label: 'Sign with the current time',
      action: { kind: 'set-signing-time', value: '' },
    });
  }
  return {
    title: 'Wrong credential scope',
    meaning:
      'The signature’s credential scope (date/region/service/aws4_request) names another region or service than the API’s, so AWS did not even check the signature.',
    steps,
    actions,
  };
}

/** Advice for an AWS error answer, for the request it answered; undefined when there is none. */
export function adviseOnError(
  error: ParsedAwsError,
  context: DoctorContext,
): DoctorAdvice | undefined {
  try {
    return advise(error, context);
  } catch {
    return undefined;
  }
}

function advise(error: ParsedAwsError, context: DoctorContext): DoctorAdvice | undefined {
  switch (error.kind) {
    case 'signature-mismatch':
      return {
        title: 'Signature mismatch',
        meaning:
          'AWS rebuilt the canonical request from what it received and got another signature. It shows what it computed: the comparison with what we signed points at the difference.',
        steps: [
          'Look at the differing lines: a changed path, query, header or body means the request changed on the way (or is signed under other rules).',
          'If every line is equal, the secret key is wrong for this access key ID.',
        ],
        actions: [focus('Check the secret key', 'secretAccessKey')],
      };
    case 'signature-mismatch-short':
      return {
        title: 'Signature mismatch',
        meaning:
          'AWS computed another signature but this answer does not show its canonical request (Lambda function URLs and some configurations never do).',
        steps: [
          'Check the secret key: it must be the one that belongs to this access key ID, without stray spaces.',
          'Compare with a known-good signer: curl’s own (curl --aws-sigv4 "aws:amz:REGION:SERVICE") or botocore (the AWS CLI, boto3). If it works, something changes the request on the way, or it is signed under other rules (S3 path rules, the service name).',
          'Send the exported curl command from a terminal: if it works there, the browser or a proxy changes the request.',
          'Headers a proxy or the browser changes (connection, content-type charset, host) must not be signed.',
        ],
        actions: [focus('Check the secret key', 'secretAccessKey')],
      };
    case 'signature-expired':
    case 'signature-not-yet-current':
      return clockAdvice(error, context);
    case 'missing-authentication-token':
      return missingTokenAdvice(context);
    case 'unrecognized-client':
      return unrecognizedAdvice(context);
    case 'expired-token':
      return {
        title: 'Session token expired',
        meaning:
          'These temporary credentials have expired: AWS no longer accepts their session token.',
        steps: [
          'Get new temporary credentials (aws sts get-session-token, aws configure export-credentials, or your SSO login) and paste all three parts: key, secret and token.',
        ],
        actions: [focus('Paste new credentials', 'accessKeyId'), whoAmI],
      };
    case 'access-denied':
      return accessDeniedAdvice(error, context);
    case 'wrong-scope':
      return wrongScopeAdvice(error, context);
    case 'malformed-date':
      return {
        title: 'Malformed X-Amz-Date',
        meaning: `X-Amz-Date must be ISO 8601 basic format, like 20150830T123600Z${error.invalidValue === undefined ? '' : `; AWS got “${error.invalidValue}”`}.`,
        steps: [
          'Let the signer write X-Amz-Date: remove any X-Amz-Date header you added yourself, and sign with the current time.',
        ],
        actions: [
          { label: 'Sign with the current time', action: { kind: 'set-signing-time', value: '' } },
        ],
      };
    case 'signed-header-missing': {
      const name = error.missingHeader ?? '';
      return {
        title: 'A signed header did not arrive',
        meaning: `The signature names ${name} among its SignedHeaders, but the request AWS received has no ${name} header: the client, browser or a proxy dropped it.`,
        steps: [
          `Stop signing ${name}, or make sure it is sent (browsers refuse to send some headers, and send others only on some requests).`,
        ],
        actions:
          name === ''
            ? []
            : [{ label: `Stop signing ${name}`, action: { kind: 'unsign-header', name } }],
      };
    }
    case 'host-not-signed':
      return {
        title: 'Host is not signed',
        meaning: 'SigV4 requires the Host header to be among the signed headers.',
        steps: ['Remove host from the headers left unsigned, and send the request again.'],
        actions: [],
      };
    case 'incomplete-signature': {
      const parts = error.missingParts ?? [];
      const steps =
        parts.length > 0
          ? [`The Authorization header lacks: ${parts.join(', ')}.`]
          : ['The Authorization header or the presigned URL’s X-Amz-* parameters are malformed.'];
      if (
        error.authorization !== undefined &&
        !error.authorization.startsWith(ALGORITHM) &&
        !error.authorization.startsWith(SIGV4A_ALGORITHM)
      )
        steps.push(
          'The Authorization header is not a SigV4 one (a Bearer or Basic token?): this route uses IAM authorization, which needs a SigV4 signature.',
        );
      steps.push('Let the signer write the Authorization header; remove one you set by hand.');
      return {
        title: 'Incomplete signature',
        meaning: 'AWS could not read a complete SigV4 signature from the request.',
        steps,
        actions: [],
      };
    }
    case 'unknown': {
      const meaning = error.explanation ?? explainErrorType(error.type ?? null);
      if (meaning === undefined) return undefined;
      return { title: error.type ?? 'AWS error', meaning, steps: [], actions: [] };
    }
  }
}
