// Head tags a module gives for one of its public pages (share cards: OGP and Twitter; the canonical link; feed
// discovery; schema.org JSON-LD), written into the SPA's index.html as the server answers the page. A module never
// writes HTML: it returns data (ModuleManifest.publicHead), and this file escapes every value — attribute text
// HTML-escaped, JSON-LD with < > & as \u escapes so that no value can end its element. Crawlers that do not run
// scripts (share previews) see the tags; the page itself is still the SPA.
import type { ModuleManifest } from "../../modules/manifest";
import type { AppDeps } from "./types";

export interface PageHead {
  /** the document's <title> and og:title */
  title: string;
  description: string;
  /** the page's absolute URL (og:url, canonical) */
  url: string;
  /** an absolute URL of the share image */
  image: string;
  imageAlt?: string;
  type: "website" | "article";
  locale: "ja_JP" | "en_US";
  siteName: string;
  twitterCard: "summary" | "summary_large_image";
  /** <link rel="alternate">: feeds (type) and the page in another language (hreflang) */
  alternates?: readonly { href: string; type?: string; title?: string; hreflang?: string }[];
  /** schema.org markup of what the page shows */
  jsonLd?: Readonly<Record<string, unknown>>;
}

export interface PageHeadContext {
  deps: AppDeps;
  /** the site's origin as visitors reach it (PUBLIC_URL, else the request's) */
  origin: string;
}

export type PageHeadProvider = (path: string, context: PageHeadContext) => Promise<PageHead | null>;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** JSON that cannot close a <script> element or start a comment in it. */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const meta = (attribute: "name" | "property", key: string, content: string) =>
  `<meta ${attribute}="${escapeHtml(key)}" content="${escapeHtml(content)}" />`;

/** The tags of a head (without <title> and the description, which replace the shell's own). */
export function renderHeadTags(head: PageHead): string {
  const tags = [
    `<link rel="canonical" href="${escapeHtml(head.url)}" />`,
    meta("property", "og:type", head.type),
    meta("property", "og:site_name", head.siteName),
    meta("property", "og:locale", head.locale),
    meta("property", "og:title", head.title),
    meta("property", "og:description", head.description),
    meta("property", "og:url", head.url),
    meta("property", "og:image", head.image),
    ...(head.imageAlt ? [meta("property", "og:image:alt", head.imageAlt)] : []),
    meta("name", "twitter:card", head.twitterCard),
    meta("name", "twitter:title", head.title),
    meta("name", "twitter:description", head.description),
    meta("name", "twitter:image", head.image),
    ...(head.alternates ?? []).map((alternate) => {
      const attributes = [
        `rel="alternate"`,
        alternate.type ? `type="${escapeHtml(alternate.type)}"` : "",
        alternate.hreflang ? `hreflang="${escapeHtml(alternate.hreflang)}"` : "",
        alternate.title ? `title="${escapeHtml(alternate.title)}"` : "",
        `href="${escapeHtml(alternate.href)}"`,
      ].filter(Boolean);
      return `<link ${attributes.join(" ")} />`;
    }),
    ...(head.jsonLd ? [`<script type="application/ld+json">${scriptSafeJson(head.jsonLd)}</script>`] : []),
  ];
  return tags.map((tag) => `    ${tag}`).join("\n");
}

/** index.html with the page's title and description in place of the shell's, and its tags before </head>. */
export function applyPageHead(html: string, head: PageHead): string {
  const withTitle = html.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(head.title)}</title>`);
  const withDescription = withTitle.replace(
    /<meta name="description" content="[^"]*"\s*\/?>/,
    () => `<meta name="description" content="${escapeHtml(head.description)}" />`,
  );
  return withDescription.replace("</head>", () => `${renderHeadTags(head)}\n  </head>`);
}

/** The first module that gives a head for the path (modules answer null for paths that are not theirs). */
export async function pageHeadOf(modules: readonly ModuleManifest[], path: string, context: PageHeadContext): Promise<PageHead | null> {
  for (const module of modules) {
    const head = await module.publicHead?.(path, context);
    if (head) return head;
  }
  return null;
}
