// The name of the local gateway's decision header, on its own: the page checks an answer for it
// in the main bundle, while the trace's decoder (iamDecisionTrace.ts) loads only with the view.
import { isLoopbackHost, parseUrl } from '../signing';

/** The response header carrying the trace (lower case, as fetch's Headers give it). */
export const IAM_DECISION_HEADER = 'x-playground-iam-decision';

/**
 * Whether the page believes a decision header on the answer to a request sent to `url`: only
 * from a gateway on this machine. Any API could send the header, and a made-up decision would
 * point the user at the wrong policy.
 */
export const decisionTrustedFrom = (url: string): boolean => isLoopbackHost(parseUrl(url).host);
