import { BlockList, isIP } from 'node:net';

/**
 * Addresses of this machine or of a private network (IANA's special-purpose registries): this
 * machine (127/8, ::1, 0.0.0.0 and ::), private and shared networks (10/8, 172.16/12, 192.168/16,
 * 100.64/10, fc00::/7), link-local ones (169.254/16, the cloud metadata address among them;
 * fe80::/10), multicast and reserved. An IPv4 address written as IPv6 (::ffff:10.0.0.1, or the
 * old ::127.0.0.1) is held to the IPv4 ranges. Published documents never point there
 * (`isLocalUrl`).
 */
const LOCAL = new BlockList();
/**
 * What is more, the server fetches no page on a user's behalf (`isPublicAddress`) from ranges
 * nobody on the internet routes: documentation, translation and deprecated site-local ones.
 */
const NOT_FETCHED = new BlockList();
for (const [network, prefix, list] of [
  ['0.0.0.0', 8, LOCAL],
  ['10.0.0.0', 8, LOCAL],
  ['100.64.0.0', 10, LOCAL],
  ['127.0.0.0', 8, LOCAL],
  ['169.254.0.0', 16, LOCAL],
  ['172.16.0.0', 12, LOCAL],
  ['192.0.0.0', 24, LOCAL],
  ['192.168.0.0', 16, LOCAL],
  ['198.18.0.0', 15, LOCAL],
  ['224.0.0.0', 4, LOCAL],
  ['240.0.0.0', 4, LOCAL],
  ['192.0.2.0', 24, NOT_FETCHED],
  ['198.51.100.0', 24, NOT_FETCHED],
  ['203.0.113.0', 24, NOT_FETCHED],
] as const) {
  list.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix, list] of [
  ['::', 96, LOCAL],
  ['::1', 128, LOCAL],
  ['fc00::', 7, LOCAL],
  ['fe80::', 10, LOCAL],
  ['ff00::', 8, LOCAL],
  ['64:ff9b:1::', 48, NOT_FETCHED],
  ['100::', 64, NOT_FETCHED],
  ['2001:db8::', 32, NOT_FETCHED],
  ['fec0::', 10, NOT_FETCHED],
] as const) {
  list.addSubnet(network, prefix, 'ipv6');
}

const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** Whether `address` (an IP literal) is one this machine or a private network answers. */
function isLocalAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && LOCAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Whether `address` (an IP literal) is one a fetch on a user's behalf may reach: neither local
 * nor unrouted (false for anything that is no IP address).
 */
export function isPublicAddress(address: string): boolean {
  const mapped = MAPPED_V4.exec(address);
  if (mapped) return isPublicAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return false;
  return !isLocalAddress(address) && !NOT_FETCHED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Whether a URL points at this machine or at a private network (localhost, *.localhost, and the
 * addresses of LOCAL however they are written: 2130706433, 0x7f.1, [::ffff:127.0.0.1]): such
 * an address works for nobody else, so it must never reach a published document.
 */
export function isLocalUrl(value: string | URL): boolean {
  let host: string;
  try {
    host = (typeof value === 'string' ? new URL(value) : value).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (isIP(host)) return isLocalAddress(host);
  return host === 'localhost' || host.endsWith('.localhost');
}
