// The two hashes a bundle keeps per listing (see bundle.ts): the fingerprint (did anything the portal receives change?)
// and the per-column field hashes (which columns changed?). Their text is part of the stored export state, so it must
// never change. The field hashes are built as one flat string: a bundle keeps 80,000 of them alive, and a rope of 8-digit
// pieces costs the garbage collector several times the string's own size.
import { hash } from "node:crypto";

// Room for the hex digits of 256 columns; grown for wider rows.
let scratch = Buffer.allocUnsafe(256 * 8);

function reserve(bytes: number): Buffer {
  if (scratch.length < bytes) scratch = Buffer.allocUnsafe(bytes);
  return scratch;
}

const HEX = Buffer.from("0123456789abcdef", "latin1");

/**
 * FNV-1a (32 bit) over UTF-16 units of each value, 8 hex digits per value, in one string: enough to tell which field
 * changed (the fingerprint decides whether one did).
 */
export function fieldHashesOf(values: readonly string[]): string {
  const out = reserve(values.length * 8);
  let n = 0;
  for (let v = 0; v < values.length; v++) {
    const text = values[v];
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    for (let shift = 28; shift >= 0; shift -= 4) out[n++] = HEX[(h >>> shift) & 0xf];
  }
  return out.toString("latin1", 0, n);
}

/** The first 22 base64url characters (132 bits) of SHA-256 over the values as JSON. */
export function fingerprintOf(values: readonly string[]): string {
  return hash("sha256", JSON.stringify(values), "base64url").slice(0, 22);
}
