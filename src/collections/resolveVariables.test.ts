import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Variable } from './collectionModel';
import { referencedNames, resolveText, type VariableScope } from './resolveVariables';

const variable = (name: string, value: string, extra: Partial<Variable> = {}): Variable => ({
  name,
  value,
  secret: false,
  enabled: true,
  ...extra,
});
const env = (...variables: Variable[]): VariableScope => ({
  kind: 'environment',
  label: 'dev',
  variables,
});
const collection = (...variables: Variable[]): VariableScope => ({
  kind: 'collection',
  label: 'Demo API',
  variables,
});

describe('resolveText', () => {
  it('leaves text without references alone', () => {
    expect(resolveText('https://example.com/{a}/{{', [])).toEqual({
      text: 'https://example.com/{a}/{{',
      used: [],
      unresolved: [],
      problem: null,
    });
  });

  it('reads the environment before the collection, and says where each value came from', () => {
    const result = resolveText('{{base}}/{{ stage }}/items', [
      env(variable('stage', 'dev')),
      collection(variable('stage', 'prod'), variable('base', 'https://api.example.com')),
    ]);
    expect(result.text).toBe('https://api.example.com/dev/items');
    expect(result.used).toEqual([
      {
        name: 'base',
        scope: 'collection',
        label: 'Demo API',
        secret: false,
        value: 'https://api.example.com',
      },
      { name: 'stage', scope: 'environment', label: 'dev', secret: false, value: 'dev' },
    ]);
    expect(result.unresolved).toEqual([]);
  });

  it('skips disabled variables and names what is undefined', () => {
    const result = resolveText('{{a}}-{{b}}-{{a}}', [
      env(variable('a', 'x', { enabled: false })),
      collection(variable('b', 'y')),
    ]);
    expect(result.text).toBe('{{a}}-y-{{a}}');
    expect(result.unresolved).toEqual(['a']);
  });

  it('follows nested references, marks secrets, and stops at a cycle', () => {
    const nested = resolveText('{{url}}', [
      env(variable('url', 'https://{{host}}/x'), variable('host', 'h.example', { secret: true })),
    ]);
    expect(nested.text).toBe('https://h.example/x');
    expect(nested.used.map((use) => [use.name, use.secret])).toEqual([
      ['url', false],
      ['host', true],
    ]);
    const cycle = resolveText('{{a}}', [env(variable('a', '{{b}}'), variable('b', '{{a}}'))]);
    expect(cycle.problem).toBe('{{a}} refers to itself (a → b → a).');
    expect(cycle.text).toBe('{{a}}');
  });

  it('refuses an expansion that would multiply beyond the bound, without building it', () => {
    const wide = '{{n}}'.repeat(2000);
    const result = resolveText('{{a}}', [
      env(
        variable('a', wide.replaceAll('n', 'b')),
        variable('b', wide.replaceAll('n', 'c')),
        variable('c', 'x'.repeat(10_000)),
      ),
    ]);
    expect(result.problem).toMatch(/over 8 MiB/);
    expect(result.text).toBe('{{a}}');
  });

  it('never throws and resolves every defined name (property)', () => {
    const name = fc.stringMatching(/^[a-z]{1,6}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, fc.string()), { maxLength: 6 }),
        fc.string(),
        (pairs, text) => {
          const scope = env(...pairs.map(([n, v]) => variable(n, v)));
          const result = resolveText(text, [scope]);
          if (result.problem === null) {
            for (const missing of result.unresolved)
              expect(pairs.some(([n]) => n === missing)).toBe(false);
          }
        },
      ),
    );
  });
});

describe('referencedNames', () => {
  it('lists each name once, trimmed', () => {
    expect(referencedNames('{{ a }}/{{b}}/{{a}}/{{}}')).toEqual(['a', 'b']);
  });
});
