import { describe, expect, it } from 'vitest';
import { DEFAULT_SAVED_OPTIONS, type Collection } from '../collections/collectionModel';
import type { OptionsFields } from './playgroundState';
import { defaultRequestFields } from './requestSlice';
import {
  sameContent,
  savedContentOf,
  savedRequestFields,
  storableCollection,
  type SavedFormFields,
} from './savedRequest';
import { createTestStore } from './storeTestSupport';

const options: OptionsFields = createTestStore().getState().options;

/** The first-run form, with region and service set by hand (as a user may). */
function form(fields: Partial<SavedFormFields> = {}): SavedFormFields {
  return {
    ...defaultRequestFields(),
    regionOverride: 'ca-central-1',
    serviceOverride: 'execute-api',
    ...fields,
  };
}

const row = (name: string, value: string, signed = true) => ({ id: name, name, value, signed });

describe('savedContentOf', () => {
  it('keeps method, URL, headers, body and the signing options as the form has them', () => {
    const { content, notKept } = savedContentOf(
      form({
        method: 'PUT',
        url: 'https://api.example.com/items?a=1',
        headers: [row('content-type', 'text/plain'), row('x-trace', 'abc', false)],
        bodyText: 'hello',
      }),
      { ...options, mode: 'query', expiresIn: '60', algorithm: 'sigv4a', regionSet: 'us-*' },
    );
    expect(content).toEqual({
      method: 'PUT',
      url: 'https://api.example.com/items?a=1',
      headers: [
        { name: 'content-type', value: 'text/plain', signed: true },
        { name: 'x-trace', value: 'abc', signed: false },
      ],
      body: 'hello',
      region: 'ca-central-1',
      service: 'execute-api',
      options: {
        ...DEFAULT_SAVED_OPTIONS,
        mode: 'query',
        expiresIn: '60',
        algorithm: 'sigv4a',
        regionSet: 'us-*',
      },
    });
    expect(notKept).toEqual([]);
  });

  it('saves region and service only when set by hand: otherwise they follow the URL', () => {
    const { content } = savedContentOf(
      form({ regionOverride: null, serviceOverride: 'lambda' }),
      options,
    );
    expect('region' in content).toBe(false);
    expect(content.service).toBe('lambda');
  });

  it('never keeps a credential header’s value, a credential in the URL or a file body', () => {
    const { content, notKept } = savedContentOf(
      form({
        url: 'https://alice:pw-e2e@api.example.com/x?X-Amz-Security-Token=tok-1&a=1',
        headers: [row('Authorization', 'Bearer secret-1'), row('X-Api-Key', 'key-1')],
        bodySource: 'file',
        bodyText: 'old text',
      }),
      options,
    );
    const text = JSON.stringify(content);
    for (const secret of ['pw-e2e', 'tok-1', 'secret-1', 'key-1', 'old text'])
      expect(text).not.toContain(secret);
    expect(content.url).toBe('https://api.example.com/x?a=1');
    expect(content.headers).toEqual([
      { name: 'Authorization', value: '', signed: true, withheld: true },
      { name: 'X-Api-Key', value: '', signed: true, withheld: true },
    ]);
    expect(notKept).toEqual([
      'Authorization',
      'X-Api-Key',
      'user:password@',
      'X-Amz-Security-Token',
      'the file body',
    ]);
  });

  it('leaves out empty header rows', () => {
    const { content } = savedContentOf(form({ headers: [row('', ''), row('a', '1')] }), options);
    expect(content.headers.map((header) => header.name)).toEqual(['a']);
  });
});

describe('savedRequestFields', () => {
  it('gives the form back what was saved: converting it again changes nothing', () => {
    const { content } = savedContentOf(
      form({
        headers: [row('Authorization', 'Bearer x'), row('x-a', '1', false)],
        regionOverride: null,
      }),
      { ...options, payload: 'unsigned' },
    );
    const fields = savedRequestFields({ kind: 'request', id: 'r1', name: 'A', ...content });
    expect(fields.request.regionOverride).toBeNull();
    expect(fields.request.serviceOverride).toBe('execute-api');
    expect(fields.request.signingTime).toBe('');
    expect(fields.request.headers[0]).toMatchObject({ name: 'Authorization', withheld: true });
    expect(fields.options.payload).toBe('unsigned');
    const again = savedContentOf(fields.request, { ...options, ...fields.options }).content;
    expect(sameContent(again, content)).toBe(true);
  });
});

describe('sameContent', () => {
  const base = savedContentOf(form(), options).content;
  it.each([
    ['method', { ...base, method: 'GET' }],
    ['url', { ...base, url: base.url + '?a' }],
    ['body', { ...base, body: '' }],
    ['region set by hand', { ...base, region: 'us-east-1' }],
    ['service following the URL', { ...base, service: undefined }],
    [
      'a header left out of the signature',
      { ...base, headers: [{ ...base.headers[0]!, signed: false }] },
    ],
    ['an option', { ...base, options: { ...base.options, signSessionToken: false } }],
  ])('sees a change of %s', (_, changed) => {
    expect(sameContent(changed as typeof base, base)).toBe(false);
  });

  it('is true for the same request', () => {
    expect(sameContent(savedContentOf(form(), options).content, base)).toBe(true);
  });
});

describe('storableCollection', () => {
  it('leaves out secret variable values and credential headers, folders included', () => {
    const collection: Collection = {
      id: 'c1',
      name: 'API',
      variables: [
        { name: 'token', value: 'var-secret-1', secret: true, enabled: true },
        { name: 'stage', value: 'dev', secret: false, enabled: true },
      ],
      items: [
        {
          kind: 'folder',
          id: 'f1',
          name: 'F',
          items: [
            {
              kind: 'request',
              id: 'r1',
              name: 'R',
              method: 'GET',
              url: 'https://x.example/?api_key=url-secret-1',
              headers: [{ name: 'Cookie', value: 'cookie-secret-1', signed: true }],
              body: '',
              options: DEFAULT_SAVED_OPTIONS,
            },
          ],
        },
      ],
    };
    const text = JSON.stringify(storableCollection(collection));
    for (const secret of ['var-secret-1', 'url-secret-1', 'cookie-secret-1'])
      expect(text).not.toContain(secret);
    expect(text).toContain('"stage","value":"dev"');
  });
});
