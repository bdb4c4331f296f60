import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import { explainDenial } from './explainDenial';

const USER =
  'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::bucket/key"';

describe('explainDenial', () => {
  it('names the policy type of an explicit deny, and the policy when AWS names it', () => {
    expect(
      explainDenial(`${USER} with an explicit deny in an identity-based policy`),
    ).toMatchObject({
      policyType: 'identity-based policy',
      explicit: true,
      sentence: expect.stringMatching(/attached to the caller.*Deny wins over every Allow/),
    });
    expect(
      explainDenial(
        `${USER} with an explicit deny in an identity-based policy: arn:aws:iam::111122223333:policy/DenyS3.`,
      ),
    ).toMatchObject({
      policyArn: 'arn:aws:iam::111122223333:policy/DenyS3',
      sentence: expect.stringMatching(
        /names the policy: arn:aws:iam::111122223333:policy\/DenyS3\.$/,
      ),
    });
    expect(explainDenial(`${USER} with an explicit deny in a resource-based policy`)).toMatchObject(
      {
        policyType: 'resource-based policy',
        sentence: expect.stringMatching(/bucket policy/),
      },
    );
    expect(
      explainDenial(`${USER} with an explicit deny in a service control policy`),
    ).toMatchObject({
      policyType: 'service control policy',
      explicit: true,
      sentence: expect.stringMatching(/SCP.*root user included.*administrators/),
    });
  });

  it('names the policy that allows nothing (an implicit deny)', () => {
    expect(
      explainDenial(`${USER} because no permissions boundary allows the s3:GetObject action`),
    ).toMatchObject({
      policyType: 'permissions boundary',
      explicit: false,
      sentence: expect.stringMatching(/caps what its policies may grant/),
    });
    expect(
      explainDenial(`${USER} because no service control policy allows the s3:GetObject action`),
    ).toMatchObject({ policyType: 'service control policy', explicit: false });
    expect(
      explainDenial(`${USER} because no identity-based policy allows the s3:GetObject action`),
    ).toMatchObject({ policyType: 'identity-based policy', explicit: false });
    expect(
      explainDenial(`${USER} because no session policy allows the s3:GetObject action`),
    ).toMatchObject({ policyType: 'session policy' });
  });

  it("explains API Gateway's Lambda authorizer deny and its anonymous caller", () => {
    expect(
      explainDenial('User is not authorized to access this resource with an explicit deny'),
    ).toMatchObject({
      explicit: true,
      sentence: expect.stringMatching(/Lambda authorizer.*cached/),
    });
    expect(
      explainDenial(
        'User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:111122223333:abc/prod/GET/hello',
      ),
    ).toMatchObject({ sentence: expect.stringMatching(/unsigned/) });
  });

  it('says nothing of a message that names no policy', () => {
    expect(explainDenial(USER)).toBeUndefined();
    expect(explainDenial('Access Denied')).toBeUndefined();
  });

  it('never throws', () => {
    fc.assert(
      fc.property(anyText(300), (text) => {
        explainDenial(text);
        explainDenial(`with an explicit deny in a ${text}`);
      }),
    );
  });
});
