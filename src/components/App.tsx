import { useEffect, useState } from 'react';
import { signRequest, type SigningResult } from '../signing';
import { useRequestStore } from '../store/requestStore';

// AWS's documented example keys; the real page (a later issue) lets the user enter their own.
const DEMO_CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const FIXED_DATE = new Date('2015-08-30T12:36:00Z');

/** Placeholder page: signs one request live and shows the artifacts. */
export function App() {
  const method = useRequestStore((s) => s.method);
  const url = useRequestStore((s) => s.url);
  const body = useRequestStore((s) => s.body);
  const setField = useRequestStore((s) => s.setField);
  const [result, setResult] = useState<SigningResult | null>(null);

  useEffect(() => {
    let current = true;
    void signRequest({
      method,
      url,
      body,
      headers: [['content-type', 'application/json']],
      credentials: DEMO_CREDENTIALS,
      region: 'ca-central-1',
      service: 'execute-api',
      signingDate: FIXED_DATE,
    }).then((signed) => {
      if (current) setResult(signed);
    });
    return () => {
      current = false;
    };
  }, [method, url, body]);

  return (
    <main>
      <h1>SigV4 Playground</h1>
      <p>
        The signing core is in place; the full playground arrives with the next issues. This page
        signs the request below with AWS&apos;s example keys at a fixed time.
      </p>
      <label>
        URL <input value={url} onChange={(e) => setField('url', e.target.value)} size={60} />
      </label>
      <label>
        Body <textarea value={body} onChange={(e) => setField('body', e.target.value)} />
      </label>
      {result && (
        <section aria-label="Signing steps">
          <h2>Canonical request</h2>
          <pre>{result.canonicalRequest}</pre>
          <h2>String to sign</h2>
          <pre>{result.stringToSign}</pre>
          <h2>Signature</h2>
          <pre>{result.signature}</pre>
        </section>
      )}
    </main>
  );
}
