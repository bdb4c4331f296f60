// How good a new vault passphrase is, roughly: a floor on its length, and a hint from its length
// and the kinds of characters in it. Argon2id makes each guess slow; it cannot make "password1"
// a good passphrase. (zxcvbn would judge better, but its dictionaries weigh ~800 kB.)

export const MIN_PASSPHRASE_CHARS = 12;

export type PassphraseStrength = 'too short' | 'weak' | 'fair' | 'strong';

/** The hint shown under the passphrase field. */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_CHARS) return 'too short';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((kind) =>
    kind.test(passphrase),
  ).length;
  const distinct = new Set(passphrase).size;
  // A long phrase of words is strong even in lower case; a short one needs variety.
  if (distinct < 6) return 'weak';
  if (length >= 20 || (length >= 14 && kinds >= 3)) return 'strong';
  return kinds >= 2 || length >= 16 ? 'fair' : 'weak';
}
