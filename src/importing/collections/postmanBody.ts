// A Postman request body as the text the playground sends, and the Content-Type Postman adds for
// it when the request has none of its own. Multipart (formdata) and file bodies are not text:
// they are left out, and the importer says so.
import { encodePairs } from './encodeQueryPart';
import type { PostmanBody } from './postmanSchemas';
import { textOf } from './postmanSchemas';

export interface PostmanBodyText {
  body: string;
  /** The Content-Type Postman sends with this body when the request sets none. */
  contentType?: string;
  /** Why the body was left out. */
  skipped?: 'formdata' | 'file' | 'unknown';
}

/**
 * The Content-Type Postman adds for a raw body of this language. Plain text (and a raw body with
 * no language, as older exports have) is left alone: the request then has no Content-Type, as the
 * playground's own export writes it.
 */
const RAW_CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  javascript: 'application/javascript',
};

function graphqlVariables(variables: unknown): string {
  if (typeof variables === 'string') return variables.trim() === '' ? '{}' : variables;
  if (variables === undefined || variables === null) return '{}';
  try {
    return JSON.stringify(variables) ?? '{}';
  } catch {
    return '{}';
  }
}

export function postmanBodyText(body: PostmanBody | null | undefined): PostmanBodyText {
  if (body === undefined || body === null || body.disabled === true) return { body: '' };
  const mode = body.mode ?? (body.raw !== undefined ? 'raw' : undefined);
  switch (mode) {
    case undefined:
      return { body: '' };
    case 'raw': {
      const text = body.raw ?? '';
      const contentType = RAW_CONTENT_TYPES[body.options?.raw?.language ?? ''];
      return text !== '' && contentType !== undefined
        ? { body: text, contentType }
        : { body: text };
    }
    case 'urlencoded': {
      const fields = (body.urlencoded ?? []).filter((field) => field.disabled !== true);
      if (fields.length === 0) return { body: '' };
      return {
        // Postman's fields are literal text: a '%' in one is sent encoded.
        body: encodePairs(
          fields.map((field) => ({ name: field.key, value: textOf(field.value) })),
          { keepEscapes: false },
        ),
        contentType: 'application/x-www-form-urlencoded',
      };
    }
    case 'graphql': {
      const query = body.graphql?.query ?? '';
      const variables = graphqlVariables(body.graphql?.variables);
      return {
        body: `{"query":${JSON.stringify(query)},"variables":${variables}}`,
        contentType: 'application/json',
      };
    }
    // Postman writes an empty formdata body for requests whose body was never touched.
    case 'formdata':
      return (body.formdata ?? []).some((field) => field.disabled !== true)
        ? { body: '', skipped: 'formdata' }
        : { body: '' };
    case 'file':
      return body.file?.src ? { body: '', skipped: 'file' } : { body: '' };
    default:
      return { body: '', skipped: 'unknown' };
  }
}
