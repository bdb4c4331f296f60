// Differential test: our signer against awscrt, the Python binding of aws-c-auth (AWS's C signer,
// the one the CRT-based SDKs and the AWS CLI's S3 transfers use), Debian's python3-awscrt. Both sign
// the same random requests (test-support/differential/requestShapes.ts); aws-c-auth's own log
// gives its canonical request and string to sign, which are compared with ours, as is the
// signature. SigV4a signatures are randomized, so each side's is verified instead: ours with
// python3-cryptography against our public key over awscrt's string to sign, awscrt's with ours.
//
import { describeDifferential } from '../../test-support/differential/describeDifferential';
import { fitAwscrt } from '../../test-support/differential/oracleFits';

describeDifferential({
  title: 'signRequest against awscrt (aws-c-auth)',
  oracle: 'awscrt',
  fit: fitAwscrt,
});
