// An API Gateway signature mismatch as the error readers' tests paste it: the canonical request
// and string to sign of its long form, and the short form's message.

export const CANONICAL =
  "GET\n/prod/hello\na=1\nhost:abc.execute-api.ca-central-1.amazonaws.com\nx-amz-date:20260101T000000Z\nx-q:it's\n\nhost;x-amz-date;x-q\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
export const STRING_TO_SIGN =
  'AWS4-HMAC-SHA256\n20260101T000000Z\n20260101/ca-central-1/execute-api/aws4_request\n0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
export const SHORT_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
