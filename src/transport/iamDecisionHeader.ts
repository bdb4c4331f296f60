// The local gateway's IAM decision trace on the wire: the answer's header that carries it, the
// request's header that asks for it, and the one rule for where the page asks and believes it.
// Kept apart from the trace's decoder (diagnosis/iamDecisionTrace.ts), which loads only with the
// view, since the page sends and checks answers in its main bundle.
import { getHeaderValues, isLoopbackHost, parseUrl } from '../signing';

/** The response header carrying the trace (lower case, as fetch's Headers give it). */
export const IAM_DECISION_HEADER = 'x-playground-iam-decision';

/**
 * The request header that asks the local gateway for the trace. The gateway sends the trace to a
 * request that carries it, or an Origin (a browser's: the page in direct mode), and to nothing
 * else: scripts and SDKs never read it, so they neither receive 1-2 KiB of it on every answer nor
 * make the gateway write it (server/README.md). Never signed: added after signing, by the transport.
 */
export const IAM_TRACE_REQUEST_HEADER = 'x-playground-iam-trace';

/**
 * Whether the page believes a decision header on the answer to a request sent to `url`: only
 * from a gateway on this machine. Any API could send the header, and a made-up decision would
 * point the user at the wrong policy. It is also where the page asks for one: a request to an
 * API elsewhere never carries the question.
 */
export const decisionTrustedFrom = (url: string): boolean => isLoopbackHost(parseUrl(url).host);

/**
 * The header lines as they go on the wire through the relay: those given, plus the question for
 * the trace when the target is one whose answer the page believes and the lines do not ask already.
 */
export function withTraceQuestion(
  url: string,
  headers: Array<[string, string]>,
): Array<[string, string]> {
  if (!decisionTrustedFrom(url) || getHeaderValues(headers, IAM_TRACE_REQUEST_HEADER).length > 0)
    return headers;
  return [...headers, [IAM_TRACE_REQUEST_HEADER, '1']];
}
