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
import type { IdentitySlice, StsCall, StsOutcome } from './identityState';
import { defaultOptionsFields } from './optionsSlice';
import { planSigning, withSigningDate } from './planSigning';
import type { PlaygroundDeps, PlaygroundState, StoreGet, StoreSet } from './playgroundState';
import type { ProfileEntry } from './profilesState';
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
 * "Who am I?" and "Assume role": the page's own STS calls, planned from the form's fields
 * (planSigning), signed by the page's signer and sent by its transport (relay or direct, as the
 * page is set), like any other request, so a tab opened from a call shows the same signature.
 */
export function createIdentitySlice(
  set: StoreSet,
  get: StoreGet,
  deps: PlaygroundDeps,
): IdentitySlice {
  // The latest call per key ('who' or a role profile's name): an older answer never replaces it.
  const latest = new Map<string, number>();
  let counter = 0;
  const begin = (key: string) => {
    counter += 1;
    latest.set(key, counter);
    return counter;
  };
  const current = (key: string, id: number) => latest.get(key) === id;

  const setWhoAmI = (whoAmI: IdentitySlice['whoAmI']) =>
    set((state) => ({ identity: { ...state.identity, whoAmI } }));
  const setAssumed = (name: string, outcome: IdentitySlice['assumed'][string]) =>
    set((state) => ({
      identity: { ...state.identity, assumed: { ...state.identity.assumed, [name]: outcome } },
    }));

  /** Signs the request with the signer's keys, sends it, and brings back STS's answer as text. */
  async function send(
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
    const call: StsCall = { action, fields, endpoint };
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
    const outcome = await deps
      .sendRequest(outgoing, { mode: plan.transport })
      .catch((error: unknown) => ({
        kind: 'failure' as const,
        failure: {
          kind: 'network' as const,
          title: 'Sending failed',
          message: error instanceof Error ? error.message : String(error),
          advice: 'Try again.',
        },
      }));
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

  /** Where the request on screen's STS is: local gateway, or AWS in its region. */
  function target(region?: string) {
    const { request, options, signing } = get();
    return stsTargetFor(request.url, options.gatewayUrl, region ?? signing.plan.scope.region.value);
  }

  const slice: IdentitySlice = {
    whoAmI: { kind: 'idle' },
    assumed: {},

    checkWhoAmI: async () => {
      const id = begin('who');
      const state = get();
      const active = selectActiveCredentials(state);
      if (active.blocked !== null) return setWhoAmI(refused(active.blocked));
      const signer: Signer = {
        ok: true,
        profile: active.source.kind === 'profile' ? active.source.name : '',
        keys: active,
      };
      const where = target();
      const built = buildGetCallerIdentityRequest(where.region === undefined ? {} : where);
      if (!built.ok) return setWhoAmI(refused(built.errors.join(' ')));
      const request = atTarget(built.request, where);
      setWhoAmI({ kind: 'calling' });
      const sent = await send(request, 'GetCallerIdentity', signer, describeTarget(request, where));
      if (!current('who', id)) return;
      setWhoAmI(
        'ok' in sent
          ? settle(parseGetCallerIdentityResponse(sent.body, sent.status), sent.call)
          : sent,
      );
    },

    assumeRole: async (name, tokenCode) => {
      const id = begin(name);
      const state = get();
      const now = deps.now();
      const entry = state.profiles.list.find((candidate) => candidate.name === name);
      if (entry?.kind !== 'assume-role' || !entry.roleArn)
        return setAssumed(name, refused(`“${name}” is not a role profile (it has no role_arn).`));
      const signer =
        entry.sourceProfile === undefined || entry.sourceProfile === ''
          ? typedSigner(state)
          : profileSigner(state, entry.sourceProfile);
      if (!signer.ok) return setAssumed(name, refused(signer.sentence));
      const params: AssumeRoleParams = {
        roleArn: entry.roleArn,
        roleSessionName: entry.roleSessionName ?? defaultSessionName(now),
        durationSeconds: entry.durationSeconds,
        externalId: entry.externalId,
        serialNumber: entry.mfaSerial,
        tokenCode,
      };
      const where = target(entry.region);
      const built = buildAssumeRoleRequest(params, where.region === undefined ? {} : where);
      if (!built.ok) return setAssumed(name, refused(built.errors.join(' ')));
      const request = atTarget(built.request, where);
      setAssumed(name, { kind: 'calling' });
      const sent = await send(request, 'AssumeRole', signer, describeTarget(request, where));
      if (!current(name, id)) return;
      if (!('ok' in sent)) return setAssumed(name, sent);
      const result = parseAssumeRoleResponse(sent.body, sent.status);
      if (!result.ok) return setAssumed(name, settle(result, sent.call));
      const { accessKeyId, secretAccessKey, sessionToken, expiration, assumedRoleArn } =
        result.value;
      get().profiles.setAssumed(name, { accessKeyId, secretAccessKey, sessionToken, expiration });
      // The role's keys become the ones the request signs with.
      get().request.setField('profile', name);
      setAssumed(name, {
        kind: 'ok',
        value: { assumedRoleArn, accessKeyId, expiration },
        call: sent.call,
      });
    },

    assumeRoleWith: async (form) => {
      const name = form.name.trim();
      const duration = form.durationSeconds.trim();
      const params: AssumeRoleParams = {
        roleArn: form.roleArn.trim(),
        roleSessionName: form.roleSessionName.trim() || defaultSessionName(deps.now()),
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
      const list = get().profiles.list;
      const existing = list.find((entry) => entry.name === name);
      if (existing !== undefined && existing.kind !== 'assume-role')
        problems.push(`Profile “${name}” holds keys: choose another name for the role profile.`);
      if (form.sourceProfile !== '' && form.sourceProfile === name)
        problems.push('A role profile cannot be its own source profile.');
      if (problems.length > 0) return problems;
      const entry: ProfileEntry = {
        name,
        kind: 'assume-role',
        roleArn: params.roleArn,
        ...(form.sourceProfile === '' ? {} : { sourceProfile: form.sourceProfile }),
        ...(form.roleSessionName.trim() === '' ? {} : { roleSessionName: params.roleSessionName }),
        ...(params.durationSeconds === undefined
          ? {}
          : { durationSeconds: params.durationSeconds }),
        ...(params.externalId ? { externalId: params.externalId } : {}),
        ...(params.serialNumber ? { mfaSerial: params.serialNumber } : {}),
      };
      get().profiles.replaceAll(
        existing === undefined
          ? [...list, entry]
          : list.map((candidate) => (candidate.name === name ? entry : candidate)),
      );
      await slice.assumeRole(name, params.tokenCode);
      return [];
    },

    showSigning: (call) => {
      if (!get().tabs.openNew()) return false;
      set((state) => ({ request: { ...state.request, ...call.fields } }));
      return true;
    },
  };
  return slice;
}
