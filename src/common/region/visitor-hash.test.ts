import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  asksNotToBeTracked,
  isBotUserAgent,
  rateLimitKey,
  referrerHostOf,
  VISITOR_HASH_PATTERN,
  visitorHash,
  visitorHashInput,
  visitPathOf,
} from "./visitor-hash";

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash("sha256").update(bytes).digest());
const salt = (fill: number) => new Uint8Array(16).fill(fill);
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0";

describe("the visitor hash", () => {
  it("is the first 32 hex digits of sha256(salt ‖ user agent ‖ LF ‖ address)", () => {
    const expected = createHash("sha256")
      .update(Buffer.concat([Buffer.from(salt(7)), Buffer.from(`${UA}\n203.0.113.5`)]))
      .digest("hex")
      .slice(0, 32);
    expect(visitorHash(sha256, salt(7), UA, "203.0.113.5")).toBe(expected);
    expect(expected).toMatch(VISITOR_HASH_PATTERN);
  });

  it("is the same for the same salt, browser and address, and differs when any of them differs", () => {
    const base = visitorHash(sha256, salt(1), UA, "203.0.113.5");
    expect(visitorHash(sha256, salt(1), UA, "203.0.113.5")).toBe(base);
    expect(visitorHash(sha256, salt(2), UA, "203.0.113.5")).not.toBe(base);
    expect(visitorHash(sha256, salt(1), `${UA} Edg/1`, "203.0.113.5")).not.toBe(base);
    expect(visitorHash(sha256, salt(1), UA, "203.0.113.6")).not.toBe(base);
  });

  it("never takes two (user agent, address) pairs for the same bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", ":", " ") }), fc.string(), fc.string(), fc.string(), (ua1, a1, ua2, a2) => {
        fc.pre(ua1 !== ua2 || a1 !== a2);
        const x = Buffer.from(visitorHashInput(salt(0), ua1, a1));
        const y = Buffer.from(visitorHashInput(salt(0), ua2, a2));
        return !x.equals(y);
      }),
    );
  });

  it("refuses a salt that is not 16 bytes", () => {
    expect(() => visitorHash(sha256, new Uint8Array(8), UA, "x")).toThrow();
  });

  it("keys the rate limit by the address alone, never equal to a visitor hash", () => {
    const key = rateLimitKey(sha256, salt(1), "203.0.113.5");
    expect(key).toMatch(VISITOR_HASH_PATTERN);
    expect(key).not.toContain("203.0.113.5");
    expect(rateLimitKey(sha256, salt(1), "203.0.113.5")).toBe(key);
    expect(rateLimitKey(sha256, salt(1), "203.0.113.6")).not.toBe(key);
  });
});

describe("who is not counted", () => {
  it("crawlers by their user agent, and a request without one", () => {
    for (const ua of [
      "Googlebot/2.1",
      "Mozilla/5.0 (compatible; bingbot/2.0)",
      "Baiduspider",
      "AhrefsBot",
      "ia_archiver crawler",
      "",
      "  ",
      undefined,
    ])
      expect(isBotUserAgent(ua), String(ua)).toBe(true);
    expect(isBotUserAgent(UA)).toBe(false);
    expect(isBotUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1")).toBe(false);
  });

  it("a browser that sends DNT: 1 or Sec-GPC: 1", () => {
    expect(asksNotToBeTracked({ dnt: "1" })).toBe(true);
    expect(asksNotToBeTracked({ secGpc: "1" })).toBe(true);
    expect(asksNotToBeTracked({ dnt: "0", secGpc: null })).toBe(false);
    expect(asksNotToBeTracked({})).toBe(false);
  });
});

describe("what is kept of the page and the referrer", () => {
  it("the referrer's host only: no scheme, port, path or query; junk is empty", () => {
    expect(referrerHostOf("www.google.com")).toBe("www.google.com");
    expect(referrerHostOf("WWW.Google.COM:443")).toBe("www.google.com");
    expect(referrerHostOf("https://search.yahoo.co.jp/search?p=北九州&fr=top")).toBe("search.yahoo.co.jp");
    expect(referrerHostOf("t.co.")).toBe("t.co");
    for (const junk of ["", "   ", "not a host", "a/b", "user@evil.example", "javascript:alert(1)", "<script>", "-bad-.example"])
      expect(referrerHostOf(junk), junk).toBe("");
  });

  it("never keeps a path or query of the referrer, whatever it is given", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const host = referrerHostOf(url);
        return !host.includes("/") && !host.includes("?") && !host.includes("#") && !host.includes(":");
      }),
    );
  });

  it("the hub's path without query or fragment; nothing outside the hub", () => {
    expect(visitPathOf("/public/region")).toBe("/public/region");
    expect(visitPathOf("/public/region/search?q=石炭&page=2")).toBe("/public/region/search");
    expect(visitPathOf("/public/region/items/abc#map")).toBe("/public/region/items/abc");
    for (const outside of ["/public/regional", "/admin", "/public/region/../admin", "", `/public/region/${"x".repeat(300)}`])
      expect(visitPathOf(outside), outside).toBeNull();
  });
});
