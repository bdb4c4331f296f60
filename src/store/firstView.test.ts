import { describe, expect, it } from 'vitest';
import {
  decodeFirstView,
  encodeFirstView,
  FIRST_VIEW_MAX_AGE_MS,
  isFresh,
  type FirstView,
} from './firstView';

const VIEW: FirstView = {
  signedAt: 1_796_000_000_000,
  config: { gatewayUrl: 'http://127.0.0.1:5174/prod', relay: true, collectionsDir: false },
};

describe('the first view the server writes on #root', () => {
  it('reads back what the server wrote', () => {
    expect(decodeFirstView(encodeFirstView(VIEW))).toEqual(VIEW);
  });

  it.each([
    ['no attribute', null],
    ['not JSON', '{'],
    ['a number', '5'],
    ['no time', JSON.stringify({ config: VIEW.config })],
    ['a fractional time', JSON.stringify({ ...VIEW, signedAt: 1.5 })],
    ['a negative time', JSON.stringify({ ...VIEW, signedAt: -1 })],
    [
      'a gateway URL that is no http(s) URL',
      JSON.stringify({ ...VIEW, config: { ...VIEW.config, gatewayUrl: 'javascript:alert(1)' } }),
    ],
    ['relay not a boolean', JSON.stringify({ ...VIEW, config: { ...VIEW.config, relay: 'yes' } })],
    ['too long', JSON.stringify({ ...VIEW, padding: 'x'.repeat(5000) })],
  ])('is not adopted from %s', (_label, text) => {
    expect(decodeFirstView(text)).toBeNull();
  });

  it('keeps only the fields it knows', () => {
    const text = JSON.stringify({ ...VIEW, extra: 1, config: { ...VIEW.config, extra: 2 } });
    expect(decodeFirstView(text)).toEqual(VIEW);
  });

  it('is adopted only while recent, either way of the clock', () => {
    expect(isFresh(VIEW, VIEW.signedAt + FIRST_VIEW_MAX_AGE_MS)).toBe(true);
    expect(isFresh(VIEW, VIEW.signedAt + FIRST_VIEW_MAX_AGE_MS + 1)).toBe(false);
    expect(isFresh(VIEW, VIEW.signedAt - FIRST_VIEW_MAX_AGE_MS - 1)).toBe(false);
  });
});
