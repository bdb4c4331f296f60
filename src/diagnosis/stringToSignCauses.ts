// What a string to sign that differs from ours in its date or credential scope means, with the
// fix that signs the way AWS does.
import type { MismatchCause } from './mismatchCause';
import type { StringToSignParts } from './splitSigningTexts';

/** The causes a differing date, region or service in the credential scope points to. */
export function stringToSignCauses(
  ours: StringToSignParts,
  theirs: StringToSignParts,
): MismatchCause[] {
  const causes: MismatchCause[] = [];
  if (ours.amzDate !== theirs.amzDate || ours.date !== theirs.date) {
    causes.push({
      id: 'scope-date',
      sentence:
        'AWS used another signing date or time: the X-Amz-Date header or the credential scope date changed, or they do not agree.',
      detail: `We signed ${ours.amzDate} with scope date ${ours.date}; AWS used ${theirs.amzDate} and ${theirs.date}.`,
      fix: { label: 'Sign with the current time', action: { kind: 'set-signing-time', value: '' } },
    });
  }
  if (ours.region !== theirs.region && theirs.region !== '') {
    causes.push({
      id: 'scope-region',
      sentence: `AWS signs for region ${theirs.region}, we signed for ${ours.region}.`,
      fix: {
        label: `Use region ${theirs.region}`,
        action: { kind: 'set-region', value: theirs.region },
      },
    });
  }
  if (ours.service !== theirs.service && theirs.service !== '') {
    causes.push({
      id: 'scope-service',
      sentence: `AWS signs for service ${theirs.service}, we signed for ${ours.service}.`,
      fix: {
        label: `Use service ${theirs.service}`,
        action: { kind: 'set-service', value: theirs.service },
      },
    });
  }
  return causes;
}
