import { describe, expect, it } from 'vitest';
import { curlRequest, readCurlCommand } from './readCurlCommand';

function request(text: string) {
  const command = readCurlCommand(text);
  if ('error' in command) throw new Error(command.error);
  return curlRequest(command);
}

describe('curlRequest', () => {
  it('adds what curl adds: Host, Accept, and for data Content-Length and a form Content-Type', () => {
    expect(request(`curl -d 'a=é' https://h.example/p`)).toEqual({
      method: 'POST',
      url: 'https://h.example/p',
      body: 'a=é',
      dataInQuery: false,
      implicitHeaders: [
        ['Host', 'h.example'],
        ['Accept', '*/*'],
        ['Content-Length', '4'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
      ],
    });
  });

  it("leaves out a header the command gives or removes with -H 'Name:'", () => {
    const sent = request(`curl -H 'Content-Type:' -H 'accept: text/plain' --data-raw x https://h/`);
    expect(sent.implicitHeaders.map(([name]) => name)).toEqual(['Host', 'Content-Length']);
  });

  it('-G puts the data in the query and sends a GET; -I a HEAD; -X wins', () => {
    expect(request('curl -G -d a=1 -d b=2 https://h/p?x=0')).toMatchObject({
      method: 'GET',
      url: 'https://h/p?x=0&a=1&b=2',
      body: '',
      dataInQuery: true,
    });
    expect(request('curl -I https://h/').method).toBe('HEAD');
    expect(request('curl -X PUT -d a https://h/').method).toBe('PUT');
  });
});
