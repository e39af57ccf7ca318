import { ConfigError } from './config-error';
import { parseTrustProxy } from './trust-proxy';

describe(parseTrustProxy.name, () => {
  it('trusts no forwarded header unless told to', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('  ')).toBe(false);
    expect(parseTrustProxy('off')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
  });

  it('takes a number of proxy hops', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy(' 2 ')).toBe(2);
  });

  it('takes names, addresses and CIDR ranges, separated by commas', () => {
    expect(parseTrustProxy('loopback')).toEqual(['loopback']);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,192.168.1.4, fd00::/8, ::1')).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.168.1.4',
      'fd00::/8',
      '::1',
    ]);
  });

  it.each([
    'true',
    'all',
    'proxy.example',
    '10.0.0.0/33',
    '::1/129',
    '10.0.0.1/8/2',
    '300.1.1.1',
    '11',
    'loopback;10.0.0.1',
  ])('refuses %p naming the variable', (raw) => {
    expect(() => parseTrustProxy(raw)).toThrow(ConfigError);
    expect(() => parseTrustProxy(raw)).toThrow(/^Invalid configuration: TRUST_PROXY /);
  });
});
