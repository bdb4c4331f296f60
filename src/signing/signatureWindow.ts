// How long a header signature is accepted depends on the service that checks it: what the page
// says about it must name whose rule it is, not present API Gateway's as AWS's.
import { SIGNATURE_WINDOW_MS } from './constants';

/** S3 refuses a request whose time is more than 15 minutes from its clock (RequestTimeTooSkewed). */
export const S3_SIGNATURE_WINDOW_MS = 15 * 60 * 1000;

export interface SignatureWindow {
  /** How far X-Amz-Date may be from the server's clock, either way. */
  ms: number;
  /** Whose rule that is, as a phrase: "API Gateway accepts … either way of X-Amz-Date". */
  rule: string;
}

const S3_SERVICES = new Set(['s3', 's3-object-lambda', 's3-outposts']);

/** The clock window of a header signature at `service` (the signing name: execute-api, s3, …). */
export function signatureWindow(service: string): SignatureWindow {
  if (S3_SERVICES.has(service))
    return {
      ms: S3_SIGNATURE_WINDOW_MS,
      rule: 'S3 accepts it up to 15 minutes either way of X-Amz-Date',
    };
  if (service === 'execute-api')
    return {
      ms: SIGNATURE_WINDOW_MS,
      rule: 'API Gateway accepts it 5 minutes either way of X-Amz-Date',
    };
  return {
    ms: SIGNATURE_WINDOW_MS,
    rule: `5 minutes either way of X-Amz-Date is API Gateway's rule and most services'; ${service || 'this service'} may differ`,
  };
}
