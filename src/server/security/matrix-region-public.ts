// Route × role matrix rows of the region module's part: 公開ページ（検索・地図・カレンダー・iCalendar・RSS/Atom・英語ページ）
// (see matrix-table.ts for the notation). The hub's public API is read by anyone, signed in or not, external logins
// included; it shows only published items, so a 市町 editor reads another 市町's published item like everyone else
// (no `foreign` row: there is nothing of another 市町's to hide here). Each route is limited per address (the .ics
// and feed routes 60 a minute, shared by their pair): the matrix calls each about a dozen times, well under it.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const ANYONE = "ABDVSCKFRMN";

/** A published event of the sample data, or one written here when the sample data has none yet. */
async function publishedEvent(db: Queryable): Promise<string> {
  const found = await db.query<{ id: string }>(
    "SELECT id FROM region_items WHERE status = 'published' AND dataset = 'event' AND start_date IS NOT NULL ORDER BY published_at DESC, id LIMIT 1",
  );
  if (found.rows[0]) return found.rows[0].id;
  const made = await db.query<{ id: string }>(
    `INSERT INTO region_items (municipality_code, dataset, source_id, origin, name, start_date, status, published_at, bigrams)
     VALUES ('401005', 'event', 'matrix-public-event', 'editor', '行列テストのイベント', current_date + 7, 'published', now(), ARRAY['行列', '列テ'])
     RETURNING id`,
  );
  return made.rows[0].id;
}

export const regionPublicMatrix: MatrixModule = {
  name: "region-public",
  async collect(db) {
    return { "region.publicEvent": await publishedEvent(db) };
  },
  table: {
    "GET /api/public/region/items": { who: ANYONE, query: () => ({ q: "門司港", municipality: "401005", sort: "newest" }) },
    "GET /api/public/region/items/:id": { who: ANYONE, params: (ids: MatrixIds) => ({ id: ids["region.publicEvent"] }) },
    "GET /api/public/region/featured": { who: ANYONE },
    "GET /api/public/region/municipalities": { who: ANYONE },
    "GET /api/public/region/municipalities.geojson": { who: ANYONE },
    "GET /api/public/region/map/points": { who: ANYONE, query: () => ({ dataset: "event" }) },
    "GET /api/public/region/calendar": { who: ANYONE, query: () => ({ month: "2026-08" }) },
    "GET /api/public/region/items/:id/event.ics": { who: ANYONE, params: (ids: MatrixIds) => ({ id: ids["region.publicEvent"] }) },
    "GET /api/public/region/events.ics": { who: ANYONE, query: () => ({ municipality: "401005" }) },
    "GET /api/public/region/feed.rss": { who: ANYONE, query: () => ({ kind: "events" }) },
    "GET /api/public/region/feed.atom": { who: ANYONE, query: () => ({ kind: "new", lang: "en" }) },
  },
};
