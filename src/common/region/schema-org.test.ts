// schema.org markup of hub items: an Event with the fields search engines read (name, startDate, endDate, location
// Place with address and geo, description, eventStatus, image, organizer), daily hours as an eventSchedule, English
// texts with their fallback, a Place for facilities, and JSON text that can never close its <script> element.
import { describe, expect, it } from "vitest";
import { itemJsonLd, jsonLdText } from "./schema-org";

const base = {
  dataset: "event" as const,
  name: "わっしょい百万夏まつり",
  nameEn: "Wasshoi Million Summer Festival",
  description: "北九州市最大の夏祭り",
  descriptionEn: "",
  category: "小倉都心部",
  address: "福岡県北九州市小倉北区城内1-1",
  lat: 33.8834,
  lon: 130.8752,
  startDate: "2026-08-01",
  endDate: null as string | null,
  startTime: "10:00" as string | null,
  endTime: "21:00" as string | null,
  imageUrl: "https://example.jp/wasshoi.jpg",
  url: "https://example.jp/wasshoi",
  municipalityName: "北九州市",
  municipalityNameEn: "Kitakyushu City",
  details: [{ column: "主催者", value: "わっしょい百万夏まつり振興会" }],
};
const PAGE = "https://hub.example.jp/public/region/items/abc";

describe("itemJsonLd", () => {
  it("describes an event with times in Japan time, its place, organiser, status and image", () => {
    const ld = itemJsonLd(base, PAGE);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      name: "わっしょい百万夏まつり",
      startDate: "2026-08-01T10:00:00+09:00",
      endDate: "2026-08-01T21:00:00+09:00",
      eventStatus: "https://schema.org/EventScheduled",
      description: "北九州市最大の夏祭り",
      image: ["https://example.jp/wasshoi.jpg"],
      organizer: { "@type": "Organization", name: "わっしょい百万夏まつり振興会" },
      url: PAGE,
      location: {
        "@type": "Place",
        name: "小倉都心部",
        address: { "@type": "PostalAddress", streetAddress: base.address, addressLocality: "北九州市", addressCountry: "JP" },
        geo: { "@type": "GeoCoordinates", latitude: 33.8834, longitude: 130.8752 },
      },
    });
    expect(ld.eventSchedule).toBeUndefined();
  });

  it("gives all-day events dates only, and daily hours over a period an eventSchedule", () => {
    const allDay = itemJsonLd({ ...base, startTime: null, endTime: null, endDate: "2026-08-02" }, PAGE);
    expect(allDay.startDate).toBe("2026-08-01");
    expect(allDay.endDate).toBe("2026-08-02");
    const daily = itemJsonLd({ ...base, startDate: "2022-01-18", endDate: "2022-02-18", startTime: "10:00", endTime: "17:00" }, PAGE);
    expect(daily.startDate).toBe("2022-01-18T10:00:00+09:00");
    expect(daily.endDate).toBe("2022-02-18T17:00:00+09:00");
    expect(daily.eventSchedule).toMatchObject({
      repeatFrequency: "P1D",
      startTime: "10:00:00",
      endTime: "17:00:00",
      endDate: "2022-02-18",
    });
    const overnight = itemJsonLd({ ...base, startTime: "18:00", endTime: "02:00" }, PAGE);
    expect(overnight.endDate).toBe("2026-08-02T02:00:00+09:00");
  });

  it("uses the English name in English and falls back to Japanese where there is no translation", () => {
    const ld = itemJsonLd(base, PAGE, "en");
    expect(ld.name).toBe("Wasshoi Million Summer Festival");
    expect(ld.description).toBe("北九州市最大の夏祭り");
    expect((ld.location as { address: { addressLocality: string } }).address.addressLocality).toBe("Kitakyushu City");
  });

  it("describes a facility as a Place (a TouristAttraction for 観光施設) and never names a non-http image", () => {
    const ld = itemJsonLd({ ...base, dataset: "tourism", imageUrl: "javascript:alert(1)", startDate: null, startTime: null }, PAGE);
    expect(ld["@type"]).toBe("TouristAttraction");
    expect(ld.name).toBe(base.name);
    expect(ld.image).toBeUndefined();
    expect(itemJsonLd({ ...base, dataset: "aed" }, PAGE)["@type"]).toBe("Place");
  });

  it("writes JSON that cannot end its script element", () => {
    const text = jsonLdText(itemJsonLd({ ...base, name: "</script><script>alert(1)</script>" }, PAGE));
    expect(text).not.toContain("<");
    expect(JSON.parse(text).name).toBe("</script><script>alert(1)</script>");
  });
});
