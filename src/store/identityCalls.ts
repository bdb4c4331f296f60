// The work behind the identity slice (identitySlice.ts), loaded with import() on the first "Who am
// I?" or "Assume role": building STS's requests, planning them like the form (planSigning),
// signing, sending, and reading STS's answers. None of it is needed for the page's first signature.
import {
  buildAssumeRoleRequest,
  buildGetCallerIdentityRequest,
  parseAssumeRoleResponse,
  parseGetCallerIdentityResponse,
  type AssumeRoleParams,
  type StsRequest,
  type StsResult,
} from '../request/sts';
import type { SigningResult } from '../signing';
import type { OutgoingRequest } from '../transport/sendRequest';
import { selectActiveCredentials } from './activeCredentials';
import type { AssumedCredentials, ProfileEntry } from './profilesState';
import type { AssumedRole, AssumeRoleForm, StsCall, StsOutcome } from './identityState';
import { defaultOptionsFields } from './optionsSlice';
import { planSigning, withSigningDate } from './planSigning';
import type { PlaygroundDeps, PlaygroundState, StoreGet } from './playgroundState';
import { snapshotOptions } from './requestSnapshot';
import {
  atTarget,
  describeTarget,
  failureSentence,
  signingTimeText,
  stsRequestFields,
  stsTargetFor,
} from './stsCalls';

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** The keys that sign: typed, or a profile's by name ('' for typed). */
type Signer = { ok: true; keys: Keys; profile: string } | { ok: false; sentence: string };

/** The keys profile `name` signs with (as the request would with it), or why it cannot sign. */
function profileSigner(state: PlaygroundState, name: string): Signer {
  const active = selectActiveCredentials({
    ...state,
    request: { ...state.request, profile: name },
  });
  if (active.blocked !== null) return { ok: false, sentence: active.blocked };
  return { ok: true, profile: name, keys: active };
}

function typedSigner(state: PlaygroundState): Signer {
  const { accessKeyId, secretAccessKey, sessionToken } = state.credentials;
  return { ok: true, profile: '', keys: { accessKeyId, secretAccessKey, sessionToken } };
}

const refused = (sentence: string) => ({ kind: 'error', sentence, code: '', call: null }) as const;

/** A session name when the profile names none, as botocore makes one: unique per second. */
const defaultSessionName = (now: number) => `sigv4-playground-${Math.floor(now / 1000)}`;

type Sent = { ok: true; status: number; body: string; call: StsCall } | StsOutcome<never>;

/**
 * Plans the request from its form fields as the form is planned, signs it with the signer's keys
 * (the page's signer), sends it with the page's transport, and brings back STS's answer as text.
 */
async function send(
  get: StoreGet,
  deps: PlaygroundDeps,
  request: StsRequest,
  action: StsCall['action'],
  signer: Extract<Signer, { ok: true }>,
  endpoint: string,
): Promise<Sent> {
  const state = get();
  const now = deps.now() + state.options.clockOffsetSeconds * 1000;
  const fields = stsRequestFields(request, {
    signingTime: signingTimeText(now),
    profile: signer.profile,
    gatewayUrl: state.options.gatewayUrl,
  });
  // A new tab's options (tabsSlice's freshTab) with the page's transport: the tab opened from
  // this call plans the same input.
  const options = { ...state.options, ...snapshotOptions(defaultOptionsFields()) };
  const plan = planSigning({ request: fields, credentials: signer.keys, options });
  const keyId = signer.keys.accessKeyId || 'no access key ID';
  const signedWith =
    signer.profile === ''
      ? `the keys typed in Credentials (${keyId})`
      : `profile ${signer.profile} (${keyId})`;
  const call: StsCall = { action, fields, endpoint, signedWith };
  const problem =
    plan.blockers[0] ??
    plan.issues.find(
      (issue) => issue.severity === 'error' && issue.field.startsWith('credentials.'),
    )?.message;
  if (problem !== undefined) return { ...refused(problem), call };

  const input = withSigningDate(plan, now);
  let signing: SigningResult;
  try {
    signing = await deps.signRequest(input);
  } catch (error) {
    return refused(
      `The STS request could not be signed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const outgoing: OutgoingRequest = {
    method: input.method,
    url: signing.url,
    headers: signing.headers,
    body: request.body,
  };
  const outcome = await deps.sendRequest(outgoing, { mode: plan.transport }).catch(
    (error: unknown) =>
      ({
        kind: 'failure',
        failure: {
          kind: 'network',
          title: 'Sending failed',
          message: error instanceof Error ? error.message : String(error),
          advice: 'Try again.',
        },
      }) as const,
  );
  if (outcome.kind === 'failure')
    return {
      kind: 'error',
      sentence: `${endpoint} could not be reached. ${failureSentence(outcome.failure)}`,
      code: '',
      call,
    };
  const { answer } = outcome;
  return { ok: true, status: answer.status, body: new TextDecoder().decode(answer.body), call };
}

function settle<T>(result: StsResult<T>, call: StsCall): StsOutcome<T> {
  return result.ok
    ? { kind: 'ok', value: result.value, call }
    : { kind: 'error', sentence: result.error.sentence, code: result.error.code, call };
}

/** Where the request on screen's STS is: the local gateway's, or AWS's in its region. */
function target(state: PlaygroundState, region?: string) {
  const { request, options, signing } = state;
  return stsTargetFor(request.url, options.gatewayUrl, region ?? signing.plan.scope.region.value);
}

/** GetCallerIdentity, signed with the credentials the request signs with. */
export async function callGetCallerIdentity(
  get: StoreGet,
  deps: PlaygroundDeps,
): Promise<StsOutcome<{ account: string; arn: string; userId: string }>> {
  const state = get();
  const active = selectActiveCredentials(state);
  if (active.blocked !== null) return refused(active.blocked);
  const signer: Signer = {
    ok: true,
    profile: active.source.kind === 'profile' ? active.source.name : '',
    keys: active,
  };
  const where = target(state);
  const built = buildGetCallerIdentityRequest(where.region === undefined ? {} : where);
  if (!built.ok) return refused(built.errors.join(' '));
  const request = atTarget(built.request, where);
  const sent = await send(
    get,
    deps,
    request,
    'GetCallerIdentity',
    signer,
    describeTarget(request, where),
  );
  return 'ok' in sent
    ? settle(parseGetCallerIdentityResponse(sent.body, sent.status), sent.call)
    : sent;
}

/**
 * AssumeRole for role profile `name`, signed with its source profile's keys (the typed ones when
 * it names none). The temporary keys come back apart from the outcome, which holds no secret.
 */
export async function callAssumeRole(
  get: StoreGet,
  deps: PlaygroundDeps,
  name: string,
  tokenCode: string | undefined,
): Promise<{ outcome: StsOutcome<AssumedRole>; credentials?: AssumedCredentials }> {
  const state = get();
  const now = deps.now();
  const entry = state.profiles.list.find((candidate) => candidate.name === name);
  if (entry?.kind !== 'assume-role' || !entry.roleArn)
    return { outcome: refused(`“${name}” is not a role profile (it has no role_arn).`) };
  const signer =
    entry.sourceProfile === undefined || entry.sourceProfile === ''
      ? typedSigner(state)
      : profileSigner(state, entry.sourceProfile);
  if (!signer.ok) return { outcome: refused(signer.sentence) };
  const params: AssumeRoleParams = {
    roleArn: entry.roleArn,
    roleSessionName: entry.roleSessionName ?? defaultSessionName(now),
    durationSeconds: entry.durationSeconds,
    externalId: entry.externalId,
    serialNumber: entry.mfaSerial,
    tokenCode,
  };
  const where = target(state, entry.region);
  const built = buildAssumeRoleRequest(params, where.region === undefined ? {} : where);
  if (!built.ok) return { outcome: refused(built.errors.join(' ')) };
  const request = atTarget(built.request, where);
  const sent = await send(get, deps, request, 'AssumeRole', signer, describeTarget(request, where));
  if (!('ok' in sent)) return { outcome: sent };
  const result = parseAssumeRoleResponse(sent.body, sent.status);
  if (!result.ok) return { outcome: settle(result, sent.call) };
  const { accessKeyId, secretAccessKey, sessionToken, expiration, assumedRoleArn } = result.value;
  return {
    outcome: { kind: 'ok', value: { assumedRoleArn, accessKeyId, expiration }, call: sent.call },
    credentials: { accessKeyId, secretAccessKey, sessionToken, expiration },
  };
}

/**
 * The "Assume role" form as a role profile, or its problems, one sentence each. The MFA code is
 * not kept in the profile: it works once.
 */
export function roleProfileOfForm(
  form: AssumeRoleForm,
  list: readonly ProfileEntry[],
  now: number,
): { ok: true; entry: ProfileEntry; tokenCode: string } | { ok: false; problems: string[] } {
  const name = form.name.trim();
  const duration = form.durationSeconds.trim();
  const params: AssumeRoleParams = {
    roleArn: form.roleArn.trim(),
    roleSessionName: form.roleSessionName.trim() || defaultSessionName(now),
    durationSeconds: duration === '' ? undefined : Number(duration),
    externalId: form.externalId.trim(),
    serialNumber: form.mfaSerial.trim(),
    tokenCode: form.tokenCode.trim(),
  };
  const problems: string[] = [];
  if (!/^[\w.@+=,-]{1,64}$/.test(name))
    problems.push('Name the role profile: 1 to 64 letters, digits and _.@+=,-');
  const built = buildAssumeRoleRequest(params);
  if (!built.ok) problems.push(...built.errors);
  const existing = list.find((entry) => entry.name === name);
  if (existing !== undefined && existing.kind !== 'assume-role')
    problems.push(`Profile “${name}” holds keys: choose another name for the role profile.`);
  if (form.sourceProfile !== '' && form.sourceProfile === name)
    problems.push('A role profile cannot be its own source profile.');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    tokenCode: params.tokenCode ?? '',
    entry: {
      name,
      kind: 'assume-role',
      roleArn: params.roleArn,
      ...(form.sourceProfile === '' ? {} : { sourceProfile: form.sourceProfile }),
      ...(form.roleSessionName.trim() === '' ? {} : { roleSessionName: params.roleSessionName }),
      ...(params.durationSeconds === undefined ? {} : { durationSeconds: params.durationSeconds }),
      ...(params.externalId ? { externalId: params.externalId } : {}),
      ...(params.serialNumber ? { mfaSerial: params.serialNumber } : {}),
    },
  };
}
