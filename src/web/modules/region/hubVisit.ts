// Counts a view of a public hub page (analytics without cookies: the server keeps a daily salted hash, never the
// address). Each public page calls useHubVisit once with what it shows; the campaign tag of a promotion's link
// (?c=<tag>) and the referring site's host go with it.
//
// Sent with fetch and without credentials: no cookie goes with it, so the server never learns who viewed the page —
// and a signed-in member of staff is counted like anyone else (with the session cookie, the platform would ask for the
// CSRF token, which the public pages do not hold). sendBeacon always sends cookies, so it is not used; nor is
// `keepalive`, which a count sent as the page opens (not as it closes) does not need. The small answer is read to its
// end: a response left unread keeps the request open, and a browser test waiting for the network to be idle would
// wait for it forever.
// Only the path (no query), the referrer's host and what the page shows are sent.
import { useEffect } from "react";
import { type HubLang, type HubPageKind, recordVisit } from "../../../common/api/region-analytics";
import { CAMPAIGN_PARAM } from "../../../common/region/campaign-effect";

export type { HubPageKind };

export interface HubVisit {
  pageKind: HubPageKind;
  lang: HubLang;
  municipalityCode?: string;
  itemId?: string;
}

export const HUB_VISIT_URL = recordVisit.path;

/** The referring site's host, or "" for none or for the hub itself (a move between its own pages). */
export function referrerHostFor(referrer: string, ownHost: string): string {
  try {
    const host = referrer ? new URL(referrer).host : "";
    return host === ownHost ? "" : host;
  } catch {
    return "";
  }
}

/** The request a view sends (a pure function of the page's location, so it can be tested without a browser). */
export function hubVisitRequest(visit: HubVisit, location: { pathname: string; search: string; host: string }, referrer: string) {
  const campaign = new URLSearchParams(location.search).get(CAMPAIGN_PARAM) ?? undefined;
  const body = JSON.stringify({ ...visit, path: location.pathname, referrerHost: referrerHostFor(referrer, location.host), campaign });
  const init: RequestInit = {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
    credentials: "omit",
  };
  return { url: HUB_VISIT_URL, init };
}

export function sendHubVisit(visit: HubVisit): void {
  const { url, init } = hubVisitRequest(visit, window.location, document.referrer);
  // a lost count is not the visitor's problem: never an error on the page
  void fetch(url, init)
    .then((response) => response.arrayBuffer())
    .catch(() => {});
}

/**
 * Counts the page once per distinct page (kind, 言語, 市町, item). An item's page is counted by the item alone: the
 * server takes the 市町 from the item, so a page that learns the 市町 only when the item has loaded is not counted twice.
 */
export function useHubVisit(visit: HubVisit): void {
  const { pageKind, lang, itemId } = visit;
  const municipalityCode = itemId ? undefined : visit.municipalityCode;
  useEffect(() => {
    sendHubVisit({ pageKind, lang, municipalityCode, itemId });
  }, [pageKind, lang, municipalityCode, itemId]);
}
