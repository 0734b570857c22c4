// Absolute links of the hub's public pages, for what leaves the site (feeds, .ics, share cards, JSON-LD): the
// operator's PUBLIC_URL when set (behind a proxy the app sees its own address), else the request's origin.
import type { Config } from "../../config";

export function publicOrigin(config: Pick<Config, "publicUrl">, requestUrl: string): string {
  return config.publicUrl ?? new URL(requestUrl).origin;
}

export const hubPath = (lang: "ja" | "en") => (lang === "en" ? "/public/region/en" : "/public/region");
export const itemPath = (id: string, lang: "ja" | "en" = "ja") => `${hubPath(lang)}/items/${id}`;
export const calendarPath = (lang: "ja" | "en" = "ja") => `${hubPath(lang)}/calendar`;
