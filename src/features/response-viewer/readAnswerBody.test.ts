import { describe, expect, it } from 'vitest';
import { readAnswerBody, treeBuffers } from './readAnswerBody';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readAnswerBody', () => {
  it('keeps JSON as its text and tree, not the parsed value', () => {
    const answer = readAnswerBody(bytes('{"a":[1,2]}'), 'application/json');
    expect(answer.body).toEqual({ kind: 'json', text: '{"a":[1,2]}' });
    expect(answer.tree?.size).toBe(4);
  });

  it('gives no tree for what is not JSON', () => {
    expect(readAnswerBody(bytes('<a/>'), 'application/xml')).toEqual({
      body: { kind: 'xml', text: '<a/>' },
      tree: null,
    });
  });

  it('comes out of a worker the same, its typed arrays moved (structured clone)', () => {
    const answer = readAnswerBody(bytes('{"a":[1,"x",null],"b":{"c":true}}'), undefined);
    const moved = structuredClone(answer, { transfer: treeBuffers(answer.tree) });
    const again = readAnswerBody(bytes('{"a":[1,"x",null],"b":{"c":true}}'), undefined);
    expect(moved).toEqual(again);
    expect(answer.tree?.parent.byteLength).toBe(0);
  });
});
