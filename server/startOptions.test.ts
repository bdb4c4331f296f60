import { describe, expect, it } from 'vitest';
import { parseStartOptions } from './startOptions';

describe('parseStartOptions', () => {
  it.each([
    [[], {}],
    [['--collections', 'team/collections'], { collectionsDir: 'team/collections' }],
    [['--collections=./c'], { collectionsDir: './c' }],
  ])('reads %j', (args, options) => {
    expect(parseStartOptions(args)).toEqual(options);
  });

  it.each([
    [['--collections'], "Option '--collections <value>' argument missing"],
    [['--collections', ''], '--collections needs a folder: --collections DIR'],
    [['--colections', 'x'], "Unknown option '--colections'"],
    [['--port', '1'], "Unknown option '--port'"],
    [['dir'], "Unexpected argument 'dir'"],
  ])('refuses %j, saying what it takes', (args, message) => {
    expect(() => parseStartOptions(args)).toThrow(message);
    expect(() => parseStartOptions(args)).toThrow(/\nOptions: --collections DIR/);
  });
});
