// TRUST_PROXY: which forwarded headers (X-Forwarded-For) name the client. Pure; validated at start-up.
import { isIP } from 'net';
import { ConfigError } from './config-error';

/**
 * What Express's `trust proxy` gets: false (the connection's own address is the client: the default), a number of
 * proxy hops in front of the app, or the proxies' addresses (IPs, CIDR ranges, or Express's names).
 */
export type TrustProxy = false | number | string[];

/** Express's (proxy-addr's) names for address ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const MAX_HOPS = 10;

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim();
  if (!value || /^(off|false|no|none|0)$/i.test(value)) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS)
      throw new ConfigError(
        'TRUST_PROXY',
        `must be at most ${MAX_HOPS} proxy hops, not "${value}"`,
        'config.problem.tooManyHops',
        { max: MAX_HOPS, value },
      );
    return hops;
  }
  // "true" would believe any X-Forwarded-For a client sends, and so let anyone choose their own throttle.
  if (/^(on|true|yes|all)$/i.test(value)) {
    throw new ConfigError(
      'TRUST_PROXY',
      'must name the proxies (loopback, an address or range such as 10.0.0.0/8) or their number of hops; trusting every address would let clients choose their own',
      'config.problem.trustAll',
    );
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!isProxyEntry(entry)) {
      throw new ConfigError(
        'TRUST_PROXY',
        `"${entry}" is not an IP address, a CIDR range or one of ${RANGE_NAMES.join(', ')} (separate several with commas)`,
        'config.problem.proxyEntry',
        { entry, names: RANGE_NAMES.join(', ') },
      );
    }
  }
  return entries;
}

function isProxyEntry(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
