import type { SigV4aInfo } from '../../signing';
import { splitKdfInput } from './kdfInput';

interface SigV4aKeyDerivationProps {
  sigv4a: SigV4aInfo;
  secretAccessKey: string;
  secretVisible: boolean;
}

/**
 * SigV4A's key: an ECDSA P-256 key pair derived from the secret with HMAC-SHA256 (no date, region
 * or service in it). Shows the KDF input, its key, the counter and the public key; the private key
 * stays inside the signer.
 */
export function SigV4aKeyDerivation({
  sigv4a,
  secretAccessKey,
  secretVisible,
}: SigV4aKeyDerivationProps) {
  const { derivation, publicKey } = sigv4a;
  const parts = splitKdfInput(derivation.kdfInputHex);
  // The same number of dots as characters, as for SigV4's kSecret.
  const hmacKey = `AWS4A${secretVisible ? secretAccessKey : '•'.repeat(secretAccessKey.length)}`;
  return (
    <ol className="key-chain">
      <li className="key-step">
        <div className="key-formula">
          KDF input = <code>i</code> ‖ label ‖ 00 ‖ access key ID ‖ counter ‖ length
        </div>
        {parts === null ? (
          <code className="hex">{derivation.kdfInputHex}</code>
        ) : (
          <dl className="kdf-parts" aria-label="KDF input parts">
            {parts.map((part) => (
              <div key={part.label} className="kdf-part">
                <dt>{part.label}</dt>
                <dd>
                  <code>{part.hex}</code> <span className="muted">{part.note}</span>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </li>
      <li className="key-step">
        <div className="key-formula">
          <code>c</code> = HMAC-SHA256(&quot;AWS4A&quot; + secret access key, KDF input)
        </div>
        <dl>
          <dt>key</dt>
          <dd>
            <code className={secretVisible ? 'muted-code' : 'masked'}>{hmacKey}</code>
            <span className="muted"> (UTF-8 bytes)</span>
          </dd>
          <dt>counter</dt>
          <dd>
            <code>{derivation.counter}</code>{' '}
            <span className="muted">
              {derivation.counter === 1
                ? 'the first try gave a valid key, as it nearly always does'
                : `tries 1 to ${derivation.counter - 1} gave c > n − 2 and were discarded`}
            </span>
          </dd>
        </dl>
      </li>
      <li className="key-step">
        <div className="key-formula">
          private key <code>d</code> = <code>c</code> + 1
        </div>
        <p className="muted key-note">
          Never shown: it stays inside the signer, which uses it for this signature only.
        </p>
      </li>
      <li className="key-step">
        <div className="key-formula">
          public key <code>Q</code> = <code>d</code> · G on P-256
        </div>
        <dl aria-label="Public key">
          <dt>x</dt>
          <dd>
            <code className="hex">{publicKey.x}</code>
          </dd>
          <dt>y</dt>
          <dd>
            <code className="hex">{publicKey.y}</code>
          </dd>
        </dl>
        <p className="muted key-note">
          What a server derives from the same keys to verify the signature.
        </p>
      </li>
    </ol>
  );
}
