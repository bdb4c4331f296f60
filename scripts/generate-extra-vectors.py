#!/usr/bin/python3
"""Writes test-vectors/v4-extra/*: SigV4 cases that AWS's CRT suite does not cover, with the
expected results computed by botocore (Debian's python3-botocore), a signer independent of ours.

Covered: the context fields the runner supports beyond the suite (double_uri_encode false = S3
path rules, payload_hash_header false, signed_body_value UNSIGNED-PAYLOAD), a wire path that is
already percent-encoded (encoded twice for execute-api), and query sorting with repeated keys.

botocore has its own conventions, so each case stays inside what botocore signs the AWS way:
query-mode cases have no body and no repeated keys (botocore's presigner moves bodies into the
query and keeps only the first of repeated keys), and S3 paths are written in canonical encoding
(botocore uses an S3 path exactly as given).

Run: /usr/bin/python3 scripts/generate-extra-vectors.py   (regenerates the files; commit them)
"""
import datetime
import json
import os
import shutil
from unittest import mock

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test-vectors', 'v4-extra')
TIMESTAMP = datetime.datetime(2015, 8, 30, 12, 36, 0)
KEY, SECRET = 'AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'


def request_text(method, target, headers, body):
    lines = [f'{method} {target} HTTP/1.1'] + [f'{name}:{value}' for name, value in headers]
    text = '\n'.join(lines) + '\n'
    return text + ('\n' + body if body else '')


def signed_request_text(prepared_method, url, headers, body):
    target = url.split('://', 1)[1]
    target = target[target.index('/'):] if '/' in target else '/'
    lines = [f'{prepared_method} {target} HTTP/1.1'] + [f'{k}:{v}' for k, v in headers.items()]
    return '\n'.join(lines) + '\n\n' + (body or '')


class _FrozenDatetime(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return TIMESTAMP


def pinned_clock():
    # Newer botocore reads the clock through get_current_datetime, older through utcnow().
    if hasattr(botocore.auth, 'get_current_datetime'):
        return mock.patch.object(botocore.auth, 'get_current_datetime', return_value=TIMESTAMP)
    return mock.patch.object(botocore.auth.datetime, 'datetime', _FrozenDatetime)


def sign(auth_class, method, host, target, headers, body, region, service, token=None, **auth_kwargs):
    credentials = Credentials(KEY, SECRET, token)
    auth = auth_class(credentials, service, region, **auth_kwargs)
    request = AWSRequest(method=method, url=f'https://{host}{target}', data=body or None,
                         headers=dict(headers))
    captured = {}
    real_canonical = auth.canonical_request
    real_sts = auth.string_to_sign
    real_signature = auth.signature

    def canonical_request(req):
        captured['canonical'] = real_canonical(req)
        return captured['canonical']

    def string_to_sign(req, canonical):
        captured['sts'] = real_sts(req, canonical)
        return captured['sts']

    def signature(sts, req):
        captured['signature'] = real_signature(sts, req)
        return captured['signature']

    auth.canonical_request, auth.string_to_sign, auth.signature = canonical_request, string_to_sign, signature
    with pinned_clock():
        auth.add_auth(request)
    return captured, request


def write_case(name, context, method, host, target, headers, body, modes):
    folder = os.path.join(ROOT, name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    with open(os.path.join(folder, 'context.json'), 'w') as f:
        json.dump(context, f, indent=4)
        f.write('\n')
    with open(os.path.join(folder, 'request.txt'), 'w') as f:
        f.write(request_text(method, target, headers, body))
    for mode, (auth_class, kwargs) in modes.items():
        captured, signed = sign(auth_class, method, host, target, headers, body,
                                context['region'], context['service'],
                                context['credentials'].get('token'), **kwargs)
        files = {
            'canonical-request.txt': captured['canonical'],
            'string-to-sign.txt': captured['sts'],
            'signature.txt': captured['signature'],
            'signed-request.txt': signed_request_text(method, signed.url, signed.headers, body),
        }
        for file, content in files.items():
            with open(os.path.join(folder, f'{mode}-{file}'), 'w') as f:
                f.write(content)


def context(**overrides):
    base = {
        'credentials': {'access_key_id': KEY, 'secret_access_key': SECRET},
        'expiration_in_seconds': 3600,
        'normalize': True,
        'region': 'ca-central-1',
        'service': 'execute-api',
        'sign_body': False,
        'timestamp': '2015-08-30T12:36:00Z',
    }
    base.update(overrides)
    return base


def main():
    host = '42mydti3lg.execute-api.ca-central-1.amazonaws.com'
    # An execute-api POST whose body is hashed but not sent as x-amz-content-sha256 (what API
    # Gateway clients do): payload_hash_header false.
    write_case('post-json-payload-hash-header-false',
               context(sign_body=True, payload_hash_header=False),
               'POST', host, '/prod/hello',
               [('Host', host), ('Content-Type', 'application/json')], '{"hello":"world"}',
               {'header': (botocore.auth.SigV4Auth, {})})
    # A path already percent-encoded on the wire: execute-api encodes it once more
    # (%20 -> %2520), and the dot segments are normalized away.
    write_case('get-wire-encoded-path-double-encoded', context(),
               'GET', host, '/prod/my%20file/%E1%88%B4/./a~b/../c',
               [('Host', host)], '',
               {'header': (botocore.auth.SigV4Auth, {}),
                'query': (botocore.auth.SigV4QueryAuth, {'expires': 3600})})
    # Query sorting: by encoded name, then by value for repeated names; a name without '='.
    write_case('get-query-repeated-keys-sorted', context(),
               'GET', host, '/prod/items?b=2&a=z&a=%20y&c&A=1&a=%2Bx',
               [('Host', host)], '',
               {'header': (botocore.auth.SigV4Auth, {})})
    # S3 path rules (double_uri_encode false, normalize false): the key is encoded once and its
    # '.' and '//' are kept; S3 signs UNSIGNED-PAYLOAD and sends it as x-amz-content-sha256.
    s3_host = 'examplebucket.s3.ca-central-1.amazonaws.com'
    write_case('get-s3-single-encoded-unsigned-payload',
               context(service='s3', normalize=False, double_uri_encode=False, sign_body=True,
                       signed_body_value='UNSIGNED-PAYLOAD'),
               'GET', s3_host, '/photos/my%20key/a%2Bb%E1%88%B4.txt/./x//y',
               [('Host', s3_host)], '',
               {'query': (botocore.auth.S3SigV4QueryAuth, {'expires': 3600})})
    write_case('put-s3-single-encoded-signed-payload',
               context(service='s3', normalize=False, double_uri_encode=False, sign_body=True),
               'PUT', s3_host, '/photos/my%20key/a%2Bb%E1%88%B4.txt',
               [('Host', s3_host), ('Content-Type', 'text/plain')], 'Welcome to Amazon S3.',
               {'header': (botocore.auth.S3SigV4Auth, {})})


if __name__ == '__main__':
    main()
