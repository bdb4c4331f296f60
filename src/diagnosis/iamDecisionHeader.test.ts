import { describe, expect, it } from 'vitest';
import { decisionTrustedFrom } from './iamDecisionHeader';

describe('decisionTrustedFrom', () => {
  it.each([
    'http://127.0.0.1:5174/prod/hello',
    'http://localhost:5174/prod/hello',
    'http://[::1]:5174/prod/hello',
    'http://gateway.localhost:8080/prod',
  ])('believes a gateway on this machine: %s', (url) => {
    expect(decisionTrustedFrom(url)).toBe(true);
  });

  it.each([
    'https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello',
    'http://127.0.0.1.evil.example/prod',
    'https://localhost.evil.example/prod',
    'http://10.0.0.5:5174/prod/hello',
  ])('not an API elsewhere, whatever it sends: %s', (url) => {
    expect(decisionTrustedFrom(url)).toBe(false);
  });
});
