// Region: 公開ページ（検索・地図・カレンダー・iCalendar・RSS/Atom・英語ページ） — the hub's public API, no sign-in,
// each route limited per address by its contract's rateLimit. Only published items (public-service.ts).
import * as api from "../../../common/api/region-public";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as feeds from "./feed-service";
import * as ical from "./ical-service";
import { publicOrigin } from "./public-links";
import * as hub from "./public-service";

export function registerPublicRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db, config } = deps;
  router.on(api.searchPublicItems, ({ query }) => hub.searchItems(db, query));
  router.on(api.getPublicItem, ({ params }) => hub.publishedItem(db, params.id));
  router.on(api.listFeaturedItems, ({ query }) => hub.featuredItems(db, query.limit));
  router.on(api.listPublicMunicipalities, () => hub.municipalityChoices(db));
  router.on(api.getMunicipalityBoundaries, async () => hub.municipalityBoundaries());
  router.on(api.listMapPoints, ({ query }) => hub.mapPoints(db, query));
  router.on(api.listCalendarMonth, ({ query }) => hub.calendarMonth(db, query));
  router.on(api.downloadItemIcs, ({ params }, { c }) => ical.eventIcs(db, params.id, publicOrigin(config, c.req.url)));
  router.on(api.downloadEventsIcs, ({ query }, { c }) => ical.eventsIcs(db, query, publicOrigin(config, c.req.url)));
  router.on(api.downloadRssFeed, ({ query }, { c }) => feeds.rssFeed(db, query, publicOrigin(config, c.req.url)));
  router.on(api.downloadAtomFeed, ({ query }, { c }) => feeds.atomFeed(db, query, publicOrigin(config, c.req.url)));
}
