// The clock questions of SigV4: how far the local clock is from AWS's, and when a signature is
// valid. execute-api accepts X-Amz-Date up to 5 minutes either side of its clock (S3: 15); a presigned URL
// is valid from X-Amz-Date for X-Amz-Expires seconds (api-gateway-iam-errors.md).
import { httpDateToAmzDate, parseAmzDate, signatureWindow } from '../signing';

/** Above this many seconds of skew the page warns (AWS allows 300; a minute is worth a note). */
export const SKEW_WARN_SECONDS = 60;

/**
 * Server clock minus local clock in whole seconds, from a response's Date header and the local
 * instant the response arrived; undefined without a readable Date. The header has a resolution
 * of one second, so ±1 is noise.
 */
export function clockSkewSeconds(
  dateHeader: string | undefined,
  receivedAt: number,
): number | undefined {
  if (dateHeader === undefined || !Number.isFinite(receivedAt)) return undefined;
  const serverTime = parseAmzDate(httpDateToAmzDate(dateHeader) ?? '');
  if (serverTime === undefined) return undefined;
  const skew = Math.round((serverTime - receivedAt) / 1000);
  return skew === 0 ? 0 : skew; // never -0
}

/**
 * When a signature made at amzDate is accepted (epoch ms, inclusive): header mode within the
 * service's clock window around X-Amz-Date (signatureWindow); a presigned URL from X-Amz-Date to
 * X-Amz-Date + expiresIn seconds. NaN bounds when amzDate is not ISO 8601 basic format.
 */
export function signatureValidity(
  amzDate: string,
  mode: 'header' | 'query',
  expiresIn: number,
  service: string,
): { notBefore: number; notAfter: number } {
  const signedAt = parseAmzDate(amzDate) ?? NaN;
  if (mode === 'query') return { notBefore: signedAt, notAfter: signedAt + expiresIn * 1000 };
  const { ms } = signatureWindow(service);
  return { notBefore: signedAt - ms, notAfter: signedAt + ms };
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A duration for a countdown: 4:05, 1:02:03, 2d 03:04:05; negative durations get a '-'.
 * Whole seconds, rounded down in size.
 */
export function formatCountdown(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '-' : '';
  let seconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(seconds / 86400);
  seconds -= days * 86400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  if (days > 0) return `${sign}${days}d ${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  if (hours > 0) return `${sign}${hours}:${pad(minutes)}:${pad(seconds)}`;
  return `${sign}${minutes}:${pad(seconds)}`;
}
