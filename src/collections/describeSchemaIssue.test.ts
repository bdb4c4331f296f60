import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { describeSchemaIssue, formatPath } from './describeSchemaIssue';

/** The sentence for a value the schema refuses (`base` as a caller inside a larger file passes it). */
function sentence(schema: z.ZodMiniType, value: unknown, base: PropertyKey[] = []): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('the schema accepted the value: pick one it refuses');
  return describeSchemaIssue(result.error.issues, value, base);
}

describe('formatPath', () => {
  it('writes a path as people read it', () => {
    expect(formatPath(['items', 2, 'headers', 0, 'name'])).toBe('items[2].headers[0].name');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([])).toBe('');
  });
});

describe('describeSchemaIssue', () => {
  const header = z.object({ key: z.string(), value: z.optional(z.string()) });
  const url = z.union([z.string(), z.object({ raw: z.string(), host: z.array(z.string()) })]);

  it('says what was expected and what was found, led by the path', () => {
    expect(sentence(z.object({ headers: z.array(header) }), { headers: [{ key: 5 }] })).toBe(
      'headers[0].key: expected text, not a number',
    );
    expect(sentence(z.object({ name: z.string() }), {})).toBe('name: expected text, not nothing');
  });

  it('has no lead for the value itself', () => {
    expect(sentence(z.object({}), [])).toBe('expected an object, not a list');
  });

  it('puts the base path first, for a schema run on one part of a file', () => {
    expect(sentence(header, { key: null }, ['resources', 3])).toBe(
      'resources[3].key: expected text, not null',
    );
  });

  it('lists the shapes of a union that refused the value as a whole', () => {
    expect(sentence(z.object({ url }), { url: 42 })).toBe(
      'url: expected text or an object, not a number',
    );
  });

  it('follows the branch of a union that got furthest into the value', () => {
    expect(sentence(z.object({ url }), { url: { raw: 'x', host: [1] } })).toBe(
      'url.host[0]: expected text, not a number',
    );
  });

  it('names the allowed kinds when a discriminated union meets an unknown one', () => {
    const item = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('request') }),
      z.object({ kind: z.literal('folder') }),
    ]);
    expect(sentence(z.array(item), [{ kind: 'link' }])).toBe(
      '[0].kind: must be "request" or "folder"',
    );
  });

  it('words sizes by what was measured', () => {
    expect(sentence(z.string().check(z.maxLength(3)), 'abcd')).toBe('longer than 3 characters');
    expect(sentence(z.string().check(z.minLength(1)), '')).toBe('empty');
    expect(sentence(z.array(z.string()).check(z.maxLength(1)), ['a', 'b'])).toBe(
      'more than 1 entries',
    );
    expect(sentence(z.object({ n: z.number().check(z.nonnegative()) }), { n: -1 })).toBe(
      'n: less than 0',
    );
    expect(sentence(z.enum(['header', 'query']), 'cookie')).toBe('must be "header" or "query"');
  });

  it('stops following unions nested past its bound', () => {
    // Each level is "text or an object holding the next level": linear for zod, 20 levels deep.
    let schema: z.ZodMiniType = z.object({ leaf: z.string() });
    for (let level = 0; level < 20; level++)
      schema = z.union([z.string(), z.object({ next: schema })]);
    let value: unknown = { leaf: 1 };
    for (let level = 0; level < 20; level++) value = { next: value };
    expect(sentence(schema, value)).toMatch(/has too many nested shapes$/);
  });
});
