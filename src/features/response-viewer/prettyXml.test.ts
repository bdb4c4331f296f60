import { describe, expect, it } from 'vitest';
import { prettyXml } from './prettyXml';

describe('prettyXml', () => {
  it('puts one element on a line, text-only elements on one line, keeps the rest as written', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>a &amp; b</Message>' +
      '<!-- note --><Data a="1>2"><![CDATA[x<y]]><Empty/><Pair></Pair></Data></Error>';
    expect(prettyXml(xml)).toEqual({
      ok: true,
      text: [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Error>',
        '  <Code>AccessDenied</Code>',
        '  <Message>a &amp; b</Message>',
        '  <!-- note -->',
        '  <Data a="1>2">',
        '    <![CDATA[x<y]]>',
        '    <Empty/>',
        '    <Pair></Pair>',
        '  </Data>',
        '</Error>',
      ].join('\n'),
    });
  });

  it('keeps a doctype with an internal subset whole, and resolves nothing in it', () => {
    const xml = '<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>';
    expect(prettyXml(xml)).toEqual({
      ok: true,
      text: '<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<a>&e;</a>',
    });
  });

  it('says where an unclosed construct starts', () => {
    expect(prettyXml('<a><!-- never')).toEqual({
      ok: false,
      message: 'Not well-formed XML: a comment at offset 3 is never closed.',
    });
    expect(prettyXml('<a b="c')).toMatchObject({ ok: false });
  });

  it('stays linear on deep nesting (indentation is capped)', () => {
    const depth = 50_000;
    const result = prettyXml('<a>'.repeat(depth) + '</a>'.repeat(depth));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.text.length).toBeLessThan(depth * 2 * (4 + 64 + 1));
  });
});
