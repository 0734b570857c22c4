// アクセス解析（Cookieを使わない）: the rules of counting a view of the hub's public pages, as plain functions.
// A visitor is known for one day only, by a hash of the day's random salt, the browser's user agent and the client
// address (as Plausible counts); the salt is deleted after 48 hours, so the hash can no longer be recomputed from an
// address and cannot tie two days together. Nothing else about the caller is kept: the page without its query, the
// referring site's host without its path, and what the page shows.

/** A visitor hash: the first 32 hex digits (128 bits) of the SHA-256. */
export const VISITOR_HASH_PATTERN = /^[0-9a-f]{32}$/;
export const VISITOR_HASH_LENGTH = 32;
/** The daily salt's size in bytes. */
export const SALT_BYTES = 16;
/** Salts older than this are deleted (the day's salt and the one before it are all a visit needs). */
export const SALT_MAX_AGE_HOURS = 48;

/** The longest path the hub stores (region_visits.path). */
export const VISIT_PATH_MAX = 300;
/** The public hub's pages, the only ones counted. */
export const HUB_PATH_PREFIX = "/public/region";

type Sha256 = (bytes: Uint8Array) => Uint8Array;

const encoder = new TextEncoder();

function hex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/**
 * The bytes hashed for a visitor: salt ‖ user agent ‖ 0x0A ‖ address. The salt has a fixed length and a user agent
 * cannot hold a line break (it is an HTTP header), so no two (user agent, address) pairs give the same bytes.
 */
export function visitorHashInput(salt: Uint8Array, userAgent: string, address: string): Uint8Array {
  if (salt.length !== SALT_BYTES) throw new Error(`salt must be ${SALT_BYTES} bytes`);
  const tail = encoder.encode(`${userAgent}\n${address}`);
  const out = new Uint8Array(salt.length + tail.length);
  out.set(salt, 0);
  out.set(tail, salt.length);
  return out;
}

/** 訪問者ハッシュ: sha256(salt ‖ user agent ‖ address), first 32 hex digits. `sha256` is the platform's digest. */
export function visitorHash(sha256: Sha256, salt: Uint8Array, userAgent: string, address: string): string {
  return hex(sha256(visitorHashInput(salt, userAgent, address))).slice(0, VISITOR_HASH_LENGTH);
}

/**
 * The key of the per-address rate limit: the address hashed with the day's salt (and a label, so that it never equals
 * a visitor hash). The limit counts per address without the address ever reaching the database.
 */
export function rateLimitKey(sha256: Sha256, salt: Uint8Array, address: string): string {
  return visitorHash(sha256, salt, "rate-limit", address);
}

/** Crawlers are not visitors: a user agent naming itself a bot, crawler or spider, or none at all. */
export function isBotUserAgent(userAgent: string | undefined | null): boolean {
  const ua = (userAgent ?? "").trim();
  return ua === "" || /bot|crawler|spider/i.test(ua);
}

/**
 * The browser asks not to be tracked: Global Privacy Control (Sec-GPC: 1) or Do Not Track (DNT: 1). The hub keeps no
 * identifier, but it honours the wish anyway and does not count such a view at all (see the 外部送信 page).
 */
export function asksNotToBeTracked(headers: { dnt?: string | null; secGpc?: string | null }): boolean {
  return headers.dnt?.trim() === "1" || headers.secGpc?.trim() === "1";
}

/**
 * The referring site's host only, lower-case, without port, path or query: "www.google.com". A full URL is cut down
 * to its host; anything that is not a host name becomes "" (direct or unknown).
 */
export function referrerHostOf(value: string | undefined | null): string {
  let text = (value ?? "").trim().toLowerCase();
  if (text === "") return "";
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return "";
    }
  }
  // host[:port] → host
  const host = text.replace(/:\d{1,5}$/, "").replace(/\.$/, "");
  if (host.length > 253) return "";
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(host) ? host : "";
}

/**
 * The page as stored: the path without query or fragment (a query can hold search words), inside the public hub;
 * null for anything else (a visit to another page is not the hub's to count).
 */
export function visitPathOf(value: string): string | null {
  const path = value.split(/[?#]/)[0];
  if (path.length === 0 || path.length > VISIT_PATH_MAX) return null;
  if (path !== HUB_PATH_PREFIX && !path.startsWith(`${HUB_PATH_PREFIX}/`)) return null;
  if (path.split("/").some((segment) => segment === "." || segment === "..")) return null;
  return path;
}
