// Random requests (test-support/differential) as a client of a local gateway sends them, for the
// differential tests of the gateway and of the relay in front of it.
import type { GatewayConfig } from './gatewayConfig';
import {
  bodyBytes,
  type PathSegment,
  type RequestShape,
  type WireStyle,
} from '../../test-support/differential/requestShapes';

export interface GatewayTarget {
  config: GatewayConfig;
  /** host:port the gateway listens on. */
  host: string;
  /** The gateway's clock (epoch ms): requests are signed at that instant. */
  now: number;
}

/**
 * What is not printable ASCII goes on the wire escaped: a raw byte beyond ASCII in the request
 * line is not HTTP (RFC 9112), and node refuses it with a 400.
 */
const notPrintableAscii = /[^ -~]/;
const onTheWire = <T extends { style: WireStyle }>(piece: T, text: string): T =>
  piece.style === 'raw' && notPrintableAscii.test(text) ? { ...piece, style: 'browser' } : piece;

function identity(config: GatewayConfig, name: string) {
  const found = config.identities.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`The gateway config has no identity ${name}.`);
  return found;
}

/** '..' (written or escaped): it would climb out of the stage, to no route at all. */
const climbsUp = (segment: PathSegment) =>
  'literal' in segment && /^(\.|%2e){2}$/i.test(segment.literal);

/**
 * A random request as a client of the gateway sends it: to its host, under its stage, on a greedy
 * route (`ANY /{proxy+}`, which the config must have), in its region and service, from the admin
 * or temp identity (which its default policies let through), signed at its clock's instant.
 * What a client never puts on the wire is left out: obs-folds (unfolded to a space, as RFC 9112
 * asks of a sender), an Expect it does not mean, a Content-Length other than the body's. The
 * payload is signed (API Gateway hashes the body); a session token is signed with the request.
 */
export function fitGateway(
  shape: RequestShape,
  { config, host, now }: GatewayTarget,
): RequestShape {
  const temporary = shape.accessKeyId.startsWith('ASIA');
  const who = identity(config, temporary ? 'temp' : 'admin');
  const bodyLength = bodyBytes(shape.body)?.length ?? 0;
  let contentLength = false;
  const headers: Array<[string, string]> = [];
  for (const [name, value] of shape.headers) {
    const lower = name.toLowerCase();
    if (lower === 'expect') continue;
    if (lower === 'content-length') {
      if (contentLength) continue;
      contentLength = true;
      headers.push([name, String(bodyLength)]);
      continue;
    }
    headers.push([name, value.replace(/\r\n([ \t])/g, '$1')]);
  }
  return {
    ...shape,
    host,
    emptyPath: false,
    segments: [
      { literal: config.stage },
      { literal: 'proxy' },
      ...shape.segments
        .filter((segment) => !climbsUp(segment))
        .map((segment) => ('text' in segment ? onTheWire(segment, segment.text) : segment)),
    ],
    query: shape.query.map((param) => onTheWire(param, param.name + param.value)),
    headers,
    rules: 'standard',
    payload: 'signed',
    accessKeyId: who.accessKeyId,
    secretAccessKey: who.secretAccessKey,
    sessionToken: who.sessionToken ?? undefined,
    signSessionToken: true,
    regionSet: shape.regionSet.includes('*') ? ['*'] : [config.region],
    region: config.region,
    service: config.service,
    signingDate: new Date(now),
  };
}
