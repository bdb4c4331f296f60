"""botocore against the local STS, for stsRealClients.test.ts.

Usage: python3 stsBotocore.py ENDPOINT_URL ROLE_ARN
Keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Prints one JSON object: the URLs
botocore sent to (so the test sees it kept the endpoint's path), who it was before and after
AssumeRole, and the assumed role's ARN. Secrets are not printed.
"""
import json
import os
import sys

import botocore.session

endpoint, role_arn = sys.argv[1], sys.argv[2]
sent = []


def record(request, **_):
    sent.append(request.url)


def client(**keys):
    session = botocore.session.get_session()
    sts = session.create_client("sts", region_name="us-east-1", endpoint_url=endpoint, **keys)
    sts.meta.events.register("before-send.sts", record)
    return sts


user = client(
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
)
me = user.get_caller_identity()
assumed = user.assume_role(RoleArn=role_arn, RoleSessionName="botocore", DurationSeconds=900)
credentials = assumed["Credentials"]
role = client(
    aws_access_key_id=credentials["AccessKeyId"],
    aws_secret_access_key=credentials["SecretAccessKey"],
    aws_session_token=credentials["SessionToken"],
)
them = role.get_caller_identity()
print(
    json.dumps(
        {
            "sent": sent,
            "before": me["Arn"],
            "assumedRoleArn": assumed["AssumedRoleUser"]["Arn"],
            "accessKeyIdPrefix": credentials["AccessKeyId"][:4],
            "expirationIsDate": hasattr(credentials["Expiration"], "isoformat"),
            "after": them["Arn"],
            "afterUserId": them["UserId"],
        }
    )
)
