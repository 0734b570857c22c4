// schema.org markup (JSON-LD) of a hub item for search engines: an Event for イベント (name, startDate, endDate,
// location as a Place with its address and geo, description, eventStatus, image, organizer, and the daily hours as an
// eventSchedule), a Place (TouristAttraction for 観光施設) for the rest. Pure: the server puts it in the page's head
// and the page keeps it current when the visitor moves between items.
import type { PublicItemDetail } from "../api/region-public";
import { minutesOf, timingOf } from "./ical";

export type JsonLd = Record<string, unknown>;

type Item = Pick<
  PublicItemDetail,
  | "dataset"
  | "name"
  | "nameEn"
  | "description"
  | "descriptionEn"
  | "category"
  | "address"
  | "lat"
  | "lon"
  | "startDate"
  | "endDate"
  | "startTime"
  | "endTime"
  | "imageUrl"
  | "url"
  | "municipalityName"
  | "municipalityNameEn"
  | "details"
>;

const httpUrl = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

/** Minutes from a date's midnight (may pass 24 hours) as an ISO date-time in Japan time; the date alone without them. */
function dateTime(date: string, minutes: number | null): string {
  if (minutes === null) return date;
  const [y, m, d] = date.split("-").map(Number);
  const at = new Date(Date.UTC(y, m - 1, d, 0, minutes));
  return `${at.toISOString().slice(0, 16)}:00+09:00`;
}

const detail = (item: Item, column: string) => item.details.find((d) => d.column === column)?.value ?? "";

function textsOf(item: Item, lang: "ja" | "en") {
  return {
    name: (lang === "en" && item.nameEn) || item.name,
    description: (lang === "en" && item.descriptionEn) || item.description,
    locality: lang === "en" ? item.municipalityNameEn : item.municipalityName,
  };
}

function place(item: Item, lang: "ja" | "en", name: string): JsonLd {
  const texts = textsOf(item, lang);
  const result: JsonLd = {
    "@type": "Place",
    name,
    address: {
      "@type": "PostalAddress",
      ...(item.address ? { streetAddress: item.address } : {}),
      addressLocality: texts.locality,
      addressRegion: lang === "en" ? "Fukuoka" : "福岡県",
      addressCountry: "JP",
    },
  };
  if (item.lat !== null && item.lon !== null) result.geo = { "@type": "GeoCoordinates", latitude: item.lat, longitude: item.lon };
  return result;
}

/** The JSON-LD of an item's page (`pageUrl` absolute). */
export function itemJsonLd(item: Item, pageUrl: string, lang: "ja" | "en" = "ja"): JsonLd {
  const texts = textsOf(item, lang);
  const image = httpUrl(item.imageUrl);
  if (item.dataset === "event" && item.startDate) {
    const timing = timingOf({ startDate: item.startDate, endDate: item.endDate, startTime: item.startTime });
    const last = item.endDate ?? item.startDate;
    const organizer = detail(item, "主催者");
    const start = minutesOf(item.startTime);
    let end = minutesOf(item.endTime);
    // an end at or before the start runs past midnight (18:00–02:00), as in the .ics
    if (start !== null && end !== null && end <= start) end += 24 * 60;
    const event: JsonLd = {
      "@context": "https://schema.org",
      "@type": "Event",
      name: texts.name,
      startDate: dateTime(item.startDate, start),
      endDate: dateTime(timing === "timed" ? item.startDate : last, end ?? start),
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: place(item, lang, item.category || item.address || texts.locality),
      organizer: { "@type": "Organization", name: organizer || texts.locality },
      url: pageUrl,
    };
    if (texts.description) event.description = texts.description;
    if (image) event.image = [image];
    if (timing === "daily") {
      // daily opening hours over the period (the same reading as the .ics: one occurrence a day)
      event.eventSchedule = {
        "@type": "Schedule",
        startDate: item.startDate,
        endDate: last,
        repeatFrequency: "P1D",
        startTime: `${item.startTime}:00`,
        ...(item.endTime ? { endTime: `${item.endTime}:00` } : {}),
        scheduleTimezone: "Asia/Tokyo",
      };
    }
    const sameAs = httpUrl(item.url);
    if (sameAs) event.sameAs = sameAs;
    return event;
  }
  const result: JsonLd = {
    "@context": "https://schema.org",
    ...place(item, lang, texts.name),
    "@type": item.dataset === "tourism" ? "TouristAttraction" : "Place",
    url: pageUrl,
  };
  if (texts.description) result.description = texts.description;
  if (image) result.image = image;
  const sameAs = httpUrl(item.url);
  if (sameAs) result.sameAs = sameAs;
  return result;
}

/** JSON for a <script type="application/ld+json">: `<`, `>` and `&` escaped so the text can never close the element. */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
