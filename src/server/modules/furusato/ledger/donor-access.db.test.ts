// Donors' records over HTTP (issue 11, finding 13): only the staff (any role) of the organisation that runs ふるさと納税
// and administrators see them; other divisions see totals only. One rule for names on every list that shows donors
// (寄附台帳, ワンストップ特例, 受領証明書): masked until a manager reveals them, and every reveal is recorded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../../testing/app";
import { buildUser, TEST_PASSWORD } from "../../../testing/factories";
import { addDonations, auditText, buildFollowupFixture, donationRecord, type FollowupFixture } from "./followup-fixture";

let f: FollowupFixture;
let donationId: string;
/** staff of another bureau (財政局): a viewer and an editor */
let otherViewer: TestClient;
let otherEditor: TestClient;
/** a viewer in a division of the bureau that runs ふるさと納税 (政策局) */
let bureauViewer: TestClient;

const LISTS = ["/api/furusato/donations", "/api/furusato/one-stop?year=2024", "/api/furusato/certificates/pending"];

beforeAll(async () => {
  f = await buildFollowupFixture();
  [donationId] = await addDonations(f.t.db, [
    donationRecord({ orderNumber: "D-001", oneStopWish: true, donatedOn: "2024-06-01" }),
    donationRecord({ orderNumber: "D-002", oneStopWish: true, donor: { ...donationRecord().donor, name: "鈴木 一郎" } }),
  ]);
  otherViewer = f.clients.viewer;
  otherEditor = await f.t.login(f.city.otherEditor.loginId, TEST_PASSWORD);
  const inBureau = await buildUser(f.t.db, { role: "viewer", organisationId: f.city.division.id });
  bureauViewer = await f.t.login(inBureau.loginId, TEST_PASSWORD);
});
afterAll(() => f.t.cleanup());

const viewCount = async () =>
  (await f.t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'view_personal'")).rows[0].n;

describe("donors' records (寄附者の情報)", () => {
  it("finding 13: staff of another division get totals only: every route that shows donors refuses them", async () => {
    const donorRoutes = [
      ...LISTS,
      `/api/furusato/donations/${donationId}`,
      "/api/furusato/donations/export",
      "/api/furusato/donations/export?format=xlsx",
      "/api/furusato/shipments",
    ];
    for (const client of [otherViewer, otherEditor]) {
      for (const path of donorRoutes) expect((await client.get(path)).status, path).toBe(403);
      // Totals stay open to them.
      expect((await client.get("/api/furusato/dashboard?fiscalYear=2024")).status).toBe(200);
      expect((await client.get("/api/furusato/access")).body.donors).toBe(false);
    }
  });

  it("finding 13: the ふるさと納税 organisation's staff of any role see donors' records, with names masked on every list", async () => {
    for (const client of [bureauViewer, f.clients.manager, f.clients.admin]) {
      expect((await client.get("/api/furusato/access")).body.donors).toBe(true);
      for (const path of LISTS) {
        const list = await client.get(path);
        expect(list.status, path).toBe(200);
        expect(list.body.revealed, path).toBe(false);
        expect(
          list.body.items.map((i: { donorName: string }) => i.donorName),
          path,
        ).toEqual(expect.arrayContaining(["山田 **", "鈴木 **"]));
        expect(JSON.stringify(list.body), path).not.toMatch(/太郎|一郎/);
      }
    }
    // Revealing names is the managers' (and administrators') work.
    for (const path of LISTS) {
      expect((await bureauViewer.get(`${path}${path.includes("?") ? "&" : "?"}reveal=true`)).status, path).toBe(403);
    }
  });

  it("finding 13: a manager reveals names on any of these lists, and each reveal is recorded without the names", async () => {
    for (const path of LISTS) {
      const before = await viewCount();
      const list = await f.clients.manager.get(`${path}${path.includes("?") ? "&" : "?"}reveal=true`);
      expect(list.status, path).toBe(200);
      expect(list.body.revealed, path).toBe(true);
      expect(list.body.canReveal, path).toBe(true);
      expect(list.body.items.map((i: { donorName: string }) => i.donorName).sort(), path).toEqual(["山田 太郎", "鈴木 一郎"]);
      expect(await viewCount(), path).toBe(before + 1);
    }
    const audit = await auditText(f.t.db);
    expect(audit).not.toContain("太郎");
    expect(audit).not.toContain("一郎");
  });
});
