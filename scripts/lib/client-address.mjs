// Which address a request came from, for the per-address limits. The launcher's HTTP server
// sets it as the x-rebound-client-ip header; the app reads nothing else. Without trusted
// proxies it is the socket's peer: X-Forwarded-For is whatever the client typed. With
// REBOUND_TRUSTED_PROXIES (a number of proxy hops, or a comma list of CIDRs) it is the
// right-most X-Forwarded-For entry that no trusted proxy wrote.
import { BlockList, isIP } from 'node:net';

export const CLIENT_IP_HEADER = 'x-rebound-client-ip';

/** '::ffff:1.2.3.4' → '1.2.3.4', '[::1]:80' → '::1', '1.2.3.4:80' → '1.2.3.4'; anything else trimmed. */
export function normalizeAddress(value) {
  let address = String(value ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1];
  return address.toLowerCase();
}

/**
 * REBOUND_TRUSTED_PROXIES → { hops } or { blockList }, or null when unset. A value that is
 * neither a count nor a list of CIDRs stops start-up: guessing would make the limits trust
 * the wrong address.
 */
export function parseTrustedProxies(value) {
  const text = String(value ?? '').trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops > 0 ? { hops } : null;
  }
  const blockList = new BlockList();
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = '', prefixText, ...rest] = entry.split('/');
    const normalized = normalizeAddress(address);
    const family = isIP(normalized);
    const maxPrefix = family === 6 ? 128 : 32;
    const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
    if (
      !family ||
      rest.length ||
      !Number.isInteger(prefix) ||
      prefix < 0 ||
      prefix > maxPrefix ||
      (prefixText ?? '0').trim() === ''
    ) {
      throw new Error(
        `REBOUND_TRUSTED_PROXIES: "${entry}" is not a CIDR (like 10.0.0.0/8 or ::1/128) or a count of proxy hops.`,
      );
    }
    blockList.addSubnet(normalized, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return { blockList };
}

function isTrusted(blockList, address) {
  const family = isIP(address);
  return family !== 0 && blockList.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The client's address from the socket's peer, the X-Forwarded-For header(s) and the parsed trust. */
export function resolveClientAddress({ remoteAddress, forwardedFor, trusted }) {
  const peer = normalizeAddress(remoteAddress) || 'unknown';
  if (!trusted) return peer;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map(normalizeAddress)
    .filter(Boolean);
  // Right to left: the socket's peer, then each address a proxy appended for the hop before it.
  const chain = [peer, ...forwarded.reverse()];
  if (trusted.hops) return chain[Math.min(trusted.hops, chain.length - 1)];
  const client = chain.find((address) => !isTrusted(trusted.blockList, address));
  return client ?? chain[chain.length - 1];
}
