// Texts for "never throws" properties over what a user pastes or types. fast-check's string units
// all stay within well-formed Unicode, but a paste or a shell escape ($'\ud800') can hold a lone
// surrogate, which encodeURIComponent throws on. These texts are mostly ASCII (where the syntax
// is), with lone surrogates and any other UTF-16 code unit mixed in. A unit of our own also skips
// fast-check's table of every Unicode code point (test-support/vitest/warmFastCheck.ts).
import fc from 'fast-check';

const char = (code: number) => String.fromCharCode(code);

const anyCodeUnit = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 0x7f }).map(char) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map(char) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map(char) },
);

/** Up to maxLength UTF-16 code units, any of them, lone surrogates included. */
export function anyText(maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: anyCodeUnit, maxLength });
}
