import { describe, expect, it } from 'vitest';
import { parseJsonLoose } from './readErrorBody';

describe('parseJsonLoose', () => {
  it('accepts raw control characters inside strings only', () => {
    expect(parseJsonLoose('{"a":"x\ny\tz"}')).toEqual({ a: 'x\ny\tz' });
    expect(parseJsonLoose('{\n"a" : 1\n}')).toEqual({ a: 1 });
    expect(parseJsonLoose('{')).toBeUndefined();
  });
});
