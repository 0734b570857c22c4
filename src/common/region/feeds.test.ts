// RSS 2.0 and Atom 1.0 as readers parse them: well-formed XML (read back with a strict parser) whatever the text
// holds (& < > quotes, control characters), RFC 822 and RFC 3339 dates, one item or entry per item.
import { describe, expect, it } from "vitest";
import { escapeXml, type FeedDocument, renderAtom, renderRss, rfc822, rfc3339 } from "./feeds";
import { childrenNamed, parseXml, textOf } from "./xml-tree.fixture";

const feed: FeedDocument = {
  title: "北九州都市圏域 情報ハブ <新着>",
  description: "18市町の新着 & おすすめ",
  link: "https://hub.example.jp/public/region",
  selfUrl: "https://hub.example.jp/api/public/region/feed.rss?kind=new&municipality=401005",
  language: "ja",
  updated: "2026-05-01T03:04:05.678Z",
  entries: [
    {
      id: "0b7c6d1e-1111-4222-8333-944455556666",
      title: `小倉城 "桜" まつり & 茶会 <夜> 'A'\u0007`,
      link: "https://hub.example.jp/public/region/items/0b7c6d1e-1111-4222-8333-944455556666",
      summary: "説明 </description><script>",
      published: "2026-04-01T00:00:00Z",
      updated: "2026-04-02T09:30:00+09:00",
      categories: ["イベント", "北九州市"],
    },
    {
      id: "1b7c6d1e-1111-4222-8333-944455556666",
      title: "二つ目",
      link: "https://hub.example.jp/public/region/items/1b7c6d1e-1111-4222-8333-944455556666",
      summary: "",
      published: "2026-03-01T00:00:00Z",
      updated: "2026-03-01T00:00:00Z",
      categories: [],
    },
  ],
};

describe("feeds", () => {
  it("escapes text for XML and drops characters XML cannot hold", () => {
    expect(escapeXml(`a & b < c > d " e ' f\u0001`)).toBe("a &amp; b &lt; c &gt; d &quot; e &apos; f");
  });

  it("writes dates as RFC 822 (RSS) and RFC 3339 (Atom)", () => {
    expect(rfc822("2022-01-18T10:00:00+09:00")).toBe("Tue, 18 Jan 2022 01:00:00 GMT");
    expect(rfc3339("2022-01-18T10:00:00.123+09:00")).toBe("2022-01-18T01:00:00Z");
  });

  it("RSS 2.0: a channel with its title, self link and one item per entry, read back by a strict parser", () => {
    const rss = parseXml(renderRss(feed));
    expect(rss.name).toBe("rss");
    expect(rss.attributes.version).toBe("2.0");
    const channel = childrenNamed(rss, "channel")[0];
    expect(textOf(channel, "title")).toBe(feed.title);
    expect(childrenNamed(channel, "atom:link")[0].attributes.href).toBe(feed.selfUrl);
    const items = childrenNamed(channel, "item");
    expect(items).toHaveLength(2);
    expect(textOf(items[0], "title")).toBe(`小倉城 "桜" まつり & 茶会 <夜> 'A'`);
    expect(textOf(items[0], "description")).toBe("説明 </description><script>");
    expect(textOf(items[0], "guid")).toBe(feed.entries[0].link);
    expect(childrenNamed(items[0], "category").map((c) => c.text)).toEqual(["イベント", "北九州市"]);
    expect(new Date(textOf(items[0], "pubDate")).toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });

  it("Atom 1.0: a feed with id, updated, author and entries with urn:uuid ids, read back by a strict parser", () => {
    const atom = parseXml(renderAtom(feed));
    expect(atom.name).toBe("feed");
    expect(atom.attributes.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(textOf(atom, "updated")).toBe("2026-05-01T03:04:05Z");
    expect(childrenNamed(atom, "author")).toHaveLength(1);
    const entries = childrenNamed(atom, "entry");
    expect(entries).toHaveLength(2);
    expect(textOf(entries[0], "id")).toBe(`urn:uuid:${feed.entries[0].id}`);
    expect(textOf(entries[0], "updated")).toBe("2026-04-02T00:30:00Z");
    expect(childrenNamed(entries[0], "link")[0].attributes.href).toBe(feed.entries[0].link);
    expect(childrenNamed(entries[0], "category").map((c) => c.attributes.term)).toEqual(["イベント", "北九州市"]);
  });
});
