import { describe, expect, it } from 'vitest';
import { DEFAULT_SAVED_OPTIONS } from '../../collections/collectionModel';
import {
  appendQuery,
  buildSavedRequest,
  fillPathParameters,
  importedName,
  ImportedRequestTallies,
} from './importedRequest';

const parts = { name: 'Req', method: 'post', url: 'https://h.example/p', headers: [], body: '' };

describe('buildSavedRequest', () => {
  it('fills in the signing defaults and upper-cases the method', () => {
    const request = buildSavedRequest(parts, 'r1', new ImportedRequestTallies());
    expect(request).toEqual({
      kind: 'request',
      id: 'r1',
      name: 'Req',
      method: 'POST',
      url: 'https://h.example/p',
      headers: [],
      body: '',
      options: DEFAULT_SAVED_OPTIONS,
    });
  });

  it('leaves out the headers a signer writes, and says so once', () => {
    const tallies = new ImportedRequestTallies();
    const request = buildSavedRequest(
      {
        ...parts,
        headers: [
          { name: 'X-Amz-Date', value: '20150830T123600Z' },
          { name: 'authorization', value: 'AWS4-HMAC-SHA256 Credential=…' },
          { name: 'X-Amz-Security-Token', value: 'token' },
          { name: 'Host', value: 'h.example' },
          { name: 'Accept', value: 'application/json' },
        ],
      },
      'r1',
      tallies,
    );
    expect(request.headers.map((header) => header.name)).toEqual(['Host', 'Accept']);
    expect(tallies.notes()).toEqual([expect.stringContaining('left out of “Req”')]);
  });

  it('keeps a credential header by name only, unless a variable holds the secret', () => {
    const tallies = new ImportedRequestTallies();
    const request = buildSavedRequest(
      {
        ...parts,
        headers: [
          { name: 'X-Api-Key', value: 'sk_live_123' },
          { name: 'X-Api-Token', value: 'Bearer {{token}}' },
          { name: 'Cookie', value: 'session={{session}}; theme=dark' },
        ],
      },
      'r1',
      tallies,
    );
    expect(request.headers).toEqual([
      { name: 'X-Api-Key', value: '', signed: true, withheld: true },
      { name: 'X-Api-Token', value: 'Bearer {{token}}', signed: true },
      { name: 'Cookie', value: '', signed: true, withheld: true },
    ]);
    expect(tallies.notes()).toEqual([expect.stringContaining('kept by name')]);
  });

  it('takes credential query parameters out of the URL', () => {
    const request = buildSavedRequest(
      { ...parts, url: 'https://h.example/p?api_key=abc&page=2&token={{token}}' },
      'r1',
      new ImportedRequestTallies(),
    );
    expect(request.url).toBe('https://h.example/p?page=2&token={{token}}');
  });

  it('sets region, service and description only when they have text', () => {
    const request = buildSavedRequest(
      { ...parts, region: ' eu-west-1 ', service: '', description: '  ' },
      'r1',
      new ImportedRequestTallies(),
    );
    expect(request.region).toBe('eu-west-1');
    expect('service' in request).toBe(false);
    expect('description' in request).toBe(false);
  });
});

describe('importedName', () => {
  it('falls back when empty and cuts names the model cannot keep', () => {
    expect(importedName('  ', 'Untitled')).toBe('Untitled');
    expect(importedName('x'.repeat(600), 'Untitled')).toHaveLength(500);
  });
});

describe('appendQuery', () => {
  it('adds after the query the URL has, before its fragment', () => {
    expect(appendQuery('https://h/p', [{ name: 'a', value: '1' }])).toBe('https://h/p?a=1');
    expect(appendQuery('https://h/p?x=1#top', [{ name: 'a', value: '' }])).toBe(
      'https://h/p?x=1&a=#top',
    );
    expect(appendQuery('https://h/p?', [{ name: 'a', value: '1' }])).toBe('https://h/p?a=1');
    expect(appendQuery('https://h/p', [])).toBe('https://h/p');
  });
});

describe('fillPathParameters', () => {
  it('fills :name segments of the path and returns those without a value', () => {
    const values = new Map([
      ['id', 'ord 1'],
      ['empty', ''],
    ]);
    expect(fillPathParameters('https://h:8080/a/:id/:empty/:other?q=:id', values)).toEqual({
      url: 'https://h:8080/a/ord%201/:empty/:other?q=:id',
      unfilled: ['empty', 'other'],
    });
  });

  it('leaves a value with a slash as one segment', () => {
    expect(fillPathParameters('{{base}}/:id', new Map([['id', 'a/b']])).url).toBe('{{base}}/a%2Fb');
  });
});
