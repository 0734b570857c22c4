// Share cards (OGP, Twitter) and links of the hub's public pages, as data for the platform to write into the page's
// head (platform/http/page-head.ts escapes every value): the hub, an item (its name, description and image, else the
// hub's card image; schema.org JSON-LD), the map and the calendar, in Japanese and English; feed discovery
// (<link rel="alternate"> to the RSS and Atom feeds) and the page in the other language.
import { DATASETS } from "../../../common/region/datasets";
import { itemJsonLd } from "../../../common/region/schema-org";
import type { PageHead, PageHeadContext } from "../../platform/http/page-head";
import { calendarPath, hubPath, itemPath } from "./public-links";
import * as repo from "./public-repository";
import { toDetail } from "./public-service";

type Lang = "ja" | "en";

/** The hub's default share image (public/region-hub-card.png, 1200×630), served as a static file. */
export const CARD_IMAGE_PATH = "/region-hub-card.png";

const SITE: Record<Lang, { name: string; description: string; imageAlt: string; map: string; calendar: string }> = {
  ja: {
    name: "北九州都市圏域 情報ハブ",
    description:
      "北九州都市圏域18市町の観光施設・イベント・公共施設などを、市町・種類・日付・場所で探せます。地図とイベントカレンダーもあります。",
    imageAlt: "北九州都市圏域 情報ハブ（18市町の観光・イベント・施設）",
    map: "地図で探す",
    calendar: "イベントカレンダー",
  },
  en: {
    name: "Kitakyushu Metropolitan Region Hub",
    description:
      "Sights, events and facilities of the 18 cities and towns of the Kitakyushu region: search by place, kind and date, on a map and in an event calendar.",
    imageAlt: "Kitakyushu Metropolitan Region Hub (sights, events and facilities of 18 cities and towns)",
    map: "Map",
    calendar: "Event calendar",
  },
};

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const PAGE = new RegExp(`^/public/region(/en)?(?:/(map|calendar)|/items/(${UUID}))?/?$`, "i");

const DESCRIPTION_LENGTH = 120;
const clip = (text: string) =>
  Array.from(text).length > DESCRIPTION_LENGTH ? `${Array.from(text).slice(0, DESCRIPTION_LENGTH).join("")}…` : text;

function feedLinks(origin: string, lang: Lang): NonNullable<PageHead["alternates"]> {
  const suffix = lang === "en" ? "&lang=en" : "";
  const names = lang === "en" ? { new: "new", events: "upcoming events" } : { new: "新着", events: "これからのイベント" };
  return (["new", "events"] as const).flatMap((kind) => [
    {
      type: "application/rss+xml",
      title: `${SITE[lang].name} ${names[kind]} (RSS)`,
      href: `${origin}/api/public/region/feed.rss?kind=${kind}${suffix}`,
    },
    {
      type: "application/atom+xml",
      title: `${SITE[lang].name} ${names[kind]} (Atom)`,
      href: `${origin}/api/public/region/feed.atom?kind=${kind}${suffix}`,
    },
  ]);
}

/** The same page in the other language (the English pages mirror the Japanese ones under /public/region/en). */
function languageLinks(origin: string, jaPath: string, enPath: string): NonNullable<PageHead["alternates"]> {
  return [
    { hreflang: "ja", href: `${origin}${jaPath}` },
    { hreflang: "en", href: `${origin}${enPath}` },
  ];
}

const httpUrl = (url: string) => (/^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null);

/** The head of a hub page, or null for a path that is not one (or an item that is not published). */
export async function regionPublicHead(path: string, { deps, origin }: PageHeadContext): Promise<PageHead | null> {
  const match = PAGE.exec(path);
  if (!match) return null;
  const lang: Lang = match[1] ? "en" : "ja";
  const site = SITE[lang];
  const base = {
    siteName: site.name,
    locale: lang === "en" ? ("en_US" as const) : ("ja_JP" as const),
    twitterCard: "summary_large_image" as const,
    image: `${origin}${CARD_IMAGE_PATH}`,
    imageAlt: site.imageAlt,
  };
  const id = match[3];
  if (id) {
    const row = await repo.findPublishedItem(deps.db, id.toLowerCase());
    if (!row) return null;
    const item = toDetail(row);
    const url = `${origin}${itemPath(item.id, lang)}`;
    const name = (lang === "en" && item.nameEn) || item.name;
    const place = lang === "en" ? item.municipalityNameEn : item.municipalityName;
    const kind = lang === "en" ? DATASETS[item.dataset].labelEn : DATASETS[item.dataset].noun;
    const description = (lang === "en" && item.descriptionEn) || item.description;
    const image = httpUrl(item.imageUrl);
    return {
      ...base,
      title: `${name} | ${site.name}`,
      description: clip(description || (lang === "en" ? `${kind} in ${place}` : `${place}の${kind}`)),
      url,
      type: "article",
      ...(image ? { image, imageAlt: name } : {}),
      alternates: [...feedLinks(origin, lang), ...languageLinks(origin, itemPath(item.id, "ja"), itemPath(item.id, "en"))],
      jsonLd: itemJsonLd(item, url, lang),
    };
  }
  const part = match[2] as "map" | "calendar" | undefined;
  const suffix = part === "calendar" ? calendarPath(lang).slice(hubPath(lang).length) : part ? `/${part}` : "";
  return {
    ...base,
    title: part ? `${site[part]} | ${site.name}` : site.name,
    description: site.description,
    url: `${origin}${hubPath(lang)}${suffix}`,
    type: "website",
    alternates: [...feedLinks(origin, lang), ...languageLinks(origin, `${hubPath("ja")}${suffix}`, `${hubPath("en")}${suffix}`)],
  };
}
