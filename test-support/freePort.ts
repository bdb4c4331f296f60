// A loopback port nothing listens on right now, for a test that starts a server process of its
// own and must tell it the port in advance (PORT, --port). The OS picks it; the port is released
// before returning, so another process could take it first: fine on a test machine.
import { createServer, type AddressInfo } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
