// The caller's address, for rate limits. X-Forwarded-For is read only behind our own proxies (TRUST_PROXY=<hops>),
// and then only the entry a trusted proxy appended: everything to its left was sent by the client and is not proof.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The address `hops` trusted proxies vouch for: each appends the address it was connected from, so the n-th entry
 * from the right is what the outermost of n proxies saw. With fewer entries than hops, the leftmost (all of them were
 * appended by our proxies). Null when there is nothing to read.
 */
export function forwardedAddress(header: string | undefined, hops: number): string | null {
  if (hops < 1 || !header) return null;
  const entries = header
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  return entries[Math.max(0, entries.length - hops)];
}

export function clientAddressOf(c: Context, trustProxyHops: number): string {
  const forwarded = forwardedAddress(c.req.header("x-forwarded-for"), trustProxyHops);
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
