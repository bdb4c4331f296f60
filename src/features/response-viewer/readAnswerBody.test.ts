import { describe, expect, it } from 'vitest';
import { packAnswer, readAnswerBody, unpackAnswer } from './readAnswerBody';

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
    const text = '{"a":[1,"x",null,-2.5e-7],"b":{"c":true,"":{}},"d\\u0000":"\\u2028"}';
    const answer = readAnswerBody(bytes(text), undefined);
    const { message, transfer } = packAnswer(answer);
    const moved = unpackAnswer(structuredClone(message, { transfer }));
    expect(moved).toEqual(readAnswerBody(bytes(text), undefined));
    expect(moved.tree?.key).toEqual([
      undefined,
      'a',
      undefined,
      undefined,
      undefined,
      undefined,
      'b',
      'c',
      '',
      'd\u0000',
    ]);
    expect(answer.tree?.parent.byteLength).toBe(0);
  });

  it('packs what is not JSON as it is', () => {
    const answer = readAnswerBody(bytes('plain'), 'text/plain');
    expect(unpackAnswer(structuredClone(packAnswer(answer).message))).toEqual(answer);
  });
});
