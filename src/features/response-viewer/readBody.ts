// What a response body is, for showing it: an image the browser can draw, JSON to browse as a
// tree, XML to indent, other text, or bytes. The Content-Type decides first; the bytes themselves
// decide when it is missing or generic (APIs often answer JSON as text/plain, S3 answers whatever
// type the object was stored with).

export type ReadBody =
  | { kind: 'empty' }
  | { kind: 'image'; mimeType: string }
  | { kind: 'json'; text: string; value: unknown }
  | { kind: 'xml'; text: string }
  /** `jsonError` when the body looked like JSON (by type or first character) but does not parse. */
  | { kind: 'text'; text: string; jsonError?: string }
  | { kind: 'binary' };

/** "application/json" from "Application/JSON; charset=utf-8"; '' when there is none. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Image formats every current browser draws in an <img>, by their first bytes. */
const IMAGE_SIGNATURES: ReadonlyArray<{
  mimeType: string;
  matches: (bytes: Uint8Array) => boolean;
}> = [
  {
    mimeType: 'image/png',
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { mimeType: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  {
    mimeType: 'image/gif',
    matches: (b) => ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a',
  },
  {
    mimeType: 'image/webp',
    matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** The body as the viewer shows it, from its bytes and the answer's Content-Type. */
export function readBody(bytes: Uint8Array, contentType: string | undefined): ReadBody {
  if (bytes.byteLength === 0) return { kind: 'empty' };
  const type = mediaType(contentType);
  // By the bytes, not the type: a mislabelled PNG is still drawn, and a "PNG" that is not one is
  // shown as bytes rather than as a broken image.
  const image = IMAGE_SIGNATURES.find((signature) => signature.matches(bytes));
  if (image !== undefined) return { kind: 'image', mimeType: image.mimeType };

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'binary' };
  }
  // SVG is drawn through an <img>, where its scripts never run and it loads nothing.
  if (type === 'image/svg+xml') return { kind: 'image', mimeType: type };

  const start = text.trimStart();
  const typedJson = /[/+]json$/.test(type);
  if (typedJson || (isGeneric(type) && /^[{[]/.test(start))) {
    try {
      return { kind: 'json', text, value: JSON.parse(text) };
    } catch (error) {
      return {
        kind: 'text',
        text,
        jsonError: error instanceof Error ? error.message : String(error),
      };
    }
  }
  const typedXml = /[/+]xml$/.test(type);
  if (
    typedXml ||
    (isGeneric(type) && /^<(\?xml|[A-Za-z_])/.test(start) && !/^<!?html\b/i.test(start))
  ) {
    return { kind: 'xml', text };
  }
  return { kind: 'text', text };
}

/** A type that says nothing about the format, so the bytes may say it. */
function isGeneric(type: string): boolean {
  return (
    type === '' ||
    type === 'text/plain' ||
    type === 'application/octet-stream' ||
    type === 'binary/octet-stream'
  );
}
