// プロモーション over HTTP: campaigns are recorded by the hub's bureau (others read), each with a unique tag and its
// tagged link; versions guard against lost updates; a tag whose link has brought visits is neither changed nor its
// campaign deleted; reach figures are entered per measuring day (a day again overwrites) or imported from the
// platform's CSV all or nothing; the comparison per yen matches figures counted by hand, by campaign, fiscal year,
// channel and both; its Excel and CSV files hold the same.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRun } from "../../../common/api/platform";
import { loadExcelJs } from "../../platform/tabular/exceljs-loader.js";
import type { TestClient } from "../../testing/app";
import { type AnalyticsWorld, buildAnalyticsWorld, insertCampaign, insertVisits } from "./analytics.fixture";

let w: AnalyticsWorld;
let manager: TestClient;
let viewer: TestClient;
let otherEditor: TestClient;

const C = "/api/region/campaigns";

beforeAll(async () => {
  w = await buildAnalyticsWorld({ jobs: true });
  manager = await w.login(w.users.manager.loginId);
  viewer = await w.login(w.city.viewer.loginId);
  otherEditor = await w.login(w.city.otherEditor.loginId);
}, 120_000);
afterAll(() => w?.cleanup());

const body = (extra: object = {}) => ({
  name: "年末年始イベント（Instagram投稿）",
  channel: "instagram",
  kind: "post",
  tag: "r8-test",
  targetPath: "/public/region/calendar",
  publishedOn: "令和8年12月1日",
  endsOn: "2027-01-10",
  costYen: 50_000,
  notes: "試験",
  ...extra,
});

async function finished(client: TestClient, jobId: string): Promise<JobRun> {
  for (let i = 0; i < 300; i++) {
    const job = (await client.get<JobRun>(`/api/jobs/${jobId}`)).body;
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("job did not finish");
}

describe("campaigns", () => {
  let id: string;

  it("are recorded by the hub's bureau with their tagged link, audited; others read and may not write", async () => {
    expect((await viewer.post(C, body())).status).toBe(403);
    expect((await otherEditor.post(C, body())).status).toBe(403);
    const created = await manager.post(C, body({ tag: "R8-Test" }));
    expect(created.status).toBe(200);
    id = created.body.id;
    expect(created.body).toMatchObject({
      tag: "r8-test",
      link: "http://localhost/public/region/calendar?c=r8-test",
      publishedOn: "2026-12-01",
      endsOn: "2027-01-10",
      fiscalYear: 2026,
      costYen: 50_000,
      latest: null,
      visits: 0,
      visitors: 0,
      version: 1,
    });
    const read = await viewer.get(`${C}/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ canManage: false, metrics: [], lastingVisits: 0 });
    expect((await viewer.get(`${C}?fiscalYear=2026`)).body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect((await viewer.get(`${C}?fiscalYear=2025`)).body.items).toEqual([]);
    const audit = await w.db.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'region_campaign' AND entity_id = $1",
      [id],
    );
    expect(audit.rows[0].summary).toBe("プロモーション「年末年始イベント（Instagram投稿）」（タグ r8-test）を登録");
  });

  it("refuse a tag in use, a malformed tag, a page outside the hub and an end before the start, in Japanese", async () => {
    const duplicate = await manager.post(C, body());
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toContain("このタグはほかのキャンペーンで使われています。");
    const bad = await manager.post(C, body({ tag: "夏 タグ" }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.tag).toContain("半角の英小文字");
    expect((await manager.post(C, body({ tag: "r8-other", targetPath: "/admin" }))).status).toBe(400);
    expect((await manager.post(C, body({ tag: "r8-other", targetPath: "/public/region?c=x" }))).status).toBe(400);
    const backwards = await manager.post(C, body({ tag: "r8-other", endsOn: "2026-11-30" }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields.endsOn).toBe("終了日は公開日以降にしてください。");
  });

  it("are changed with the version that was read; an older version is a 409", async () => {
    const changed = await manager.put(`${C}/${id}`, { version: 1, campaign: body({ costYen: 55_000 }) });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, costYen: 55_000 });
    const stale = await manager.put(`${C}/${id}`, { version: 1, campaign: body({ costYen: 1 }) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("stale");
  });

  it("take reach figures per measuring day: the same day again overwrites; the latest of each figure is the campaign's", async () => {
    const first = await manager.put(`${C}/${id}/metrics`, { measuredOn: "2026-12-08", impressions: 1200, reach: 800 });
    expect(first.status).toBe(200);
    await manager.put(`${C}/${id}/metrics`, { measuredOn: "2026-12-15", reach: 1500, linkClicks: 40 });
    const again = await manager.put(`${C}/${id}/metrics`, { measuredOn: "2026-12-15", reach: 1600, linkClicks: 42 });
    expect(again.body).toMatchObject({ measuredOn: "2026-12-15", reach: 1600, linkClicks: 42, impressions: null, source: "entered" });
    expect((await manager.put(`${C}/${id}/metrics`, { measuredOn: "2026-12-20" })).status).toBe(400);
    expect((await viewer.put(`${C}/${id}/metrics`, { measuredOn: "2026-12-20", reach: 1 })).status).toBe(403);
    const read = (await viewer.get(`${C}/${id}`)).body;
    expect(read.metrics.map((m: { measuredOn: string }) => m.measuredOn)).toEqual(["2026-12-15", "2026-12-08"]);
    // impressions were last measured on the 8th; reach and clicks on the 15th
    expect(read.latest).toEqual({
      measuredOn: "2026-12-15",
      impressions: 1200,
      reach: 1600,
      views: null,
      engagements: null,
      linkClicks: 42,
    });
    const removed = await manager.delete(`${C}/${id}/metrics/${first.body.id}`);
    expect(removed.status).toBe(200);
    expect((await viewer.get(`${C}/${id}`)).body.latest.impressions).toBeNull();
  });

  it("keep their tag and stay once their link has brought visits; without visits one is deleted", async () => {
    await insertVisits(w.db, [{ day: "2026-12-02", hash: "f1", campaign: id }]);
    const retag = await manager.put(`${C}/${id}`, { version: 2, campaign: body({ tag: "r8-renamed", costYen: 55_000 }) });
    expect(retag.status).toBe(409);
    expect(retag.body.error.code).toBe("tag_in_use");
    expect((await manager.put(`${C}/${id}`, { version: 2, campaign: body({ name: "名前は変えられる", costYen: 55_000 }) })).status).toBe(
      200,
    );
    const kept = await manager.delete(`${C}/${id}?version=3`);
    expect(kept.status).toBe(409);
    expect(kept.body.error.code).toBe("campaign_has_visits");

    const spare = (await manager.post(C, body({ tag: "r8-spare" }))).body;
    expect((await manager.delete(`${C}/${spare.id}?version=1`)).status).toBe(200);
    expect((await viewer.get(`${C}/${spare.id}`)).status).toBe(404);
  });
});

describe("the reach figures' CSV import (region-campaign-metrics)", () => {
  const HEADER = "タグ,キャンペーン名,計測日,表示回数,リーチ,再生回数,エンゲージメント,リンククリック";

  it("takes a Shift_JIS file whose rows name the campaign by tag or by name, with 1,234 and 和暦", async () => {
    await insertCampaign(w.db, { name: "インポート試験A", tag: "imp-a", channel: "tiktok", publishedOn: "2026-10-01", costYen: 0 });
    await insertCampaign(w.db, { name: "インポート試験B", tag: "imp-b", channel: "youtube", publishedOn: "2026-10-01", costYen: 0 });
    const csv = `${HEADER}\nimp-a,,2026/10/08,"1,200",800,500,30,12\n,インポート試験B,令和8年10月8日,2000,1500,900,50,20\nIMP-A,インポート試験A,2026-10-15,,1000,,,\n`;
    const started = await manager.upload("/api/imports/region-campaign-metrics", "実績値.csv", new Uint8Array(iconv.encode(csv, "cp932")));
    expect(started.status).toBe(200);
    const job = await finished(manager, started.body.jobId);
    expect(job.result).toMatchObject({ ok: true, count: 3 });
    const { rows } = await w.db.query<{ tag: string; measured_on: string; impressions: number | null; reach: number; source: string }>(
      `SELECT c.tag, m.measured_on, m.impressions, m.reach, m.source FROM region_campaign_metrics m
         JOIN region_campaigns c ON c.id = m.campaign_id WHERE c.tag LIKE 'imp-%' ORDER BY c.tag, m.measured_on`,
    );
    expect(rows).toEqual([
      { tag: "imp-a", measured_on: "2026-10-08", impressions: 1200, reach: 800, source: "import" },
      { tag: "imp-a", measured_on: "2026-10-15", impressions: null, reach: 1000, source: "import" },
      { tag: "imp-b", measured_on: "2026-10-08", impressions: 2000, reach: 1500, source: "import" },
    ]);
  });

  it("imports nothing from a file with a bad row, and names every bad row", async () => {
    const before = (await w.db.query<{ n: number }>("SELECT count(*)::int AS n FROM region_campaign_metrics")).rows[0].n;
    const csv = [
      HEADER,
      "imp-a,,2026-11-01,100,90,,,",
      "no-such,,2026-11-01,100,90,,,",
      "imp-a,,2026-11-01,100,90,,,",
      "imp-b,,2026-11-02,-5,90,,,",
      "imp-b,,2026-11-03,,,,,",
      ",,2026-11-04,1,1,,,",
    ].join("\n");
    const job = await finished(
      manager,
      (await manager.upload("/api/imports/region-campaign-metrics", "bad.csv", new TextEncoder().encode(csv))).body.jobId,
    );
    expect(job.result).toMatchObject({ ok: false });
    const errors = (job.result as { errors: { row: number; column?: string; message: string }[] }).errors;
    expect(errors.map((e) => e.row).sort()).toEqual([5, 6, 7]);
    expect(errors.find((e) => e.row === 5)?.message).toBe("表示回数は0以上です");
    expect(errors.find((e) => e.row === 6)?.message).toContain("実績値");
    expect(errors.find((e) => e.row === 7)?.message).toBe("タグかキャンペーン名を入力してください");
    // the cells were fine; the cross-row check names the unknown tag and the repeated day
    const second = "imp-a,,2026-11-01,100,90,,,\nno-such,,2026-11-01,100,90,,,\nimp-a,,2026-11-01,100,90,,,\n";
    const job2 = await finished(
      manager,
      (await manager.upload("/api/imports/region-campaign-metrics", "bad2.csv", new TextEncoder().encode(`${HEADER}\n${second}`))).body
        .jobId,
    );
    expect((job2.result as { errors: unknown[] }).errors).toEqual([
      { row: 3, column: "タグ", message: "タグ no-such のプロモーションが見つかりません" },
      { row: 4, column: "計測日", message: "同じプロモーションの令和8年11月1日の行が重複しています（2行目）" },
    ]);
    expect((await w.db.query<{ n: number }>("SELECT count(*)::int AS n FROM region_campaign_metrics")).rows[0].n).toBe(before);
  });

  it("is refused to an editor of another bureau (by the import) and to a viewer (by the route)", async () => {
    const csv = new TextEncoder().encode(`${HEADER}\nimp-a,,2026-11-05,1,1,,,\n`);
    const job = await finished(otherEditor, (await otherEditor.upload("/api/imports/region-campaign-metrics", "x.csv", csv)).body.jobId);
    expect(job.result).toMatchObject({
      ok: false,
      errors: [{ row: 1, message: "プロモーションの実績値を登録できるのは、情報ハブを所管する局の担当者です" }],
    });
    expect((await viewer.upload("/api/imports/region-campaign-metrics", "x.csv", csv)).status).toBe(403);
  });
});

describe("the comparison per yen", () => {
  it("matches the figures counted by hand, by campaign, fiscal year, channel and both; the files hold the same", async () => {
    await w.db.query("DELETE FROM region_visits");
    await w.db.query("DELETE FROM region_campaigns");
    const k1 = await insertCampaign(w.db, { name: "K1", tag: "k1", channel: "x", publishedOn: "2025-06-01", costYen: 100_000 });
    const k2 = await insertCampaign(w.db, { name: "K2", tag: "k2", channel: "tiktok", publishedOn: "2025-09-01", costYen: 0 });
    const k3 = await insertCampaign(w.db, { name: "K3", tag: "k3", channel: "x", publishedOn: "2026-05-01", costYen: 30_000 });
    await manager.put(`${C}/${k1}/metrics`, { measuredOn: "2025-06-08", impressions: 8000, reach: 5000 });
    await manager.put(`${C}/${k1}/metrics`, { measuredOn: "2025-06-30", reach: 10_000 });
    await manager.put(`${C}/${k3}/metrics`, { measuredOn: "2026-05-10", reach: 6000 });
    await insertVisits(w.db, [
      { day: "2025-06-01", hash: "aa", campaign: k1 },
      { day: "2025-06-01", hash: "aa", campaign: k1 },
      { day: "2025-06-01", hash: "bb", campaign: k1 },
      { day: "2025-06-02", hash: "aa", campaign: k1 },
      // 44 days after 公開日: 継続
      { day: "2025-07-15", hash: "cc", campaign: k1 },
      { day: "2025-09-02", hash: "dd", campaign: k2 },
      { day: "2025-09-02", hash: "dd" },
    ]);
    const d = (await viewer.get("/api/region/campaign-comparison")).body;
    const figures = (r: Record<string, unknown>) => ({
      campaigns: r.campaigns,
      costYen: r.costYen,
      reach: r.reach,
      visits: r.visits,
      visitors: r.visitors,
      lastingVisits: r.lastingVisits,
      costPerVisit: r.costPerVisit,
      costPerVisitor: r.costPerVisitor,
      reachPer1000Yen: r.reachPer1000Yen,
      lastingShare: r.lastingShare,
    });
    expect(d.campaigns.map((c: { name: string }) => c.name)).toEqual(["K1", "K2", "K3"]);
    expect(d.campaigns.map(figures)).toEqual([
      {
        campaigns: 1,
        costYen: 100_000,
        reach: 10_000,
        visits: 5,
        visitors: 4,
        lastingVisits: 1,
        costPerVisit: 20_000,
        costPerVisitor: 25_000,
        reachPer1000Yen: 100,
        lastingShare: 0.2,
      },
      {
        campaigns: 1,
        costYen: 0,
        reach: null,
        visits: 1,
        visitors: 1,
        lastingVisits: 0,
        costPerVisit: 0,
        costPerVisitor: 0,
        reachPer1000Yen: null,
        lastingShare: 0,
      },
      {
        campaigns: 1,
        costYen: 30_000,
        reach: 6000,
        visits: 0,
        visitors: 0,
        lastingVisits: 0,
        costPerVisit: null,
        costPerVisitor: null,
        reachPer1000Yen: 200,
        lastingShare: null,
      },
    ]);
    expect(d.campaigns[0]).toMatchObject({ fiscalYear: 2025, measuredOn: "2025-06-30" });
    expect(d.byFiscalYear.map((g: Record<string, unknown>) => [g.fiscalYear, figures(g)])).toEqual([
      [
        2025,
        {
          campaigns: 2,
          costYen: 100_000,
          reach: 10_000,
          visits: 6,
          visitors: 5,
          lastingVisits: 1,
          costPerVisit: 16_667,
          costPerVisitor: 20_000,
          reachPer1000Yen: 100,
          lastingShare: 1 / 6,
        },
      ],
      [
        2026,
        {
          campaigns: 1,
          costYen: 30_000,
          reach: 6000,
          visits: 0,
          visitors: 0,
          lastingVisits: 0,
          costPerVisit: null,
          costPerVisitor: null,
          reachPer1000Yen: 200,
          lastingShare: null,
        },
      ],
    ]);
    expect(
      d.byChannel.map((g: Record<string, unknown>) => [
        g.channel,
        g.campaigns,
        g.costYen,
        g.reach,
        g.visits,
        g.costPerVisit,
        g.reachPer1000Yen,
      ]),
    ).toEqual([
      ["x", 2, 130_000, 16_000, 5, 26_000, 123.1],
      ["tiktok", 1, 0, null, 1, 0, null],
    ]);
    expect(d.byFiscalYearAndChannel.map((g: Record<string, unknown>) => `${g.fiscalYear}:${g.channel}:${g.visits}`)).toEqual([
      "2025:x:5",
      "2025:tiktok:1",
      "2026:x:0",
    ]);
    expect(figures(d.total)).toMatchObject({
      campaigns: 3,
      costYen: 130_000,
      visits: 6,
      visitors: 5,
      costPerVisit: 21_667,
      costPerVisitor: 26_000,
    });
    expect((await viewer.get("/api/region/campaign-comparison?fiscalYear=2026")).body.campaigns.map((c: { id: string }) => c.id)).toEqual([
      k3,
    ]);

    const xlsx = await viewer.get("/api/region/campaign-comparison.xlsx");
    const book = new (await loadExcelJs()).Workbook();
    await book.xlsx.load(Buffer.from(xlsx.raw) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(["キャンペーン別", "年度別", "媒体別", "年度×媒体", "定義"]);
    const first = book.getWorksheet("キャンペーン別")?.getRow(2).values as unknown[];
    // 終了日 is a blank cell
    expect(first.slice(1)).toEqual([
      "令和7年度",
      "K1",
      "X（旧Twitter）",
      "投稿",
      "k1",
      "令和7年6月1日",
      undefined,
      "令和7年6月30日",
      100_000,
      10_000,
      5,
      4,
      20_000,
      25_000,
      100,
      20,
    ]);
    const csv = String((await viewer.get("/api/region/campaign-comparison.csv?fiscalYear=2025")).body);
    expect(csv).toContain("令和7年度,K2,TikTok,投稿,k2,令和7年9月1日,,,0,,1,1,0,0,,0");
    expect(csv).not.toContain("K3");
  });
});
