// What an API must do for the page to call it straight from the browser: the sentence the signing
// options show (without a relay) and a CORS failure's advice both say it. Apart from the failures'
// texts, so the options panel needs none of the transport.
import { SIGNER_HEADERS } from '../signing';
import { isForbiddenRequestHeader } from './forbiddenHeaders';

/** `x-amz-date` → `X-Amz-Date`: header names as people write them in a CORS configuration. */
const titleCase = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());

/**
 * Headers a signed call may carry that an API's CORS configuration has to allow: those the signer
 * writes that a browser sends as given (it sets Host itself), and the body's Content-Type.
 */
const CORS_REQUEST_HEADERS = [
  ...[...SIGNER_HEADERS].filter((name) => !isForbiddenRequestHeader(name)).map(titleCase),
  'Content-Type',
];

/**
 * What an API must do for the page to call it directly (no relay), in one sentence: CORS for this
 * origin, the headers a signature adds, and API Gateway's own switches for it.
 */
export function directModeNeeds(origin: string): string {
  return (
    `the API must allow CORS for ${origin}: on API Gateway, enable CORS on the resource (an OPTIONS method without auth) ` +
    `with Access-Control-Allow-Origin ${origin} and Access-Control-Allow-Headers ${CORS_REQUEST_HEADERS.join(', ')}, ` +
    'and add Access-Control-Allow-Origin to its DEFAULT_4XX and DEFAULT_5XX gateway responses so a 403 can be read'
  );
}
