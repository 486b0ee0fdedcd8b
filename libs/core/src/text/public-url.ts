import { BlockList, isIP } from 'node:net';

/**
 * Addresses no reader on the internet can open (IANA's special-purpose registries): this machine
 * (127/8, ::1, 0.0.0.0 and ::), private and shared networks (10/8, 172.16/12, 192.168/16,
 * 100.64/10, fc00::/7), link-local ones (169.254/16, the cloud metadata address among them;
 * fe80::/10), documentation, benchmarking, multicast and reserved ranges. An IPv4 address written
 * as IPv6 (::ffff:10.0.0.1, or the old ::127.0.0.1) is held to the IPv4 ranges. Published
 * documents never point there (`isLocalUrl`), and the server never fetches a page there on a
 * user's behalf (`isPublicAddress`).
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** Whether `address` (an IP literal) is one anyone on the internet reaches (false for a non-IP). */
export function isPublicAddress(address: string): boolean {
  const mapped = MAPPED_V4.exec(address);
  if (mapped) return isPublicAddress(mapped[1]);
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family === 6) return !NOT_PUBLIC.check(address, 'ipv6');
  return false;
}

/**
 * Whether a URL points at this machine or at a private network (localhost, *.localhost, and the
 * addresses of NOT_PUBLIC however they are written: 2130706433, 0x7f.1, [::ffff:127.0.0.1]): such
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
  if (isIP(host)) return !isPublicAddress(host);
  return host === 'localhost' || host.endsWith('.localhost');
}
