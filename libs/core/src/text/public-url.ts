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
 * nor unrouted, nor such an IPv4 address reached through NAT64, SIIT or 6to4 (embeddedIpv4);
 * false for anything that is no IP address.
 */
export function isPublicAddress(address: string): boolean {
  const mapped = MAPPED_V4.exec(address);
  if (mapped) return isPublicAddress(mapped[1]);
  const family = isIP(address);
  if (family === 0) return false;
  const embedded = family === 6 ? embeddedIpv4(address) : null;
  if (embedded) return isPublicAddress(embedded);
  return !isLocalAddress(address) && !NOT_FETCHED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The IPv4 address an IPv6 one reaches through a translator or relay, else null: NAT64's
 * well-known prefix 64:ff9b::/96 (RFC 6052; cloud NAT64 gateways translate to private IPv4
 * networks too), SIIT's ::ffff:0:0/96 (RFC 6145) and 6to4's 2002::/16 (RFC 3056).
 */
function embeddedIpv4(address: string): string | null {
  const groups = ipv6Groups(address);
  if (!groups) return null;
  const zero = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  const ipv4 = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6)) return ipv4(groups[6], groups[7]);
  if (zero(0, 4) && groups[4] === 0xffff && groups[5] === 0) return ipv4(groups[6], groups[7]);
  if (groups[0] === 0x2002) return ipv4(groups[1], groups[2]);
  return null;
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function ipv6Groups(address: string): number[] | null {
  let host: string;
  try {
    // the URL parser writes any IPv6 form (dotted IPv4 tail included) as hexadecimal groups
    host = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const [head, tail] = host.split('::');
  const left = parse(head);
  if (tail === undefined) return left.length === 8 ? left : null;
  const right = parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
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
