// Limits and timeouts that the page and the servers (the relay, the local API Gateway) share. They
// live here, once, so what the page sends by default and what the relay accepts cannot drift apart;
// server/ already imports src/transport for the relay protocol.

const MiB = 1024 * 1024;

/**
 * API Gateway's payload limit for REST APIs, "10 MB" in its quotas, taken as 10 MiB. The local
 * gateway answers 413 above it.
 */
export const API_GATEWAY_MAX_PAYLOAD_BYTES = 10 * MiB;

/**
 * The largest request body the relay carries, in decoded bytes: API Gateway's limit, so a body the
 * relay refuses is one the real API would refuse too, and the page never Base64-encodes more than
 * that into one JSON envelope.
 */
export const RELAY_MAX_REQUEST_BYTES = API_GATEWAY_MAX_PAYLOAD_BYTES;

/**
 * The largest answer body the relay brings back: it reaches the page Base64-encoded in JSON (a
 * third larger) and is decoded there into bytes again, so it is capped like the request.
 */
export const RELAY_MAX_RESPONSE_BYTES = 10 * MiB;

/**
 * How long a send waits for the target when nobody says otherwise: just over API Gateway's 29 s
 * integration timeout, so the 504 of a stuck backend behind API Gateway arrives before the page
 * (or the relay) gives up itself.
 */
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;

/**
 * The longest timeout the page may ask the relay for: long enough for a slow upload of the largest
 * body, short enough that a forgotten request does not hold a connection open for an hour.
 */
export const MAX_SEND_TIMEOUT_MS = 10 * 60_000;
