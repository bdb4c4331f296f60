// IP addresses and CIDR ranges for IpAddress/NotIpAddress on aws:SourceIp, with Node's own
// parser and matcher (net.isIP, net.BlockList) rather than a hand-written one.
import { BlockList, isIP } from 'node:net';

export interface CidrRange {
  /** As written in the policy. */
  written: string;
  family: 'ipv4' | 'ipv6';
  list: BlockList;
}

/** A policy's address or range (a bare address is /32 or /128), or why it is not one. */
export function parseCidr(written: string): CidrRange | { problem: string } {
  const [address = '', prefixText, extra] = written.split('/');
  const version = extra === undefined ? isIP(address) : 0;
  if (version === 0)
    return {
      problem: `"${written.slice(0, 100)}" is not an IP address or a CIDR range such as 192.0.2.0/24 or 2001:db8::/32`,
    };
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const max = version === 4 ? 32 : 128;
  const prefix =
    prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max))
    return { problem: `"${written}" has a prefix length that is not 0 to ${max}` };
  const list = new BlockList();
  list.addSubnet(address, prefix, family);
  return { written, family, list };
}

/**
 * The socket's remote address as aws:SourceIp: an IPv4 client on a dual-stack socket arrives as
 * ::ffff:127.0.0.1, which AWS would see (and policies name) as 127.0.0.1.
 */
export function normalizeSourceIp(remoteAddress: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(remoteAddress);
  return mapped ? mapped[1]! : remoteAddress;
}

/** Whether an address lies in the range (an IPv4 address is never in an IPv6 range here). */
export function cidrContains(range: CidrRange, address: string): boolean {
  const version = isIP(address);
  if (version === 0) return false;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  return family === range.family && range.list.check(address, family);
}
