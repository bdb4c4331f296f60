// Insomnia's key/value pairs and bodies as the playground sends them: disabled and nameless pairs
// left out, form bodies encoded, multipart and file bodies skipped (the caller notes them).
import { encodePairs } from './encodeQueryPart';
import { textOf, type InsomniaBody, type InsomniaPair } from './insomniaSchemas';

export function enabledPairs(
  pairs: readonly InsomniaPair[] | null | undefined,
  convert: (text: string) => string,
): { name: string; value: string; type: string | null | undefined }[] {
  return (pairs ?? [])
    .filter((pair) => pair.disabled !== true && textOf(pair.name).trim() !== '')
    .map((pair) => ({
      name: convert(textOf(pair.name)),
      value: convert(textOf(pair.value)),
      type: pair.type,
    }));
}

/** The body as text, and the Content-Type Insomnia sends with it when the headers set none. */
export function bodyText(
  body: InsomniaBody,
  convert: (text: string) => string,
  skip: (kind: 'multipart' | 'file') => void,
): { text: string; contentType?: string } {
  if (body === undefined || body === null) return { text: '' };
  const mimeType = body.mimeType ?? '';
  if (mimeType === 'multipart/form-data') {
    skip('multipart');
    return { text: '' };
  }
  if (body.fileName !== undefined && body.fileName !== null && body.fileName !== '') {
    skip('file');
    return { text: '' };
  }
  if (mimeType === 'application/x-www-form-urlencoded') {
    const pairs = enabledPairs(body.params, convert);
    if (pairs.some((pair) => pair.type === 'file')) skip('file');
    return {
      text: encodePairs(pairs.filter((pair) => pair.type !== 'file')),
      contentType: mimeType,
    };
  }
  const text = convert(body.text ?? '');
  if (text === '') return { text };
  // A GraphQL body is JSON ({"query": …, "variables": …}), sent as such.
  const contentType = mimeType === 'application/graphql' ? 'application/json' : mimeType;
  return contentType === '' ? { text } : { text, contentType };
}
