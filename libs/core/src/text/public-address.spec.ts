import { isPublicAddress } from './public-url';

describe('isPublicAddress', () => {
  it.each([
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
    'not an address',
    '',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    // an IPv4 address embedded in IPv6 by a translator (NAT64, SIIT) or a 6to4 relay reaches that
    // IPv4 address: NAT64 gateways (a cloud's among them) translate to private networks too
    ['64:ff9b::10.0.0.5', '64:ff9b::a00:5'],
    ['64:ff9b::169.254.169.254', '64:ff9b::a9fe:a9fe'],
    ['64:ff9b::127.0.0.1', '64:ff9b::7f00:1'],
    ['::ffff:0:10.0.0.1', '::ffff:0:a00:1'],
    ['2002:a00:1::1 (6to4 of 10.0.0.1)', '2002:a00:1::1'],
    ['2002:a9fe:a9fe::', '2002:a9fe:a9fe::'],
  ])('refuses %s, an IPv4 address of a private network in IPv6', (_name, address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});
