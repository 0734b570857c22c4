// 取組状況の報告 over HTTP: the company's certifications with their state (報告期限超過 while a due report is missing)
// and periods; a due period's report saved as a draft (actuals and comments per goal), refused at submission while an
// actual is missing, submitted, then read-only; a period not yet open is refused with its date in 和暦; another
// company's certification is "not found"; a stale version is a 409.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths } from "../../../common/sdgs/certification-lifecycle";
import { buildCompanyWorld, type CompanyWorld, insertCertification } from "./company.fixture";

let w: CompanyWorld;
let cert: Awaited<ReturnType<typeof insertCertification>>;
beforeAll(async () => {
  w = await buildCompanyWorld();
  // certified 13 months ago: the first yearly report was due a month ago
  cert = await insertCertification(w, {
    validFrom: addMonths(w.today, -13),
    validUntil: addDays(addMonths(w.today, 23), 0),
    tierRank: 2,
    number: "KSM-2025-0950",
  });
}, 180_000);
afterAll(() => w?.t.cleanup());

const base = () => `/api/sdgs/company/certifications/${cert.certificationId}/reports`;

describe("progress reports", () => {
  it("lists the company's certifications: 報告期限超過 with period 1 overdue, period 2 not yet open", async () => {
    const r = await w.company.get("/api/sdgs/company/certifications");
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    const item = r.body.items[0];
    expect(item).toMatchObject({ number: "KSM-2025-0950", state: "report_due", stateLabel: "報告期限超過", tierName: "シルバー" });
    expect(item.periods).toEqual([{ period: 1, dueOn: addMonths(w.today, -1), status: "not_started", overdue: true, open: true }]);
    expect(item.nextDueOn).toBe(addMonths(w.today, 11));
  });

  it("opens period 1 with the certified application's goals; refuses period 2 (not yet open) and a period after the end", async () => {
    const r = await w.company.get(`${base()}/1`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ period: 1, status: "not_started", version: null, canEdit: true });
    expect(r.body.goals.map((g: { title: string }) => g.title)).toEqual(["CO2排出量を減らす", "女性管理職を増やす", "地元調達を増やす"]);
    expect(r.body.goals[0]).toMatchObject({ baseline: 10, target: 50, actual: null });
    const later = await w.company.get(`${base()}/2`);
    expect(later.status).toBe(400);
    expect(later.body.error.message).toMatch(/第2期の取組状況の報告はまだ受け付けていません。報告期限（令和\d+年\d+月\d+日）/);
    expect((await w.company.get(`${base()}/9`)).status).toBe(404);
  });

  it("saves a draft, refuses a submission with a missing actual, submits, then it is read-only", async () => {
    const [g1, g2, g3] = cert.goalIds;
    const first = await w.company.put(`${base()}/1`, {
      version: null,
      comment: "1年目は設備更新を進めました。",
      goals: [
        { goalId: g1, actual: 20.5, comment: "照明をLEDに" },
        { goalId: g2, actual: 15, comment: "" },
      ],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: "draft", version: 1, comment: "1年目は設備更新を進めました。" });
    expect(first.body.goals[0]).toMatchObject({ actual: 20.5, comment: "照明をLEDに" });
    const stale = await w.company.put(`${base()}/1`, { version: null, comment: "", goals: [] });
    expect(stale.status).toBe(409);
    const missing = await w.company.post(`${base()}/1/submit`, { version: 1 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain("「地元調達を増やす」");
    const second = await w.company.put(`${base()}/1`, {
      version: 1,
      comment: "1年目は設備更新を進めました。",
      goals: [
        { goalId: g1, actual: 20.5, comment: "照明をLEDに" },
        { goalId: g2, actual: 15, comment: "" },
        { goalId: g3, actual: 38, comment: "" },
      ],
    });
    expect(second.body.version).toBe(2);
    const foreignGoal = await w.company.put(`${base()}/1`, {
      version: 2,
      comment: "",
      goals: [{ goalId: "00000000-0000-4000-8000-000000000000", actual: 1, comment: "" }],
    });
    expect(foreignGoal.status).toBe(400);
    const submitted = await w.company.post(`${base()}/1/submit`, { version: 2 });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: "submitted", statusLabel: "提出済み", canEdit: false });
    expect(submitted.body.submittedAt).not.toBeNull();
    const edit = await w.company.put(`${base()}/1`, { version: 3, comment: "", goals: [] });
    expect(edit.status).toBe(409);
    const list = await w.company.get("/api/sdgs/company/certifications");
    expect(list.body.items[0]).toMatchObject({ state: "active" });
    expect(list.body.items[0].periods[0]).toMatchObject({ status: "submitted", overdue: false });
    const audit = await w.t.db.query("SELECT action FROM audit_log WHERE entity_type = 'sdgs_progress_report' ORDER BY id");
    expect(audit.rows.map((r) => (r as { action: string }).action)).toEqual(["create", "update", "update"]);
  });

  it("another company's certification is not found", async () => {
    const sample = (await w.t.db.query<{ id: string }>("SELECT id FROM sdgs_certifications WHERE company_id = $1", [w.otherCompanyId]))
      .rows[0].id;
    expect((await w.company.get(`/api/sdgs/company/certifications/${sample}/reports/1`)).status).toBe(404);
    expect((await w.other.get(`${base()}/1`)).status).toBe(404);
    expect((await w.other.put(`${base()}/1`, { version: null, comment: "", goals: [] })).status).toBe(404);
    // the sample company reads its own accepted first report
    const own = await w.other.get(`/api/sdgs/company/certifications/${sample}/reports/1`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ status: "accepted", canEdit: false, isSample: true });
  });
});
