// 保存期間: donors of a 年度 that ended more than N years ago are anonymised on the first day after the boundary,
// not before; the count is audited, and the job runs from the administrators' button.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRun } from "../../../../common/api/platform";
import { addDonations, buildFollowupFixture, donationRecord, type FollowupFixture, setSetting } from "./followup-fixture";
import { ANONYMISED_NAME, anonymiseExpiredDonors } from "./retention";

let f: FollowupFixture;

beforeAll(async () => {
  f = await buildFollowupFixture({ jobs: true });
  await addDonations(f.t.db, [
    // FY2019 (令和元年度) ends 2020-03-31; FY2020 begins the next day
    donationRecord({
      orderNumber: "R-2019",
      donatedOn: "2020-03-31",
      shipTo: { name: "送付 先子", postalCode: null, address: "北九州市", phone: null },
    }),
    donationRecord({ orderNumber: "R-2020", donatedOn: "2020-04-01" }),
  ]);
});
afterAll(() => f.t.cleanup());

const donor = async (orderNumber: string) =>
  (
    await f.t.db.query<Record<string, unknown>>(
      "SELECT donor_name, donor_kana, donor_address, donor_phone, donor_email, ship_name, ship_address, anonymised_at FROM furusato_donations WHERE order_number = $1",
      [orderNumber],
    )
  ).rows[0];

describe("保存期間を過ぎた寄附者情報の匿名化", () => {
  it("keeps a 年度's donors through the last day of its N-th year after the end, and anonymises them the day after", async () => {
    const actor = { userId: f.city.admin.id, label: "管理者" };
    expect((await anonymiseExpiredDonors(f.t.db, "2025-03-31", actor)).anonymised).toBe(0);
    expect((await donor("R-2019")).donor_name).toBe("山田 太郎");
    const result = await anonymiseExpiredDonors(f.t.db, "2025-04-01", actor);
    expect(result).toEqual({ anonymised: 1, cutoffFiscalYear: 2019, years: 5 });
    expect(await donor("R-2019")).toMatchObject({
      donor_name: ANONYMISED_NAME,
      donor_kana: null,
      donor_address: null,
      donor_phone: null,
      donor_email: null,
      ship_name: null,
      ship_address: null,
    });
    expect((await donor("R-2019")).anonymised_at).not.toBeNull();
    expect((await donor("R-2020")).donor_name).toBe("山田 太郎");
    const { rows } = await f.t.db.query<{ summary: string; after: unknown }>(
      "SELECT summary, after FROM audit_log WHERE action = 'anonymise'",
    );
    expect(rows.at(-1)?.summary).toContain("1件");
    expect(JSON.stringify(rows)).not.toContain("山田");
  });

  it("follows the furusato.donorRetentionYears setting", async () => {
    await setSetting(f.t.db, "furusato.donorRetentionYears", 4);
    const result = await anonymiseExpiredDonors(f.t.db, "2025-04-01", { userId: null, label: "システム" });
    expect(result).toEqual({ anonymised: 1, cutoffFiscalYear: 2020, years: 4 });
    await setSetting(f.t.db, "furusato.donorRetentionYears", 5);
  });

  it("runs as a job from the administrators' button; other users may not start it", async () => {
    await addDonations(f.t.db, [donationRecord({ orderNumber: "R-2018", donatedOn: "2018-05-01" })]);
    expect((await f.clients.manager.post("/api/furusato/retention", {})).status).toBe(403);
    const status = await f.clients.admin.get("/api/furusato/retention");
    expect(status.body.years).toBe(5);
    expect(status.body.eligible).toBeGreaterThanOrEqual(1); // R-2018 (and R-2020 once its five years are over)
    const started = await f.clients.admin.post("/api/furusato/retention", {});
    expect(started.status).toBe(200);
    let job: JobRun | null = null;
    for (let i = 0; i < 200 && job?.status !== "succeeded" && job?.status !== "failed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await f.clients.admin.get(`/api/jobs/${started.body.jobId}`)).body;
    }
    expect(job?.status).toBe("succeeded");
    expect((await donor("R-2018")).donor_name).toBe(ANONYMISED_NAME);
  });
});
