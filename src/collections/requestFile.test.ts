import { describe, expect, it } from 'vitest';
import { collectionToFiles } from './collectionFiles';
import { byPath, orders, read, request } from './collectionFilesTestSupport';
import { DEFAULT_SAVED_OPTIONS } from './collectionModel';

describe('a request’s file', () => {
  it('writes no credential, should a request hold one', () => {
    const leaky = request('x', 'Leaky', {
      url: 'https://user:pass@example.com/x?X-Amz-Signature=abc&page=2',
      headers: [
        { name: 'Authorization', value: 'AWS4-HMAC-SHA256 Credential=AKID/…', signed: true },
        { name: 'x-api-key', value: 'k3y-literal', signed: false },
        { name: 'x-auth-token', value: 'Bearer {{token}}', signed: true },
        { name: 'accept', value: '*/*', signed: true },
      ],
    });
    const text = byPath(collectionToFiles({ ...orders, items: [leaky] }))['leaky.request.json']!;
    expect(text).not.toContain('AWS4-HMAC');
    expect(text).not.toContain('pass@');
    expect(text).not.toContain('X-Amz-Signature');
    expect(text).toContain('"url": "https://example.com/x?page=2"');
    expect(JSON.parse(text).headers).toEqual([
      { name: 'Authorization', value: '', signed: true, withheld: true },
      { name: 'x-api-key', value: '', signed: false, withheld: true },
      // A value that only names its variable holds no secret (credentialFields.ts): it stays.
      { name: 'x-auth-token', value: 'Bearer {{token}}', signed: true },
      { name: 'accept', value: '*/*', signed: true },
    ]);
  });

  it('reads files written by hand: defaults for what they leave out', () => {
    const { collection } = read([
      { path: 'collection.json', text: '{"name":"Hand made"}' },
      { path: 'ping.request.json', text: '{"name":"Ping","method":"GET","url":"/"}' },
    ]);
    expect(collection).toEqual({
      id: 'orders-api',
      name: 'Hand made',
      variables: [],
      items: [
        {
          kind: 'request',
          id: 'ping.request.json',
          name: 'Ping',
          method: 'GET',
          url: '/',
          headers: [],
          body: '',
          options: DEFAULT_SAVED_OPTIONS,
        },
      ],
    });
  });
});
