// The head tags a module gives for a public page are written into the shell escaped: a value can never open a tag,
// close an attribute or end the JSON-LD block; the title and description replace the shell's own.
import { describe, expect, it } from "vitest";
import { applyPageHead, type PageHead, scriptSafeJson } from "./page-head";

const SHELL = `<html><head><meta name="description" content="shell" /><title>横串 Yokogushi</title></head><body></body></html>`;

const head = (over: Partial<PageHead> = {}): PageHead => ({
  title: `A "quoted" <b>title</b> & more`,
  description: `it's <i>here</i>`,
  url: "https://hub.example.jp/public/x?a=1&b=2",
  image: "https://hub.example.jp/card.png",
  type: "website",
  locale: "ja_JP",
  siteName: "ハブ",
  twitterCard: "summary_large_image",
  ...over,
});

describe("applyPageHead", () => {
  it("escapes every value and replaces the title and description", () => {
    const html = applyPageHead(
      SHELL,
      head({ alternates: [{ href: "https://x/feed?a=1&b=2", type: "application/rss+xml", title: `"feed"` }] }),
    );
    expect(html).toContain("<title>A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt; &amp; more</title>");
    expect(html).toContain(`<meta name="description" content="it&#39;s &lt;i&gt;here&lt;/i&gt;" />`);
    expect(html).toContain(`<meta property="og:url" content="https://hub.example.jp/public/x?a=1&amp;b=2" />`);
    expect(html).toContain(`title="&quot;feed&quot;" href="https://x/feed?a=1&amp;b=2"`);
    expect(html).not.toContain("<b>");
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.indexOf("og:title")).toBeLessThan(html.indexOf("</head>"));
  });

  it("writes JSON-LD that cannot end its element", () => {
    const text = scriptSafeJson({ name: "</script><!-- & \u2028" });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text).name).toBe("</script><!-- & \u2028");
    const html = applyPageHead(SHELL, head({ jsonLd: { name: "</script>" } }));
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});
