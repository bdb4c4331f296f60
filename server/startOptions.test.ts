import { describe, expect, it } from 'vitest';
import { parsePort, parseStartOptions } from './startOptions';

const DEFAULTS = {
  port: 5173,
  gatewayPort: 5174,
  gateway: true,
  open: false,
  gatewayLog: { format: 'text', quiet: false },
  strict: false,
};

describe('parseStartOptions', () => {
  it.each([
    [[], DEFAULTS],
    [['--collections', 'team/collections'], { ...DEFAULTS, collectionsDir: 'team/collections' }],
    [['--collections=./c'], { ...DEFAULTS, collectionsDir: './c' }],
    [['--port', '0', '--gateway-port=6000'], { ...DEFAULTS, port: 0, gatewayPort: 6000 }],
    [['--config', 'my.json', '--open'], { ...DEFAULTS, configPath: 'my.json', open: true }],
    [['--no-gateway'], { ...DEFAULTS, gateway: false }],
    [['--log-format', 'json'], { ...DEFAULTS, gatewayLog: { format: 'json', quiet: false } }],
    [['--quiet'], { ...DEFAULTS, gatewayLog: { format: 'text', quiet: true } }],
    [['--strict'], { ...DEFAULTS, strict: true }],
  ])('reads %j', (args, options) => {
    expect(parseStartOptions(args)).toEqual(options);
  });

  it('takes the ports from PORT and GATEWAY_PORT, flags first', () => {
    const env = { PORT: '8080', GATEWAY_PORT: '8081' };
    expect(parseStartOptions([], env)).toMatchObject({ port: 8080, gatewayPort: 8081 });
    expect(parseStartOptions(['--port', '9000'], env)).toMatchObject({ port: 9000 });
  });

  it.each([
    [['--collections'], "Option '--collections <value>' argument missing"],
    [['--collections', ''], '--collections needs a folder: --collections DIR'],
    [['--config', ''], '--config needs a file: --config FILE'],
    [['--colections', 'x'], "Unknown option '--colections'"],
    [['--port', 'x'], '--port must be a port number (0-65535), not "x".'],
    [['--gateway-port', '70000'], '--gateway-port must be a port number'],
    [['dir'], "Unexpected argument 'dir'"],
    [['--log-format', 'xml'], '--log-format must be text or json, not "xml".'],
  ])('refuses %j, saying what it takes', (args, message) => {
    expect(() => parseStartOptions(args)).toThrow(message);
    expect(() => parseStartOptions(args)).toThrow(/\nOptions:\n {2}--port N/);
  });

  it('names the variable when an environment port is wrong', () => {
    expect(() => parseStartOptions([], { PORT: 'abc' })).toThrow('PORT must be a port number');
  });
});

describe('parsePort', () => {
  it('says which flag or variable is wrong, and the usage of the command that asked', () => {
    expect(parsePort('--port', undefined, 5174, 'usage: x')).toBe(5174);
    expect(parsePort('--port', '0', 5174, 'usage: x')).toBe(0);
    expect(() => parsePort('GATEWAY_PORT', '65536', 5174, 'usage: x')).toThrow(
      'GATEWAY_PORT must be a port number (0-65535), not "65536".\nusage: x',
    );
  });
});
