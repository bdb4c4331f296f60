import { describe, expect, it } from 'vitest';
import { readBruFile, type BruBlock } from './readBruFile';

function blocks(text: string): BruBlock[] {
  const read = readBruFile(text);
  if (!read.ok) throw new Error(read.error);
  return read.blocks;
}

function failure(text: string): string {
  const read = readBruFile(text);
  if (read.ok) throw new Error('read');
  return read.error;
}

describe('readBruFile', () => {
  it('reads dictionaries: pairs, switched-off pairs, quoted names, empty values', () => {
    const [headers] = blocks(
      [
        'headers {',
        '  content-type: application/json',
        '  ~x-debug: 1',
        '  "key with: colon": is allowed',
        '  "nested \\"quote\\"": yes',
        '  url: https://h.example/a?b=c:d',
        '  empty: ',
        '}',
      ].join('\n'),
    );
    expect(headers).toEqual({
      kind: 'dictionary',
      name: 'headers',
      line: 1,
      pairs: [
        { name: 'content-type', value: 'application/json', enabled: true },
        { name: 'x-debug', value: '1', enabled: false },
        { name: 'key with: colon', value: 'is allowed', enabled: true },
        { name: 'nested "quote"', value: 'yes', enabled: true },
        { name: 'url', value: 'https://h.example/a?b=c:d', enabled: true },
        { name: 'empty', value: '', enabled: true },
      ],
    });
  });

  it("reads ''' values over several lines, outdented, and skips annotations", () => {
    const [vars] = blocks(
      [
        'vars:pre-request {',
        "  @description('''The page size''')",
        '  @number',
        '  pageSize: 25',
        "  @description('''",
        '    spans',
        '    lines',
        "  ''')",
        "  key: '''",
        '    -----BEGIN KEY-----',
        '      indented',
        "  '''",
        "  inline: '''one line'''",
        '}',
      ].join('\n'),
    );
    expect(vars).toMatchObject({
      pairs: [
        { name: 'pageSize', value: '25' },
        { name: 'key', value: '-----BEGIN KEY-----\n  indented' },
        { name: 'inline', value: 'one line' },
      ],
    });
  });

  it('reads text blocks outdented by two spaces; a } indented stays in the text', () => {
    const [body] = blocks(['body:json {', '  {', '    "a": { "b": 1 }', '  }', '}'].join('\n'));
    expect(body).toEqual({
      kind: 'text',
      name: 'body:json',
      line: 1,
      text: '{\n  "a": { "b": 1 }\n}',
    });
  });

  it('reads lists over one line or many, and skips meta tags and colour lines', () => {
    const read = blocks(
      [
        'meta {',
        '  name: x',
        '  tags: [',
        '    smoke',
        '  ]',
        '  seq: 2',
        '}',
        'vars:secret [',
        '  a,',
        '  b',
        ']',
        'vars:secret [ c, d ]',
        'color: #2E8B57',
      ].join('\r\n'),
    );
    expect(read).toEqual([
      {
        kind: 'dictionary',
        name: 'meta',
        line: 1,
        pairs: [
          { name: 'name', value: 'x', enabled: true },
          { name: 'tags', value: '', enabled: true },
          { name: 'seq', value: '2', enabled: true },
        ],
      },
      { kind: 'list', name: 'vars:secret', line: 8, items: ['a', 'b'] },
      { kind: 'list', name: 'vars:secret', line: 12, items: ['c', 'd'] },
    ]);
  });

  it('says which line it cannot read', () => {
    expect(failure('meta {\n  name: x\n}\nthis is not a block')).toBe(
      'line 4: expected a block such as “get {” or “headers {”, found “this is not a block”',
    );
    expect(failure('headers {\n  no colon here\n}')).toBe(
      'line 2: expected “name: value” in headers { }',
    );
    expect(failure('headers {\n  a: b\n')).toMatch(/^line 1: headers \{ is never closed/);
    expect(failure("vars {\n  a: '''\n    x\n}")).toMatch(/''' value of a is not closed/);
    expect(failure('vars:secret [\n  a,')).toMatch(/is never closed/);
  });

  it('reads a large body in one pass', () => {
    const line = '    {"a": 1},\n';
    const text = `body:json {\n  [\n${line.repeat(200_000)}  ]\n}\n`;
    const [body] = blocks(text);
    const lines = body?.kind === 'text' ? body.text.split('\n') : [];
    expect(lines).toHaveLength(200_002);
    expect(lines[1]).toBe('  {"a": 1},');
  });
});
