// An operation's parameters (local `$ref`s followed) and body example, as text.
import type { OpenApiDocument, OpenApiOperation, OpenApiParameter } from './openApiSchemas';
import { parameter as parameterSchema } from './openApiSchemas';
import { isRecord, valueText } from './jsonValues';

/** Follows a local `$ref` (`#/components/parameters/x`, `#/parameters/x`), a few hops at most. */
export function resolveParameter(raw: unknown, doc: OpenApiDocument): OpenApiParameter | undefined {
  let current = raw;
  for (let hops = 0; hops < 5; hops++) {
    const parsed = parameterSchema.safeParse(current);
    if (!parsed.success) return undefined;
    const ref = parsed.data.$ref;
    if (ref === undefined) return parsed.data;
    const name = /^#\/(?:components\/parameters|parameters)\/(.+)$/.exec(ref)?.[1];
    const table = ref.startsWith('#/components/') ? doc.components?.parameters : doc.parameters;
    if (name === undefined || table === undefined || table === null) return undefined;
    current = Object.hasOwn(table, name) ? table[name] : undefined;
  }
  return undefined;
}

export function exampleOf(parameter: OpenApiParameter): string {
  return valueText(
    parameter.example ??
      parameter.schema?.example ??
      parameter.schema?.default ??
      parameter.default,
  );
}

export function bodyOf(
  op: OpenApiOperation,
  parameters: readonly OpenApiParameter[],
  doc: OpenApiDocument,
): { body: string; contentType?: string } {
  const content = op.requestBody?.content;
  if (content !== undefined && content !== null) {
    const types = Object.keys(content);
    const type = types.find((candidate) => /json/i.test(candidate)) ?? types[0];
    if (type === undefined) return { body: '' };
    const media = content[type]!;
    const firstExample = Object.values(media.examples ?? {})[0];
    const example =
      media.example ??
      (isRecord(firstExample) ? firstExample.value : undefined) ??
      media.schema?.example;
    return { body: bodyText(example), contentType: type };
  }
  const bodyParameter = parameters.find((parameter) => parameter.in === 'body');
  if (bodyParameter === undefined) return { body: '' };
  const type = op.consumes?.[0] ?? doc.consumes?.[0] ?? 'application/json';
  return {
    body: bodyText(bodyParameter.schema?.example ?? bodyParameter.example),
    contentType: type,
  };
}

function bodyText(example: unknown): string {
  if (example === undefined || example === null) return '';
  if (typeof example === 'string') return example;
  try {
    return JSON.stringify(example, null, 2) ?? '';
  } catch {
    return '';
  }
}
