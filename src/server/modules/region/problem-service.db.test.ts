// 取込 and 保留行 through the API: a 市町 editor uploads their own 市町's file (the job imports it), never another 市町's;
// a held row is fixed (checked by the row rules; it becomes an item, or updates the item with its ID) or dismissed
// with a reason, once; another 市町's held row answers 404.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRun } from "../../../common/api/platform";
import type { TestClient } from "../../testing/app";
import { buildCurationWorld, type CurationWorld, NOGATA, YUKUHASHI } from "./curation-world.fixture";
import { readRegionSample } from "./sample-files";

let world: CurationWorld;

beforeAll(async () => {
  world = await buildCurationWorld({ jobs: true });
}, 120_000);
afterAll(() => world?.t.cleanup());

function uploadForm(code: string, dataset: string, name: string, bytes: Uint8Array): FormData {
  const form = new FormData();
  form.append("municipalityCode", code);
  form.append("dataset", dataset);
  form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  return form;
}

async function importAs(client: TestClient, code: string, dataset: string, file: string, bytes = readRegionSample(`opendata/${file}`)) {
  const started = await client.request("POST", "/api/region/imports", uploadForm(code, dataset, file, bytes));
  if (started.status !== 200) return { status: started.status, body: started.body, job: null };
  for (let i = 0; i < 600; i++) {
    const job = (await client.get<JobRun>(`/api/jobs/${started.body.jobId}`)).body;
    if (job.status === "succeeded" || job.status === "failed") return { status: 200, body: started.body, job };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("import job did not finish");
}

let heldId: string;

describe("取込 through the API", () => {
  it("lets a 市町 editor import their own 市町's file and read the result", async () => {
    const { job } = await importAs(world.nogata, NOGATA, "tourism", "402044_tourism.csv");
    expect(job).toMatchObject({ status: "succeeded", rejected: false });
    const result = job?.result as { importId: string; created: number; problems: number; encoding: string };
    expect(result).toMatchObject({ ok: true, created: 9, problems: 1, encoding: "cp932" });
    const detail = await world.nogata.get(`/api/region/imports/${result.importId}`);
    expect(detail.body).toMatchObject({
      municipalityName: "直方市",
      encoding: "cp932",
      headerGeneration: "recommended",
      createdCount: 9,
      problemCount: 1,
      skippedCount: 1,
      skipped: [{ line: 1, reason: expect.any(String) }],
      problemRows: [
        {
          rowNumber: 7,
          status: "open",
          name: "直方 石炭の道 展望所（サンプル）",
          problems: [expect.objectContaining({ code: "lat_lon_swapped" })],
        },
      ],
    });
    heldId = detail.body.problemRows[0].id;
    const history = await world.nogata.get("/api/region/imports");
    expect(history.body.items.map((i: { id: string }) => i.id)).toEqual([result.importId]);
    // another 市町's editor sees neither the import nor its held row
    expect((await world.yukuhashi.get(`/api/region/imports/${result.importId}`)).status).toBe(404);
    expect((await world.yukuhashi.get("/api/region/imports")).body.total).toBe(0);
    expect((await world.yukuhashi.get(`/api/region/problems/${heldId}`)).status).toBe(404);
    expect((await world.yukuhashi.get("/api/region/problems")).body.total).toBe(0);
  });

  it("never imports for another 市町, and refuses staff who do not run the hub", async () => {
    const bytes = readRegionSample("opendata/402133_tourism.csv");
    const foreign = await world.nogata.request(
      "POST",
      "/api/region/imports",
      uploadForm(YUKUHASHI, "tourism", "402133_tourism.csv", bytes),
    );
    expect(foreign.status).toBe(404);
    const viewer = await world.viewer.request("POST", "/api/region/imports", uploadForm(NOGATA, "tourism", "x.csv", bytes));
    expect(viewer.status).toBe(403);
    const otherEditor = await world.otherEditor.request("POST", "/api/region/imports", uploadForm(NOGATA, "tourism", "x.csv", bytes));
    expect(otherEditor.status).toBe(403);
    const { rows } = await world.t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM region_imports WHERE municipality_code = $1", [
      YUKUHASHI,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it("checks the upload: a file, of CSV text, with a 市町 and a dataset", async () => {
    const noFile = new FormData();
    noFile.append("municipalityCode", NOGATA);
    noFile.append("dataset", "tourism");
    const missing = await world.nogata.request("POST", "/api/region/imports", noFile);
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.file).toBeTruthy();
    const png = await world.nogata.request(
      "POST",
      "/api/region/imports",
      uploadForm(NOGATA, "tourism", "photo.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])),
    );
    expect(png.status).toBe(400);
    const badDataset = await world.nogata.request(
      "POST",
      "/api/region/imports",
      uploadForm(NOGATA, "weather", "x.csv", new TextEncoder().encode("a,b\n")),
    );
    expect(badDataset.status).toBe(400);
    expect(badDataset.body.error.fields.dataset).toBeTruthy();
  });

  it("reports a refused file as a rejected job that changed nothing", async () => {
    const { job } = await importAs(world.nogata, NOGATA, "tourism", "memo.csv", new TextEncoder().encode("メモ\n"));
    expect(job).toMatchObject({ status: "succeeded", rejected: true, result: { ok: false, message: expect.any(String) } });
  });
});

describe("保留行", () => {
  it("shows the row as the file had it, its problems and the fix form's values", async () => {
    const response = await world.nogata.get(`/api/region/problems/${heldId}`);
    expect(response.body).toMatchObject({
      status: "open",
      canEdit: true,
      original: { fileName: "402044_tourism.csv", rowNumber: 7, header: expect.arrayContaining(["名称_英語", "住所"]) },
      values: { 名称: "直方 石炭の道 展望所（サンプル）", 緯度: "130.74000", 経度: "33.75000" },
    });
    expect(response.body.original).not.toHaveProperty("columns");
    const list = await world.viewer.get(`/api/region/problems?status=open&municipalityCode=${NOGATA}`);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([heldId]);
  });

  it("refuses a fix that still has problems, naming each field; another 市町's editor gets 404", async () => {
    const values = (await world.nogata.get(`/api/region/problems/${heldId}`)).body.values;
    const still = await world.nogata.post(`/api/region/problems/${heldId}/fix`, { fields: values });
    expect(still.status).toBe(400);
    expect(still.body.error.fields["fields.緯度"]).toContain("入れ替わ");
    expect((await world.yukuhashi.post(`/api/region/problems/${heldId}/fix`, { fields: values })).status).toBe(404);
    expect((await world.yukuhashi.post(`/api/region/problems/${heldId}/dismiss`, { reason: "よその市町" })).status).toBe(404);
  });

  it("turns a fixed row into a draft item that keeps its original row, once", async () => {
    const values = (await world.nogata.get(`/api/region/problems/${heldId}`)).body.values;
    const fixed = await world.nogata.post(`/api/region/problems/${heldId}/fix`, {
      fields: { ...values, 緯度: values.経度, 経度: values.緯度, 名称_英字: "Coal Road Lookout (sample)" },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ created: true, problem: { status: "fixed", resolvedByName: "直方市 編集者", canEdit: false } });
    const item = await world.nogata.get(`/api/region/items/${fixed.body.itemId}`);
    expect(item.body).toMatchObject({
      status: "draft",
      origin: "import",
      sourceId: "5",
      lat: 33.75,
      lon: 130.74,
      // the English name the editor typed in the fix form is the item's translation, not blanked
      nameEn: "Coal Road Lookout (sample)",
      original: { fileName: "402044_tourism.csv", rowNumber: 7 },
      import: { fileName: "402044_tourism.csv" },
    });
    const again = await world.nogata.post(`/api/region/problems/${heldId}/fix`, {
      fields: { ...values, 緯度: values.経度, 経度: values.緯度 },
    });
    expect(again.status).toBe(409);
    const audits = await world.t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_id = $1", [heldId]);
    expect(audits.rows.map((r) => r.action)).toEqual(["fix_problem"]);
  });

  it("updates the item with the same ID when a re-import held the row again", async () => {
    // the same file again: the fixed row's 緯度/経度 are still swapped in the file, so it is held again, while the
    // item it became stays as the editor fixed it
    const { job } = await importAs(world.nogata, NOGATA, "tourism", "402044_tourism.csv");
    const result = job?.result as { importId: string; unchanged: number; problems: number };
    expect(result).toMatchObject({ unchanged: 9, problems: 1 });
    const detail = await world.nogata.get(`/api/region/imports/${result.importId}`);
    const held = detail.body.problemRows[0].id as string;
    const values = (await world.nogata.get(`/api/region/problems/${held}`)).body.values;
    const fixed = await world.nogata.post(`/api/region/problems/${held}/fix`, {
      fields: { ...values, 緯度: values.経度, 経度: values.緯度, 説明: "入れ替えを直しました" },
    });
    expect(fixed.body.created).toBe(false);
    const { rows } = await world.t.db.query<{ n: number; description: string }>(
      "SELECT count(*)::int AS n, max(description) AS description FROM region_items WHERE municipality_code = $1 AND source_id = '5'",
      [NOGATA],
    );
    expect(rows[0]).toEqual({ n: 1, description: "入れ替えを直しました" });
    // a fix that leaves the English name empty keeps the item's translation
    const item = await world.nogata.get(`/api/region/items/${fixed.body.itemId}`);
    expect(item.body.nameEn).toBe(values.名称_英字 || "Coal Road Lookout (sample)");
  });

  it("dismisses a row with its reason, once", async () => {
    const bytes = new TextEncoder().encode(
      "全国地方公共団体コード,ID,地方公共団体名,名称,所在地_連結表記,緯度,経度\r\n402044,X1,直方市,,福岡県直方市,33.74,130.73\r\n",
    );
    const { job } = await importAs(world.nogata, NOGATA, "tourism", "g.csv", bytes);
    const importId = (job?.result as { importId: string } | undefined)?.importId;
    const held = (await world.nogata.get(`/api/region/imports/${importId}`)).body.problemRows[0];
    expect(held.problems[0].code).toBe("required_missing");
    const noReason = await world.nogata.post(`/api/region/problems/${held.id}/dismiss`, { reason: " " });
    expect(noReason.status).toBe(400);
    const dismissed = await world.nogata.post(`/api/region/problems/${held.id}/dismiss`, { reason: "名称のない試験行のため" });
    expect(dismissed.body).toMatchObject({ status: "dismissed", dismissReason: "名称のない試験行のため", canEdit: false });
    expect((await world.manager.post(`/api/region/problems/${held.id}/dismiss`, { reason: "二度目" })).status).toBe(409);
    expect((await world.viewer.get(`/api/region/problems/${held.id}`)).body.dismissReason).toBe("名称のない試験行のため");
  });
});
