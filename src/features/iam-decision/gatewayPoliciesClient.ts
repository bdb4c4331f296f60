// The page's calls to the playground server's gateway policies API (same origin only): every
// outcome is data, a sentence for the page to show, never a thrown error.
import {
  GATEWAY_POLICIES_PATH,
  type GatewayPoliciesView,
  type PolicyEditAnswer,
  type PolicyEditRequest,
} from '../../diagnosis/gatewayPolicies';

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

const UNREACHABLE =
  'The gateway’s policies can be shown and edited only from the playground’s own server (npm start), which runs the local gateway.';

async function call<T>(init?: RequestInit): Promise<Loaded<T>> {
  let answer: Response;
  try {
    answer = await fetch(GATEWAY_POLICIES_PATH, { cache: 'no-store', ...init });
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
  let body: unknown;
  try {
    body = await answer.json();
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
  if (answer.ok || answer.status === 422) return { ok: true, value: body as T };
  const message = (body as { message?: unknown } | null)?.message;
  return { ok: false, message: typeof message === 'string' ? message : UNREACHABLE };
}

export const loadGatewayPolicies = () => call<GatewayPoliciesView>();

export const sendPolicyEdit = (edit: PolicyEditRequest) =>
  call<PolicyEditAnswer>({
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(edit),
  });
