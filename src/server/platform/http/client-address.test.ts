// Which X-Forwarded-For entry is the caller's address, and how TRUST_PROXY is read.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config";
import { forwardedAddress } from "./client-address";

describe("forwardedAddress", () => {
  it("finding 7: takes the entry the trusted proxies appended, counted from the right, never the client's own", () => {
    const header = "10.0.0.99, 203.0.113.7, 192.0.2.10";
    expect(forwardedAddress(header, 1)).toBe("192.0.2.10");
    expect(forwardedAddress(header, 2)).toBe("203.0.113.7");
    // Fewer entries than proxies: every entry was appended by one of ours, so the leftmost is the caller.
    expect(forwardedAddress("203.0.113.7", 2)).toBe("203.0.113.7");
    expect(forwardedAddress(" 203.0.113.7 ,  ", 1)).toBe("203.0.113.7");
    // Not behind our proxy: the header is the client's word and is ignored.
    expect(forwardedAddress(header, 0)).toBeNull();
    expect(forwardedAddress(undefined, 1)).toBeNull();
    expect(forwardedAddress(" , ", 1)).toBeNull();
  });
});

describe("loadConfig", () => {
  it("reads TRUST_PROXY as a number of hops (unset = 0) and refuses anything else", () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
  });

  it("refuses a PUBLIC_URL that is not an http(s) URL", () => {
    expect(loadConfig({ PUBLIC_URL: "https://yokogushi.example/" }).publicUrl).toBe("https://yokogushi.example");
    expect(() => loadConfig({ PUBLIC_URL: "yokogushi.example" })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: "ftp://yokogushi.example" })).toThrow(/PUBLIC_URL/);
  });
});
