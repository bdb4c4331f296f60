import type { FixAction } from '../../diagnosis/diagnoseMismatch';
import type { DoctorAdvice, DoctorContext } from '../../diagnosis/errorDoctor';
import { LOCAL_GATEWAY_REGION } from '../../request/defaults';
import type { ParsedAwsError } from '../../diagnosis/parseAwsError';
import type { SigningInput, SigningResult } from '../../signing';

/** What we signed: the artifacts the server's own are compared with. */
export interface OurSigning {
  input: SigningInput;
  result: SigningResult;
}

export function isMismatch(error: ParsedAwsError): boolean {
  return error.kind === 'signature-mismatch' || error.kind === 'signature-mismatch-short';
}

export function doctorContext(
  ours: OurSigning,
  extra: { serverDate?: string; receivedAt?: number } = {},
): DoctorContext {
  const { input } = ours;
  return {
    accessKeyId: input.credentials.accessKeyId,
    hasSessionToken: (input.credentials.sessionToken ?? '') !== '',
    method: input.method,
    url: input.url,
    region: input.region,
    service: input.service,
    ...(extra.serverDate === undefined ? {} : { serverDate: extra.serverDate }),
    ...(extra.receivedAt === undefined ? {} : { receivedAt: extra.receivedAt }),
  };
}

/**
 * The doctor reads the right region from an AWS host name; the local gateway's (127.0.0.1) has
 * none, but the page knows which region the local gateway plays.
 */
export function localGatewayActions(
  error: ParsedAwsError,
  advice: DoctorAdvice,
  context: DoctorContext,
  gatewayUrl: string,
): Array<{ label: string; action: FixAction }> {
  const offersRegion = advice.actions.some((entry) => entry.action.kind === 'set-region');
  const onLocalGateway = context.url === gatewayUrl || context.url.startsWith(`${gatewayUrl}/`);
  if (
    error.kind !== 'wrong-scope' ||
    error.region === undefined ||
    offersRegion ||
    !onLocalGateway ||
    context.region === LOCAL_GATEWAY_REGION
  )
    return [];
  return [
    {
      label: `Use region ${LOCAL_GATEWAY_REGION}`,
      action: { kind: 'set-region', value: LOCAL_GATEWAY_REGION },
    },
  ];
}
