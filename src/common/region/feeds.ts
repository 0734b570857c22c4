// RSS 2.0 and Atom 1.0 documents of the hub's feeds (newly published items, upcoming events). Pure: entries in, XML
// text out. Every text is XML-escaped and loses the characters XML 1.0 cannot hold; dates are RFC 822 in RSS
// (pubDate) and RFC 3339 in Atom (updated, published).

export interface FeedEntry {
  /** a stable id (the item's uuid): Atom's urn:uuid, RSS's guid is the link */
  id: string;
  title: string;
  /** the item's public page, absolute */
  link: string;
  summary: string;
  /** ISO timestamps */
  published: string;
  updated: string;
  categories: readonly string[];
}

export interface FeedDocument {
  title: string;
  description: string;
  /** the page the feed is about (the hub), absolute */
  link: string;
  /** the feed's own URL, absolute */
  selfUrl: string;
  /** "ja" or "en" */
  language: string;
  /** ISO timestamp: the newest entry's, or now for an empty feed */
  updated: string;
  entries: readonly FeedEntry[];
}

/** XML text or attribute value: & < > " ' escaped, characters outside XML 1.0 dropped. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: keeps only the characters XML 1.0 allows
      .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

/** RFC 822 date for RSS (Tue, 18 Jan 2022 01:00:00 GMT). */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** RFC 3339 date for Atom (2022-01-18T01:00:00Z). */
export function rfc3339(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const ATOM_NS = "http://www.w3.org/2005/Atom";

export function renderRss(feed: FeedDocument): string {
  const items = feed.entries.map((entry) =>
    [
      "    <item>",
      `      <title>${escapeXml(entry.title)}</title>`,
      `      <link>${escapeXml(entry.link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(entry.link)}</guid>`,
      `      <description>${escapeXml(entry.summary)}</description>`,
      ...entry.categories.map((category) => `      <category>${escapeXml(category)}</category>`),
      `      <pubDate>${rfc822(entry.published)}</pubDate>`,
      "    </item>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0" xmlns:atom="${ATOM_NS}">`,
    "  <channel>",
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.link)}</link>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    `    <language>${escapeXml(feed.language)}</language>`,
    `    <lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>`,
    `    <atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}

export function renderAtom(feed: FeedDocument): string {
  const entries = feed.entries.map((entry) =>
    [
      "  <entry>",
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <id>urn:uuid:${escapeXml(entry.id)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
      `    <published>${rfc3339(entry.published)}</published>`,
      `    <updated>${rfc3339(entry.updated)}</updated>`,
      `    <summary>${escapeXml(entry.summary)}</summary>`,
      ...entry.categories.map((category) => `    <category term="${escapeXml(category)}"/>`),
      "  </entry>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="${ATOM_NS}" xml:lang="${escapeXml(feed.language)}">`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(feed.description)}</subtitle>`,
    `  <id>${escapeXml(feed.selfUrl)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.link)}"/>`,
    `  <updated>${rfc3339(feed.updated)}</updated>`,
    // Atom requires an author of the feed (or of every entry)
    `  <author><name>${escapeXml(feed.title)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
