// ワンストップ特例申請 over HTTP: the year's list with its deadline and counts, names masked until a manager reveals them,
// and the rules of 不備 (a missing document needed) and 受理 (none may be missing).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDonations, auditText, buildFollowupFixture, donationRecord, type FollowupFixture } from "./followup-fixture";

let f: FollowupFixture;
let ids: string[];

beforeAll(async () => {
  f = await buildFollowupFixture();
  ids = await addDonations(f.t.db, [
    donationRecord({ orderNumber: "W-001", oneStopWish: true, donatedOn: "2024-06-01" }),
    donationRecord({
      orderNumber: "W-002",
      oneStopWish: true,
      donatedOn: "2024-12-30",
      donor: { ...donationRecord().donor, name: "鈴木 一郎" },
    }),
    donationRecord({ orderNumber: "W-003", oneStopWish: true, donatedOn: "2023-12-31" }),
    donationRecord({ orderNumber: "W-004", oneStopWish: false, donatedOn: "2024-07-01" }),
  ]);
});
afterAll(() => f.t.cleanup());

describe("ワンストップ特例申請", () => {
  it("lists a calendar year's applications with the 1月10日 deadline; names masked until a manager reveals them", async () => {
    const response = await f.clients.manager.get("/api/furusato/one-stop?year=2024&reveal=true");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body).toMatchObject({ year: 2024, deadline: "2025-01-10", total: 2, canEdit: true });
    expect(response.body.items.map((i: { orderNumber: string }) => i.orderNumber)).toEqual(["W-001", "W-002"]);
    expect(response.body.items[1].donorName).toBe("鈴木 一郎");
    expect((await f.clients.manager.get("/api/furusato/one-stop?year=2024")).body.items[1].donorName).toBe("鈴木 **");
    expect(response.body.byStatus).toEqual({ 未着: 2, 受付: 0, 不備: 0, 受理: 0 });
    // Donors' records are for the staff of the bureau that runs ふるさと納税; another bureau's viewer is refused.
    expect((await f.clients.viewer.get("/api/furusato/one-stop?year=2024")).status).toBe(403);
    const masked = await f.clients.donorViewer.get("/api/furusato/one-stop?year=2024");
    expect(masked.body.items.map((i: { donorName: string }) => i.donorName)).toEqual(["山田 **", "鈴木 **"]);
    expect(masked.body.canEdit).toBe(false);
    expect(JSON.stringify(masked.body)).not.toContain("太郎");
    expect((await f.clients.manager.get("/api/furusato/one-stop?year=2023")).body.total).toBe(1);
    expect((await f.clients.kk.get("/api/furusato/one-stop?year=2024")).status).toBe(403);
  });

  it("needs a missing document for 不備 and none for 受理; counts per missing document; only managers update", async () => {
    const path = `/api/furusato/one-stop/${ids[0]}`;
    const base = { version: 1, status: "不備", missing: [], receivedOn: "令和6年12月5日", note: "" };
    expect((await f.clients.viewer.patch(path, { ...base, missing: ["署名"] })).status).toBe(403);
    const noMissing = await f.clients.manager.patch(path, base);
    expect(noMissing.status).toBe(400);
    expect(noMissing.body.error.fields.missing).toContain("不足");
    const incomplete = await f.clients.manager.patch(path, { ...base, missing: ["署名", "本人確認書類"], note: "山田様に電話済み" });
    expect(incomplete.status).toBe(200);
    expect(incomplete.body).toMatchObject({ status: "不備", missing: ["本人確認書類", "署名"], receivedOn: "2024-12-05", version: 2 });
    const counts = (await f.clients.manager.get("/api/furusato/one-stop?year=2024")).body;
    expect(counts.byStatus).toMatchObject({ 未着: 1, 不備: 1 });
    expect(counts.byMissing).toEqual({ 申請書: 0, 個人番号確認書類: 0, 本人確認書類: 1, 署名: 1 });
    expect((await f.clients.manager.get("/api/furusato/one-stop?year=2024&missing=署名")).body.total).toBe(1);
    const stillMissing = await f.clients.manager.patch(path, { ...base, version: 2, status: "受理", missing: ["署名"] });
    expect(stillMissing.status).toBe(400);
    const stale = await f.clients.manager.patch(path, { ...base, version: 1, status: "受理", missing: [] });
    expect(stale.status).toBe(409);
    const accepted = await f.clients.manager.patch(path, { ...base, version: 2, status: "受理", missing: [] });
    expect(accepted.body).toMatchObject({ status: "受理", missing: [] });
    const audit = await auditText(f.t.db);
    expect(audit).toContain("受理");
    expect(audit).not.toContain("山田");
  });
});
