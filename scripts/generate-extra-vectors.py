#!/usr/bin/python3
"""Writes test-vectors/v4-extra/*: SigV4 cases that AWS's CRT suite does not cover, with the
expected results computed by botocore (Debian's python3-botocore), a signer independent of ours,
and every case signed again by awscrt (Debian's python3-awscrt: aws-c-auth, AWS's C signer), which
must give the same signed request; the script stops without writing a case they disagree on.

Covered: the context fields the runner supports beyond the suite (double_uri_encode false = S3
path rules, payload_hash_header false, signed_body_value UNSIGNED-PAYLOAD), a wire path that is
already percent-encoded (encoded twice for execute-api), query sorting with repeated keys, a bare
query key in a presigned URL, and bodies that must reach the signer byte for byte: every byte value
0-255, CRLF inside JSON, a body ending in CR. request.txt and *-signed-request.txt are written as
bytes: the head's lines end in LF or, for some cases, CRLF; the body after the empty line is exact.

botocore has its own conventions, so each case stays inside what botocore signs the AWS way:
query-mode cases have no body and no repeated keys (botocore's presigner moves bodies into the
query and keeps only the first of repeated keys), and S3 paths are written in canonical encoding
(botocore uses an S3 path exactly as given).

Run: /usr/bin/python3 scripts/generate-extra-vectors.py   (regenerates the files; commit them)
"""
import datetime
import io
import json
import os
import shutil
from unittest import mock
from urllib.parse import urlsplit

import awscrt.auth
import awscrt.http
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test-vectors', 'v4-extra')
TIMESTAMP = datetime.datetime(2015, 8, 30, 12, 36, 0)
KEY, SECRET = 'AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'


def request_bytes(method, target, headers, body, eol):
    """The suite's request layout: head lines ending in eol, then an empty line and the body."""
    lines = [f'{method} {target} HTTP/1.1'] + [f'{name}:{value}' for name, value in headers]
    head = (eol.join(lines) + eol).encode('utf-8')
    return head + (eol.encode('utf-8') + body if body else b'')


def signed_request_bytes(method, url, headers, body, eol):
    target = url.split('://', 1)[1]
    target = target[target.index('/'):] if '/' in target else '/'
    return request_bytes(method, target, list(headers.items()), body, eol) + (
        b'' if body else eol.encode('utf-8'))


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


def crt_sign(context, mode, method, target, headers, body):
    """The same request signed by awscrt, configured from context.json as aws-c-auth's runner does."""
    credentials = context['credentials']
    if context.get('signed_body_value') is not None:
        body_value = context['signed_body_value']
    elif context['sign_body']:
        body_value = None  # awscrt hashes the body stream
    else:
        body_value = awscrt.auth.AwsSignedBodyValue.EMPTY_SHA256
    header_mode = mode == 'header'
    config = awscrt.auth.AwsSigningConfig(
        algorithm=awscrt.auth.AwsSigningAlgorithm.V4,
        signature_type=(awscrt.auth.AwsSignatureType.HTTP_REQUEST_HEADERS if header_mode
                        else awscrt.auth.AwsSignatureType.HTTP_REQUEST_QUERY_PARAMS),
        credentials_provider=awscrt.auth.AwsCredentialsProvider.new_static(
            credentials['access_key_id'], credentials['secret_access_key'],
            credentials.get('token')),
        region=context['region'],
        service=context['service'],
        date=TIMESTAMP.replace(tzinfo=datetime.timezone.utc),
        use_double_uri_encode=context.get('double_uri_encode', True),
        should_normalize_uri_path=context['normalize'],
        signed_body_value=body_value,
        signed_body_header_type=(
            awscrt.auth.AwsSignedBodyHeaderType.X_AMZ_CONTENT_SHA_256
            if context['sign_body'] and context.get('payload_hash_header', True)
            else awscrt.auth.AwsSignedBodyHeaderType.NONE),
        expiration_in_seconds=None if header_mode else context['expiration_in_seconds'],
        omit_session_token=context.get('omit_session_token', False),
    )
    request = awscrt.http.HttpRequest(method, target, awscrt.http.HttpHeaders(headers),
                                      io.BytesIO(body) if body else None)
    return awscrt.auth.aws_sign_request(request, config).result(timeout=10)


def request_shape(path_and_query, headers):
    """A signed request as the runner compares it: path exactly, query parameters as name/value
    pairs (a bare k is k=), header names case-insensitive; order does not matter."""
    parts = urlsplit(path_and_query)
    params = sorted((name.lower(), value) for name, _, value in
                    (piece.partition('=') for piece in parts.query.split('&') if piece))
    return parts.path, params, sorted((name.lower(), value) for name, value in headers)


def cross_check(name, mode, context, method, target, headers, body, botocore_request):
    crt_request = crt_sign(context, mode, method, target, headers, body)
    botocore_url = botocore_request.url.split('://', 1)[1]
    botocore_shape = request_shape(botocore_url[botocore_url.index('/'):],
                                   botocore_request.headers.items())
    crt_shape = request_shape(crt_request.path, list(crt_request.headers))
    if botocore_shape != crt_shape:
        raise SystemExit(f'{name} [{mode}]: botocore and awscrt disagree\n'
                         f'  botocore: {botocore_shape}\n  awscrt:   {crt_shape}')


def write_case(name, context, method, host, target, headers, body, modes, eol='\n'):
    body = body.encode('utf-8') if isinstance(body, str) else body
    signed = {}
    for mode, (auth_class, kwargs) in modes.items():
        captured, request = sign(auth_class, method, host, target, headers, body,
                                 context['region'], context['service'],
                                 context['credentials'].get('token'), **kwargs)
        cross_check(name, mode, context, method, target, headers, body, request)
        signed[mode] = {
            'canonical-request.txt': captured['canonical'].encode('utf-8'),
            'string-to-sign.txt': captured['sts'].encode('utf-8'),
            'signature.txt': captured['signature'].encode('utf-8'),
            'signed-request.txt': signed_request_bytes(method, request.url, request.headers, body,
                                                       eol),
        }
    folder = os.path.join(ROOT, name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    files = {
        'context.json': (json.dumps(context, indent=4) + '\n').encode('utf-8'),
        'request.txt': request_bytes(method, target, headers, body, eol),
    }
    files.update({f'{mode}-{file}': content
                  for mode, mode_files in signed.items() for file, content in mode_files.items()})
    for file, content in files.items():
        with open(os.path.join(folder, file), 'wb') as f:
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
    # A bare query key: botocore writes it back as `flag=` in the presigned URL; a signer may keep
    # `flag`. Both are the same parameter (the runner compares name/value pairs).
    write_case('get-query-bare-key-presigned', context(),
               'GET', host, '/prod/items?flag&a=1',
               [('Host', host)], '',
               {'header': (botocore.auth.SigV4Auth, {}),
                'query': (botocore.auth.SigV4QueryAuth, {'expires': 3600})})
    # Bodies that only match when they reach the signer byte for byte. Header mode only: botocore's
    # presigner moves a body into the query string.
    # Every byte value once: not UTF-8, and it holds CR (0x0d) and LF (0x0a).
    write_case('post-body-every-byte-value',
               context(sign_body=True, payload_hash_header=False),
               'POST', host, '/prod/upload',
               [('Host', host), ('Content-Type', 'application/octet-stream')], bytes(range(256)),
               {'header': (botocore.auth.SigV4Auth, {})})
    # JSON written with CRLF line breaks (and an escaped \r\n in a string), in a request whose head
    # lines end in CRLF too: the head's CRs go, the body's stay.
    write_case('post-json-body-crlf',
               context(sign_body=True, payload_hash_header=False),
               'POST', host, '/prod/notes',
               [('Host', host), ('Content-Type', 'application/json')],
               b'{\r\n  "note": "first line\\r\\nsecond line",\r\n  "tags": ["a", "b"]\r\n}\r\n',
               {'header': (botocore.auth.SigV4Auth, {})},
               eol='\r\n')
    # A body ending in a bare CR, signed with x-amz-content-sha256 (S3).
    write_case('put-s3-body-ending-in-cr',
               context(service='s3', normalize=False, double_uri_encode=False, sign_body=True),
               'PUT', s3_host, '/notes/crlf.txt',
               [('Host', s3_host), ('Content-Type', 'text/plain')], b'line one\r\nline two\r',
               {'header': (botocore.auth.S3SigV4Auth, {})})


if __name__ == '__main__':
    main()
