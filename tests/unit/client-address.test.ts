import type { IncomingMessage } from 'node:http';
import { setClientAddress } from '@/scripts/lib/app-server.mjs';
import { normalizeAddress, parseTrustedProxies, resolveClientAddress } from '@/scripts/lib/client-address.mjs';

function fakeRequest(remoteAddress: string, headers: Record<string, string | string[]>) {
  return { socket: { remoteAddress }, headers: { ...headers } } as unknown as IncomingMessage;
}

describe('setClientAddress', () => {
  it('without trusted proxies uses the socket and replaces a forged x-rebound-client-ip, ignoring X-Forwarded-For', () => {
    const request = fakeRequest('::ffff:203.0.113.7', {
      'x-forwarded-for': '10.9.1.1',
      'x-rebound-client-ip': '10.9.2.1',
    });

    setClientAddress(request, parseTrustedProxies(undefined));

    expect(request.headers['x-rebound-client-ip']).toBe('203.0.113.7');
  });

  it('behind one trusted hop takes the last X-Forwarded-For entry, whatever the client put before it', () => {
    const request = fakeRequest('10.0.0.2', {
      'x-forwarded-for': '10.9.1.1, 198.51.100.4',
      'x-rebound-client-ip': '10.9.2.1',
    });

    setClientAddress(request, parseTrustedProxies('1'));

    expect(request.headers['x-rebound-client-ip']).toBe('198.51.100.4');
  });
});

describe('resolveClientAddress', () => {
  const forged = '10.9.7.1, 10.9.8.1';

  it('with a hop count skips that many proxies from the right, and stops at the left-most entry', () => {
    const forwardedFor = `${forged}, 198.51.100.4, 10.0.0.9`;
    expect(resolveClientAddress({ remoteAddress: '10.0.0.2', forwardedFor, trusted: { hops: 2 } })).toBe(
      '198.51.100.4',
    );
    expect(
      resolveClientAddress({ remoteAddress: '10.0.0.2', forwardedFor: '198.51.100.4', trusted: { hops: 5 } }),
    ).toBe('198.51.100.4');
    expect(resolveClientAddress({ remoteAddress: '10.0.0.2', forwardedFor: undefined, trusted: { hops: 1 } })).toBe(
      '10.0.0.2',
    );
  });

  it('with CIDRs takes the right-most address that is not a trusted proxy, over several header lines', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8, 2001:db8::/32, 192.0.2.1');
    const forwardedFor = ['10.9.7.1, 198.51.100.4', '192.0.2.1, 2001:db8::5'];

    expect(resolveClientAddress({ remoteAddress: '10.0.0.2', forwardedFor, trusted })).toBe('198.51.100.4');
  });

  it('with CIDRs ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8');
    expect(resolveClientAddress({ remoteAddress: '203.0.113.7', forwardedFor: forged, trusted })).toBe('203.0.113.7');
  });

  it('reads 0 and an empty value as no trusted proxies, and refuses what is neither a count nor CIDRs', () => {
    expect(parseTrustedProxies('')).toBeNull();
    expect(parseTrustedProxies('0')).toBeNull();
    for (const value of ['10.0.0.0/33', 'proxy.internal', '10.0.0.0/', '::1/129', '-1']) {
      expect(() => parseTrustedProxies(value)).toThrow(/REBOUND_TRUSTED_PROXIES/);
    }
  });

  it('normalizes mapped IPv4, brackets and ports', () => {
    expect(normalizeAddress('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress(' 198.51.100.4:5000 ')).toBe('198.51.100.4');
  });
});
