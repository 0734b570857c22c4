import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./user-agent";

describe("describeUserAgent (ログイン中の端末)", () => {
  it("names the browser and system a user recognises", () => {
    const edge =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
    expect(describeUserAgent(edge)).toBe("Edge（Windows）");
    const iphone =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    expect(describeUserAgent(iphone)).toBe("Safari（iOS）");
    expect(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")).toBe("Firefox（Linux）");
  });

  it("keeps an unknown string short and gives null for none", () => {
    expect(describeUserAgent("curl/8.5.0")).toBe("curl/8.5.0");
    expect(describeUserAgent("x".repeat(60))).toBe(`${"x".repeat(40)}…`);
    expect(describeUserAgent(null)).toBeNull();
    expect(describeUserAgent("  ")).toBeNull();
  });
});
