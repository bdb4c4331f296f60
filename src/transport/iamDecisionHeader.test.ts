import { describe, expect, it } from 'vitest';
import {
  decisionTrustedFrom,
  IAM_TRACE_REQUEST_HEADER,
  withTraceQuestion,
} from './iamDecisionHeader';

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

describe('withTraceQuestion', () => {
  const lines: Array<[string, string]> = [
    ['Host', 'h'],
    ['Authorization', 'AWS4-HMAC-SHA256 …'],
  ];

  it('asks a gateway on this machine, once, after the lines given', () => {
    expect(withTraceQuestion('http://127.0.0.1:5174/prod/hello', lines)).toEqual([
      ...lines,
      [IAM_TRACE_REQUEST_HEADER, '1'],
    ]);
    const asked: Array<[string, string]> = [...lines, ['X-Playground-Iam-Trace', '1']];
    expect(withTraceQuestion('http://localhost:5174/prod/hello', asked)).toBe(asked);
  });

  it('never asks an API elsewhere', () => {
    const url = 'https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello';
    expect(withTraceQuestion(url, lines)).toBe(lines);
  });
});
