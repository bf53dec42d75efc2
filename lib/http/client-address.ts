import "server-only";

import { BlockList, isIP } from "node:net";

import { peerAddress, unmapIpv4 } from "./peer-address";

// Who the client is, for the login throttle: the socket's peer, unless that peer is one of the
// reverse proxies the operator listed in CONSOLE_TRUSTED_PROXIES; then the rightmost hop of
// X-Forwarded-For that is not itself a trusted proxy (each proxy appends the address it saw, so
// everything left of the last untrusted hop may be made up by the client).

export class TrustedProxiesError extends Error {}

interface Trusted {
  source: string;
  list: BlockList | undefined;
}
let trusted: Trusted | undefined;

/** Parses CONSOLE_TRUSTED_PROXIES: addresses and CIDR ranges, comma or space separated. */
export function trustedProxies(
  source = process.env.CONSOLE_TRUSTED_PROXIES ?? "",
): BlockList | undefined {
  if (trusted?.source === source) return trusted.list;
  const entries = source.split(/[\s,]+/).filter(Boolean);
  let list: BlockList | undefined;
  if (entries.length > 0) {
    list = new BlockList();
    for (const entry of entries) {
      const [address, prefix, extra] = entry.split("/");
      const family = isIP(unmapIpv4(address));
      const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
      if (
        !family ||
        extra !== undefined ||
        (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) ||
        bits > (family === 6 ? 128 : 32)
      )
        throw new TrustedProxiesError(
          `CONSOLE_TRUSTED_PROXIES: "${entry.slice(0, 60)}" is not an IP address or CIDR range (such as 10.0.0.0/8)`,
        );
      list.addSubnet(unmapIpv4(address), bits, family === 6 ? "ipv6" : "ipv4");
    }
  }
  trusted = { source, list };
  return list;
}

export function isTrustedProxy(address: string, list = trustedProxies()): boolean {
  if (!list) return false;
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The client's address as the console can vouch for it; "unknown" before the stamp is in place. */
export function clientAddress(req: Request): string {
  const peer = peerAddress(req.headers);
  if (!peer) return "unknown";
  const list = trustedProxies();
  if (!isTrustedProxy(peer, list)) return peer;
  const hops = (req.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => unmapIpv4(hop.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--)
    if (!isTrustedProxy(hops[i], list)) return hops[i].slice(0, 64);
  return hops[0]?.slice(0, 64) ?? peer;
}

/** Whether the request came through a trusted proxy, whose X-Forwarded-* headers then count. */
export function viaTrustedProxy(req: Request): boolean {
  const peer = peerAddress(req.headers);
  return peer !== undefined && isTrustedProxy(peer);
}
