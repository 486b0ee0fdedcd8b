import { isPublicAddress } from './public-url';

const REFUSED = [
  '127.0.0.1',
  '10.1.2.3',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '0.0.0.0',
  '224.0.0.1',
  '::1',
  '::',
  'fe80::1',
  'fd00::1',
  '::ffff:127.0.0.1',
  '::ffff:10.0.0.1',
  // an IPv4 address embedded in IPv6 by a translator (NAT64, SIIT) or a 6to4 relay reaches that
  // IPv4 address: NAT64 gateways (a cloud's among them) translate to private networks too
  '64:ff9b::10.0.0.5',
  '64:ff9b::a9fe:a9fe',
  '64:ff9b::7f00:1',
  '::ffff:0:a00:1',
  '2002:a00:1::1',
  '2002:a9fe:a9fe::',
  'not an address',
  '',
];
const ALLOWED = [
  '93.184.216.34',
  '8.8.8.8',
  '172.32.0.1',
  '2606:4700::1111',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
];

describe('isPublicAddress', () => {
  it.each([...REFUSED.map((a) => [a, false] as const), ...ALLOWED.map((a) => [a, true] as const)])(
    '%s: %s',
    (address, allowed) => {
      expect(isPublicAddress(address)).toBe(allowed);
    },
  );
});
