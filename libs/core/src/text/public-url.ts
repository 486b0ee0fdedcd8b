import { BlockList, isIP } from 'node:net';

/** BCP 47 language tags as the API takes them: a 2–3 letter language, then subtags (pt-BR, es-419). */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LANGUAGE_TAG_EXAMPLES = 'en, es or pt-BR';
/** The longest language tag taken (RFC 5646 asks for at least 35 characters of room). */
export const LANGUAGE_TAG_MAX_LENGTH = 35;

/**
 * Addresses no reader on the internet can open (IANA's special-purpose registries): this machine
 * (127/8, ::1, 0.0.0.0 and ::), private and shared networks (10/8, 172.16/12, 192.168/16,
 * 100.64/10, fc00::/7), link-local ones (169.254/16, the cloud metadata address among them;
 * fe80::/10), multicast and reserved. An IPv4 address written as IPv6 (::ffff:10.0.0.1, or the
 * old ::127.0.0.1) is held to the IPv4 ranges.
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
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
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
  const ip = isIP(host);
  if (ip) return NOT_PUBLIC.check(host, ip === 4 ? 'ipv4' : 'ipv6');
  return host === 'localhost' || host.endsWith('.localhost');
}
