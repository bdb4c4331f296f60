import { Sha256 } from '@aws-crypto/sha256-browser';
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
 * every use; both would cost the speed a developer tool should have.
 */
export function getDefaultSigningCrypto(): SigningCrypto {
  if (defaultCrypto) return defaultCrypto;
  const scope = locateWindow();
  defaultCrypto = supportsWebCrypto(scope)
    ? createWebCryptoSigning(scope.crypto.subtle)
    : createSha256ConstructorSigning(Sha256, 'sha256-browser (pure JS)');
  return defaultCrypto;
}
