#!/usr/bin/python3
"""Signs requests with AWS's own signers for the differential tests (src/signing/*.differential
.test.ts): awscrt (aws-c-auth, AWS's C signer, Debian's python3-awscrt) or botocore (the AWS SDK
for Python's signer, python3-botocore). Run with Debian's /usr/bin/python3:

    /usr/bin/python3 oracle.py awscrt|botocore

Reads one JSON line per batch on stdin, {"cases": [case, ...]}, and writes one JSON line per batch
on stdout, {"results": [result, ...]} in the same order. The first line written is {"ready": true},
or {"fatal": message} when a module is missing. A case is the request as it goes on the wire plus
the signing options (requestShapes.ts and pythonOracle.ts write it); a result holds the oracle's
canonicalRequest, stringToSign and signature, or an error.
"""
import base64
import datetime
import hashlib
import io
import json
import os
import re
import sys
import threading
import types

DEBIAN_PACKAGES = {
    'awscrt': 'python3-awscrt',
    'cryptography': 'python3-cryptography',
    'botocore': 'python3-botocore',
}


def emit(message):
    sys.stdout.write(json.dumps(message) + '\n')
    sys.stdout.flush()


def require(module):
    try:
        __import__(module)
    except ImportError as error:
        package = DEBIAN_PACKAGES[module]
        emit({'fatal': f'{sys.executable} cannot import {module} ({error}): install Debian\'s '
                       f'{package} (apt-get install {package}).'})
        sys.exit(2)


def case_body(case):
    return base64.b64decode(case['body']) if case['body'] is not None else None


def signing_datetime(case):
    return datetime.datetime.fromtimestamp(case['date'], datetime.timezone.utc)


# ---------------------------------------------------------------------------------------------
# awscrt


class AwsCAuthLog:
    """aws-c-auth logs, at INFO level, the canonical request, the string to sign and the final
    signature of every signing; awscrt's Python API returns only the signed request. The log is
    written by a background thread, and a log file is block-buffered, so the log goes to C's
    stderr (unbuffered) pointed at a pipe that a thread here reads. Python's own stderr keeps the
    original descriptor, so tracebacks still reach the test."""

    RECORD = re.compile(
        rb'^\[[A-Z]+\] \[[^\]\n]*\] \[[^\]\n]*\] \[[^\]\n]*\] - \(id=(0x[0-9a-fA-F]+)\) ([^\n]*)\n',
        re.M)

    def __init__(self):
        import awscrt.io
        read_fd, write_fd = os.pipe()
        python_stderr = os.dup(2)
        os.dup2(write_fd, 2)
        os.close(write_fd)
        sys.stderr = os.fdopen(python_stderr, 'w', buffering=1)
        self._buffer = bytearray()
        self._changed = threading.Condition()
        threading.Thread(target=self._read, args=(read_fd,), daemon=True).start()
        awscrt.io.init_logging(awscrt.io.LogLevel.Info, 'stderr')

    def _read(self, fd):
        while True:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return
            with self._changed:
                self._buffer += chunk
                self._changed.notify_all()

    def take_through(self, signature):
        """The log up to and including the final record that carries this signature, parsed into
        {signature: (canonical request, string to sign)}. Records arrive in signing order, so the
        last signature of a batch brings every earlier one with it."""
        marker = signature.encode() + b'\n'
        with self._changed:
            if not self._changed.wait_for(lambda: marker in self._buffer, timeout=120):
                raise RuntimeError(f'aws-c-auth never logged the signing that gave {signature}')
            end = self._buffer.index(marker) + len(marker)
            text = bytes(self._buffer[:end])
            del self._buffer[:end]
        return self._parse(text)

    def _parse(self, text):
        records = list(self.RECORD.finditer(text))
        artifacts, pending = {}, {}
        for index, record in enumerate(records):
            end = records[index + 1].start() if index + 1 < len(records) else len(text)
            content = text[record.end():end].rstrip(b'\n').decode('utf-8', 'replace')
            signable, message = record.group(1), record.group(2)
            if b'built canonical request' in message:
                pending[signable] = {'canonicalRequest': content}
            elif b'built string-to-sign' in message:
                pending.setdefault(signable, {})['stringToSign'] = content
            elif b'built final authorization value' in message:
                # Header signing logs the Authorization value, query signing the signature alone.
                signature = content.rsplit('Signature=', 1)[-1]
                artifacts[signature] = pending.pop(signable, {})
        return artifacts


class Awscrt:
    def __init__(self):
        for module in ('awscrt', 'cryptography'):
            require(module)
        import awscrt.auth
        import awscrt.http
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec
        self.auth, self.http = awscrt.auth, awscrt.http
        self.ec, self.hashes, self.InvalidSignature = ec, hashes, InvalidSignature
        self.log = AwsCAuthLog()

    def sign(self, case):
        auth = self.auth
        sigv4a = case['algorithm'] == 'sigv4a'
        query_mode = case['mode'] == 'query'
        standard = case['rules'] == 'standard'
        provider = auth.AwsCredentialsProvider.new_static(
            case['accessKeyId'], case['secretAccessKey'], case['sessionToken'])
        # awscrt takes the request target (path and query) exactly as it goes on the wire.
        request = self.http.HttpRequest(
            case['method'], case['target'],
            self.http.HttpHeaders([(name, value) for name, value in case['headers']]))
        body = case_body(case)
        if body is not None:
            request.body_stream = io.BytesIO(body)
        config = auth.AwsSigningConfig(
            algorithm=auth.AwsSigningAlgorithm.V4_ASYMMETRIC if sigv4a else auth.AwsSigningAlgorithm.V4,
            signature_type=(auth.AwsSignatureType.HTTP_REQUEST_QUERY_PARAMS if query_mode
                            else auth.AwsSignatureType.HTTP_REQUEST_HEADERS),
            credentials_provider=provider,
            # SigV4a: the region set, which awscrt signs as X-Amz-Region-Set.
            region=','.join(case['regionSet']) if sigv4a else case['region'],
            service=case['service'],
            date=signing_datetime(case),
            use_double_uri_encode=standard,
            should_normalize_uri_path=standard,
            signed_body_value=(auth.AwsSignedBodyValue.UNSIGNED_PAYLOAD
                               if case['payload'] == 'unsigned' else None),
            signed_body_header_type=(auth.AwsSignedBodyHeaderType.X_AMZ_CONTENT_SHA_256
                                     if case['contentSha256Header'] and not query_mode
                                     else auth.AwsSignedBodyHeaderType.NONE),
            expiration_in_seconds=case['expiresIn'] if query_mode else None,
            # omit_session_token: the token is sent but left out of the canonical request.
            omit_session_token=not case['signSessionToken'],
        )
        signed = auth.aws_sign_request(request, config).result(timeout=60)
        if query_mode:
            match = re.search(r'[?&]X-Amz-Signature=([0-9a-f]+)', signed.path)
        else:
            match = re.search(r'Signature=([0-9a-f]+)$', signed.headers.get('Authorization') or '')
        if match is None:
            raise RuntimeError('awscrt returned no signature')
        return match.group(1)

    def verifies(self, public_key, string_to_sign, der_hex):
        """ECDSA P-256 over SHA-256(string to sign), checked by python3-cryptography."""
        ec = self.ec
        key = ec.EllipticCurvePublicNumbers(
            int(public_key['x'], 16), int(public_key['y'], 16), ec.SECP256R1()).public_key()
        try:
            key.verify(bytes.fromhex(der_hex), string_to_sign.encode('utf-8'),
                       ec.ECDSA(self.hashes.SHA256()))
            return True
        except (self.InvalidSignature, ValueError):
            return False

    def batch(self, cases):
        results, signatures = [], []
        for case in cases:
            try:
                signature = self.sign(case)
                results.append({'signature': signature})
                signatures.append(signature)
            except Exception as error:  # reported per case: one bad case must not end the run
                results.append({'error': f'{type(error).__name__}: {error}'})
        artifacts = self.log.take_through(signatures[-1]) if signatures else {}
        for case, result in zip(cases, results):
            if 'signature' not in result:
                continue
            result.update(artifacts.get(result['signature'], {}))
            ours = case.get('ours')
            if case['algorithm'] == 'sigv4a' and ours is not None and 'stringToSign' in result:
                # Our signature against our public key, over awscrt's string to sign.
                result['oursVerifies'] = self.verifies(
                    ours['publicKey'], result['stringToSign'], ours['signature'])
        return results


# ---------------------------------------------------------------------------------------------
# botocore


class Botocore:
    def __init__(self):
        require('botocore')
        import botocore.auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        self.botocore_auth, self.AWSRequest, self.Credentials = botocore.auth, AWSRequest, Credentials
        self.now = None
        # add_auth reads the clock; botocore.auth's own clock is pinned to each case's time.
        if hasattr(botocore.auth, 'get_current_datetime'):
            botocore.auth.get_current_datetime = lambda *args, **kwargs: self.now
        else:
            oracle = self

            class PinnedDatetime(datetime.datetime):
                @classmethod
                def utcnow(cls):
                    return oracle.now

            botocore.auth.datetime = types.SimpleNamespace(datetime=PinnedDatetime)

    def sign(self, case):
        auth_module = self.botocore_auth
        s3 = case['rules'] == 's3'
        query_mode = case['mode'] == 'query'
        # botocore always signs a session token; a token sent unsigned is added after signing,
        # so the canonical request is the one of a request without it.
        token = case['sessionToken'] if case['signSessionToken'] else None
        credentials = self.Credentials(case['accessKeyId'], case['secretAccessKey'], token)
        if query_mode:
            signer_class = auth_module.S3SigV4QueryAuth if s3 else auth_module.SigV4QueryAuth
            signer = signer_class(credentials, case['service'], case['region'],
                                  expires=case['expiresIn'])
        else:
            signer_class = auth_module.S3SigV4Auth if s3 else auth_module.SigV4Auth
            signer = signer_class(credentials, case['service'], case['region'])
        body = case_body(case)
        request = self.AWSRequest(method=case['method'], url=case['url'], data=body or None)
        for name, value in case['headers']:
            request.headers[name] = value  # appends: repeated headers stay repeated
        unsigned = case['payload'] == 'unsigned'
        if unsigned:
            # How botocore's callers turn payload signing off (SigV4Auth, SigV4QueryAuth) and
            # S3's client setting (S3SigV4Auth).
            request.context['payload_signing_enabled'] = False
            request.context['client_config'] = types.SimpleNamespace(
                s3={'payload_signing_enabled': False})
        if not query_mode and not s3 and case['contentSha256Header'] and not unsigned:
            # SigV4Auth signs the payload hash a caller sends as X-Amz-Content-SHA256.
            request.headers['X-Amz-Content-SHA256'] = hashlib.sha256(body or b'').hexdigest()

        captured = {}
        canonical_request, string_to_sign = signer.canonical_request, signer.string_to_sign

        def capture_canonical_request(req):
            captured['canonicalRequest'] = canonical_request(req)
            return captured['canonicalRequest']

        def capture_string_to_sign(req, canonical):
            captured['stringToSign'] = string_to_sign(req, canonical)
            return captured['stringToSign']

        signer.canonical_request = capture_canonical_request
        signer.string_to_sign = capture_string_to_sign
        self.now = signing_datetime(case).replace(tzinfo=None)
        signer.add_auth(request)
        if query_mode:
            match = re.search(r'[?&]X-Amz-Signature=([0-9a-f]+)', request.url)
        else:
            match = re.search(r'Signature=([0-9a-f]+)$', request.headers.get('Authorization', ''))
        if match is None:
            raise RuntimeError('botocore returned no signature')
        captured['signature'] = match.group(1)
        return captured

    def batch(self, cases):
        results = []
        for case in cases:
            try:
                results.append(self.sign(case))
            except Exception as error:  # reported per case: one bad case must not end the run
                results.append({'error': f'{type(error).__name__}: {error}'})
        return results


ORACLES = {'awscrt': Awscrt, 'botocore': Botocore}


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ORACLES:
        emit({'fatal': f'usage: {sys.argv[0]} {"|".join(ORACLES)}'})
        sys.exit(2)
    oracle = ORACLES[sys.argv[1]]()
    emit({'ready': True})
    for line in sys.stdin:
        if line.strip():
            emit({'results': oracle.batch(json.loads(line)['cases'])})


if __name__ == '__main__':
    main()
