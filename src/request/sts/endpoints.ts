// Where STS answers and what every request names, apart from the request builders (requests.ts):
// detectScope needs these on the page's first load, the builders only with the first STS call.

/** STS's query API version: every request names it. */
export const STS_API_VERSION = '2011-06-15';
/** The global endpoint signs for us-east-1. */
export const STS_GLOBAL_ENDPOINT = 'https://sts.amazonaws.com/';
export const STS_GLOBAL_SIGNING_REGION = 'us-east-1';
/**
 * Where the local API Gateway (server/gateway) answers STS's query API, after its origin:
 * `http://127.0.0.1:<port>/sts/`. Outside any stage, so it never shadows an API route; the
 * trailing slash matches STS's own endpoints (`https://sts.amazonaws.com/`), and the gateway also
 * takes `/sts`. It signs for us-east-1 (as the global endpoint) or the gateway's region.
 */
export const LOCAL_STS_PATH = '/sts/';
