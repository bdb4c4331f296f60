import type { GatewayRoute } from './gatewayConfig';
import type { WireRequest } from './verifyRequest';

export interface IntegrationResponse {
  status: number;
  body: string;
}

const textDecoder = new TextDecoder();

/**
 * The Lambda of the original write-up, ported: it answers with a JSON string naming the caller,
 * the method and, for a request with a body, the body as text.
 */
function hello(request: WireRequest, callerArn: string): IntegrationResponse {
  const body = textDecoder.decode(request.body);
  const sentence =
    request.method === 'GET' ||
    request.method === 'HEAD' ||
    (body === '' && request.method !== 'POST')
      ? `${callerArn} sent a ${request.method}`
      : `${callerArn} sent a ${request.method} with body: ${body}`;
  return { status: 200, body: JSON.stringify(sentence) };
}

/** Reflects the request as the gateway saw it: for testing clients and the relay byte for byte. */
function echo(request: WireRequest, callerArn: string): IntegrationResponse {
  return {
    status: 200,
    body: JSON.stringify({
      caller: callerArn,
      method: request.method,
      target: request.target,
      headers: request.headers,
      bodyBase64: Buffer.from(request.body).toString('base64'),
    }),
  };
}

export function runIntegration(
  route: GatewayRoute,
  request: WireRequest,
  callerArn: string,
): IntegrationResponse {
  return route.handler === 'echo' ? echo(request, callerArn) : hello(request, callerArn);
}
