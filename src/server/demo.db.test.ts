import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoDataIfEmpty } from "./demo";
import * as catalog from "./modules/furusato/catalog";
import * as furusato from "./modules/furusato/repository";
import { createLogger } from "./platform/logger";
import { createTestDb, type TestDb } from "./testing/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe("sample data on a first start", () => {
  it("loads once into an empty database, marked as sample, and never again", async () => {
    expect(await loadDemoDataIfEmpty(t.db, createLogger("silent"))).toBe(true);
    expect(await loadDemoDataIfEmpty(t.db, createLogger("silent"))).toBe(false);
    const documents = await t.db.query<{ is_sample: boolean; status: string }>("SELECT is_sample, status FROM policy_documents");
    expect(documents.rows).toEqual([{ is_sample: true, status: "published" }]);
    const users = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    expect(users.rows[0].n).toBe(0); // no account, no default password: the first administrator comes from the setup link
  });

  it("shows a living catalog: portals with templates, approved gifts, and one portal turned red by a price rise", async () => {
    expect((await furusato.findPortals(t.db)).map((p) => p.code)).toEqual(["rakuten", "ana", "ledghome", "soumu"]);
    const gifts = await furusato.findGifts(t.db, catalog.todayInJapan());
    expect(gifts.every((g) => g.is_sample)).toBe(true);
    const red = [];
    for (const gift of gifts) {
      const { findings } = await catalog.giftWithFindings(t.db, gift.id);
      red.push(...findings.filter((f) => f.rule === "return_ratio" && f.severity === "error").map((f) => `${gift.code}:${f.portalCode}`));
    }
    expect(red).toEqual(["KMF001:rakuten"]);
  });
});
