/**
 * The Host values a browser sends to a server on 127.0.0.1:port when the page was opened at
 * 127.0.0.1 or localhost. Any other name reaching a loopback server means a DNS name pointed at
 * 127.0.0.1 (DNS rebinding), so a page of another site would count as same-origin.
 */
export function localHosts(port: number): Set<string> {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  // Browsers leave the default port out of Host and Origin.
  if (port === 80) hosts.push('127.0.0.1', 'localhost');
  return new Set(hosts);
}
