import { describe, expect, it } from 'vitest';
import { statementRange } from './statementRange';

const text = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'A', Effect: 'Allow' },
      { Sid: 'B', Effect: 'Deny' },
    ],
  },
  null,
  2,
);

describe('statementRange', () => {
  it('finds each statement object of a pretty-printed document', () => {
    const first = statementRange(text, 0)!;
    expect(JSON.parse(text.slice(first.start, first.end))).toEqual({ Sid: 'A', Effect: 'Allow' });
    const second = statementRange(text, 1)!;
    expect(JSON.parse(text.slice(second.start, second.end))).toEqual({ Sid: 'B', Effect: 'Deny' });
  });

  it('is undefined past the last statement or for other layouts', () => {
    expect(statementRange(text, 2)).toBeUndefined();
    expect(statementRange('[{"Effect":"Allow"}]', 0)).toBeUndefined();
  });
});
