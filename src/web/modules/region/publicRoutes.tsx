// Region: 公開ページ（検索・地図・カレンダー・iCalendar・RSS/Atom・英語ページ） — the hub's public pages under the
// public site's layout, no sign-in: /public/region (search), /public/region/items/$id, /public/region/map,
// /public/region/calendar, and the same in English under /public/region/en. Every page is a lazy chunk; the map's
// boundaries and d3-geo come with the map and item pages only. The pages read their search from the URL.
import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";
import { text } from "../route-helpers";
import { HUB_SEARCH_KEYS, type HubSearch } from "./hubSearch";

const PublicHubPage = lazyRouteComponent(() => import("./PublicHubPage"), "PublicHubPage");
const PublicHubPageEn = lazyRouteComponent(() => import("./PublicHubPage"), "PublicHubPageEn");
const PublicItemPage = lazyRouteComponent(() => import("./PublicItemPage"), "PublicItemPage");
const PublicItemPageEn = lazyRouteComponent(() => import("./PublicItemPage"), "PublicItemPageEn");
const PublicMapPage = lazyRouteComponent(() => import("./PublicMapPage"), "PublicMapPage");
const PublicMapPageEn = lazyRouteComponent(() => import("./PublicMapPage"), "PublicMapPageEn");
const PublicCalendarPage = lazyRouteComponent(() => import("./PublicCalendarPage"), "PublicCalendarPage");
const PublicCalendarPageEn = lazyRouteComponent(() => import("./PublicCalendarPage"), "PublicCalendarPageEn");

const hubSearch = (search: Record<string, unknown>): HubSearch =>
  Object.fromEntries(HUB_SEARCH_KEYS.map((key) => [key, text(search[key])]).filter(([, value]) => value !== undefined));
const mapSearch = (search: Record<string, unknown>) => ({ dataset: text(search.dataset), municipality: text(search.municipality) });
const calendarSearch = (search: Record<string, unknown>) => ({
  month: text(search.month),
  municipality: text(search.municipality),
  q: text(search.q),
});

export function publicRoutes(layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  const site = () => layouts.public;
  const pages = (
    prefix: string,
    hub: typeof PublicHubPage,
    item: typeof PublicItemPage,
    map: typeof PublicMapPage,
    calendar: typeof PublicCalendarPage,
  ) => [
    createRoute({ getParentRoute: site, path: prefix, validateSearch: hubSearch, component: hub }),
    createRoute({ getParentRoute: site, path: `${prefix}/items/$id`, component: item }),
    createRoute({ getParentRoute: site, path: `${prefix}/map`, validateSearch: mapSearch, component: map }),
    createRoute({ getParentRoute: site, path: `${prefix}/calendar`, validateSearch: calendarSearch, component: calendar }),
  ];
  return {
    staff: [],
    public: [
      ...pages("public/region", PublicHubPage, PublicItemPage, PublicMapPage, PublicCalendarPage),
      ...pages("public/region/en", PublicHubPageEn, PublicItemPageEn, PublicMapPageEn, PublicCalendarPageEn),
    ] as AnyRoute[],
  };
}
