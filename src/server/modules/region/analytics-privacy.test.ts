// The 外部送信 page (/public/region/privacy) says the hub sends nothing to third parties. That stays true only while
// the pages' Content-Security-Policy lets the browser load nothing from another origin (no tag, font, tile or video
// server): this test fails the day someone adds one, so that the page is updated with it.
import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../platform/http/security";

const FIRST_PARTY = new Set(["'self'", "'none'", "data:", "'unsafe-inline'"]);

describe("the hub's promise of no third-party transmission", () => {
  it("holds: every source the pages may load from is the hub itself (or inline data)", () => {
    const sources = Object.values(CONTENT_SECURITY_POLICY).flat();
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source) => !FIRST_PARTY.has(source))).toEqual([]);
    // connect-src is not widened: the visit counter posts to the hub's own origin only
    expect("connectSrc" in CONTENT_SECURITY_POLICY).toBe(false);
    expect(CONTENT_SECURITY_POLICY.defaultSrc).toEqual(["'self'"]);
  });
});
