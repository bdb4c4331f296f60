# Builds STS requests with botocore (the AWS SDK for Python) and prints what it would send, so
# src/request/sts tests compare our bodies and signatures with the SDK's byte for byte.
# stdin: [{op, region, regional, params}], stdout: [{url, body, contentType, authorization}].
import datetime
import json
import sys
import types

import botocore.auth
import botocore.session

NOW = datetime.datetime(2026, 11, 30, 1, 2, 3)


class PinnedDatetime(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return NOW


# Pin botocore's clock so the signature can be compared at a fixed time (as oracle.py does).
if hasattr(botocore.auth, 'get_current_datetime'):
    botocore.auth.get_current_datetime = lambda *args, **kwargs: NOW
botocore.auth.datetime = types.SimpleNamespace(datetime=PinnedDatetime)
# With awscrt installed botocore signs with awscrt's signer (its own clock): use botocore's own.
botocore.auth.AUTH_TYPE_MAPS['v4'] = botocore.auth.SigV4Auth


def text(value):
    return value.decode() if isinstance(value, bytes) else value


class Captured(Exception):
    pass


out = []
for case in json.loads(sys.stdin.read()):
    session = botocore.session.get_session()
    session.set_config_variable('sts_regional_endpoints', 'regional' if case['regional'] else 'legacy')
    client = session.create_client(
        'sts',
        region_name=case['region'],
        aws_access_key_id='AKIDEXAMPLE',
        aws_secret_access_key='wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    )
    seen = {}

    def before_send(request, **_):
        seen.update(
            url=request.url,
            body=text(request.body),
            contentType=text(request.headers.get('Content-Type')),
            authorization=text(request.headers.get('Authorization')),
            amzDate=text(request.headers.get('X-Amz-Date')),
        )
        raise Captured()

    client.meta.events.register('before-send.sts', before_send)
    try:
        getattr(client, case['op'])(**case['params'])
    except Captured:
        pass
    out.append(seen)
print(json.dumps(out))
