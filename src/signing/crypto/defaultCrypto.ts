import { supportsWebCrypto } from '@aws-crypto/supports-web-crypto';
import { locateWindow } from '@aws-sdk/util-locate-window';
import { createSha256ConstructorSigning } from './sha256Constructor';
import type { SigningCrypto } from './signingCrypto';
import { createWebCryptoSigning } from './webCrypto';

let defaultCrypto: SigningCrypto | undefined;

/**
 * The default implementation, decided the way `@aws-crypto/sha256-browser` decides: WebCrypto
 * where its own check finds SubtleCrypto (browsers, secure contexts), otherwise its Sha256 class,
 * which is pure JS there. On WebCrypto we call SubtleCrypto directly rather than through the
 * class, because the class copies every update into a new buffer and re-imports the HMAC key on
 * every use; both would cost the speed a developer tool should have. The pure-JS fallback is
 * loaded only when needed, so pages in a secure context never download it.
 */
export function getDefaultSigningCrypto(): SigningCrypto {
  if (defaultCrypto) return defaultCrypto;
  const scope = locateWindow();
  defaultCrypto = supportsWebCrypto(scope)
    ? createWebCryptoSigning(scope.crypto.subtle)
    : createLazyFallback();
  return defaultCrypto;
}

function createLazyFallback(): SigningCrypto {
  let loaded: Promise<SigningCrypto> | undefined;
  const load = () =>
    (loaded ??= import('@aws-crypto/sha256-browser').then(({ Sha256 }) =>
      createSha256ConstructorSigning(Sha256, 'sha256-browser (pure JS)'),
    ));
  return {
    name: 'sha256-browser (pure JS)',
    sha256: (data) => load().then((crypto) => crypto.sha256(data)),
    importHmacKey: (key) => load().then((crypto) => crypto.importHmacKey(key)),
    hmacSha256: (key, data) => load().then((crypto) => crypto.hmacSha256(key, data)),
  };
}
