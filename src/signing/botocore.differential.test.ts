// Differential test: our signer against botocore (the AWS SDK for Python's signer, Debian's
// python3-botocore), driven through its own add_auth with its clock pinned: SigV4Auth and
// SigV4QueryAuth for every service, S3SigV4Auth and S3SigV4QueryAuth for S3's rules. The canonical
// request, string to sign and signature are compared on the shared random requests
// (test-support/differential/requestShapes.ts), fitted to what botocore signs by AWS's rules.
import { describeDifferential } from '../../test-support/differential/describeDifferential';
import { fitBotocore } from '../../test-support/differential/oracleFits';

/** What the fit leaves out entirely, so the coverage check does not ask for it. */
const NOT_FOR_BOTOCORE = new Set([
  "'+' in the query",
  'SigV4a',
  "SigV4a region set with '*'",
  "SigV4a region set with 'eu-*'",
  'SigV4a region set of several regions',
]);

describeDifferential({
  title: 'signRequest against botocore',
  oracle: 'botocore',
  fit: fitBotocore,
  leftOut: NOT_FOR_BOTOCORE,
});
