// The public pages' visit beacon: JSON, without credentials (no cookie: the server cannot tell who viewed, and a
// signed-in member of staff is counted without a CSRF token), the path without its query, the referrer's host only
// (none for the hub's own pages), and the campaign tag from ?c=.
import { describe, expect, it } from "vitest";
import { visitBody } from "../../../common/api/region-analytics";
import { hubVisitRequest, referrerHostFor } from "./hubVisit";

const location = { pathname: "/public/region/search", search: "?q=小倉城&c=r8-x-summer", host: "hub.example.jp" };

describe("the visit beacon", () => {
  it("sends JSON without credentials", () => {
    const { url, init } = hubVisitRequest({ pageKind: "search", lang: "ja" }, location, "https://t.co/abc?x=1");
    expect(url).toBe("/api/public/region/visits");
    expect(init).toMatchObject({ method: "POST", credentials: "omit", headers: { "content-type": "application/json" } });
    expect(init.keepalive).toBeUndefined();
    const body = JSON.parse(String(init.body));
    expect(body).toEqual({ pageKind: "search", lang: "ja", path: "/public/region/search", referrerHost: "t.co", campaign: "r8-x-summer" });
    // the search words stay in the browser
    expect(String(init.body)).not.toContain("小倉城");
    // and the server's contract takes the body as it is
    expect(visitBody.safeParse(body).success).toBe(true);
  });

  it("names no referrer for the hub's own pages, none at all, or an unreadable one", () => {
    expect(referrerHostFor("https://hub.example.jp/public/region", "hub.example.jp")).toBe("");
    expect(referrerHostFor("", "hub.example.jp")).toBe("");
    expect(referrerHostFor("not a url", "hub.example.jp")).toBe("");
    const { init } = hubVisitRequest({ pageKind: "home", lang: "en" }, { ...location, search: "" }, "");
    expect(JSON.parse(String(init.body))).toEqual({ pageKind: "home", lang: "en", path: "/public/region/search", referrerHost: "" });
  });
});
